import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The station's data folder when none is given: the same folder Electron's `app.getPath('userData')`
 * uses for productName "Bancada", so the desktop app and station server mode share one station.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.BANCADA_DATA_DIR) return env.BANCADA_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Bancada');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Bancada');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Bancada');
}
