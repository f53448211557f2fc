import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_KEY } from '../../src-shared/api/bridge';
import { EVENT_NAMES, METHOD_NAMES } from '../../src-shared/api/names';

// The built app in the real Electron binary: the one place the shell, the preload and the
// renderer meet (reference/electron-style-security.md B6 #4, B7 tier 4). Where the binary can't be
// downloaded (this project's CI) the suite is reported as skipped, with one line saying why.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');

/**
 * The Electron executable, found as node_modules/electron/index.js finds it but without its
 * fallback: in plain Node `require('electron')` starts a download when the binary is missing.
 */
function findElectron(): { readonly binary: string } | { readonly reason: string } {
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'the Electron binary is not installed (no node_modules/electron/path.txt; installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline)' };
  const binary = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { reason: `the Electron binary is missing (${binary})` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { reason: 'there is no display (DISPLAY unset); run it under xvfb-run' };
  return { binary };
}

const electron = findElectron();
const skipReason = 'reason' in electron ? electron.reason : null;
if (skipReason) console.log(`electron-smoke: skipped because ${skipReason}.`);

describe.skipIf(skipReason !== null)('the Electron shell', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    if (!('binary' in electron)) return;
    if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) throw new Error('out/main/index.js is missing: run `npm run build` first.');
    dataDir = mkdtempSync(join(tmpdir(), 'bancada-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    // A fresh station in a temp folder, loading the built UI (not a dev server), never as plain Node.
    env.BANCADA_DATA_DIR = dataDir;
    delete env.ELECTRON_RENDERER_URL;
    delete env.ELECTRON_RUN_AS_NODE;
    // `electron <project>` runs package.json `main`, out/main/index.js.
    app = await _electron.launch({ executablePath: electron.binary, args: [ROOT], cwd: ROOT, env, timeout: 45_000 });
    // Links the page hands to the system browser are recorded instead of opened.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { bancadaOpened: string[] }).bancadaOpened = opened;
      // eslint-disable-next-line no-restricted-syntax -- a test double in the app under test, not a call.
      shell.openExternal = async (url: string) => void opened.push(url);
    });
    page = await app.firstWindow();
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the login screen, served from app://bancada/', async () => {
    await page.locator('[data-testid="login-screen"]').waitFor({ state: 'visible', timeout: 30_000 });
    const url = new URL(page.url());
    expect([url.protocol, url.host]).toEqual(['app:', 'bancada']);
  });

  it('gives the page exactly the contract on window.bancada, and no Node', async () => {
    const seen = await page.evaluate((key) => {
      const page = globalThis as unknown as Record<string, unknown>;
      const api = page[key] as { call: object; on: object };
      return {
        keys: Object.keys(page).filter((name) => name === key).length,
        top: Object.keys(api).sort(),
        call: Object.keys(api.call).sort(),
        on: Object.keys(api.on).sort(),
        frozen: Object.isFrozen(api) && Object.isFrozen(api.call) && Object.isFrozen(api.on),
        require: typeof page.require,
        process: typeof page.process,
        module: typeof page.module,
        Buffer: typeof page.Buffer,
        ipcRenderer: typeof page.ipcRenderer,
      };
    }, BRIDGE_KEY);
    expect(seen).toEqual({
      keys: 1,
      top: ['call', 'on'],
      call: [...METHOD_NAMES].sort(),
      on: [...EVENT_NAMES].sort(),
      frozen: true,
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      ipcRenderer: 'undefined',
    });
  });

  it('answers a contract call through the bridge with the result envelope', async () => {
    const result = await page.evaluate(
      (key) => ((globalThis as unknown as Record<string, { call: Record<string, (input: unknown) => Promise<unknown>> }>)[key]?.call['station:info']?.({})),
      BRIDGE_KEY,
    );
    expect(result).toMatchObject({ ok: true, value: { stationId: expect.any(String) } });
  });

  it('keeps the window on our page and opens no other window', async () => {
    const before = page.url();
    const opened = await page.evaluate(`(() => {
      const popup = window.open('https://example.invalid/', '_blank');
      location.href = 'https://example.invalid/?next=app://bancada';
      return popup === null;
    })()`);
    await page.waitForTimeout(500);
    expect(opened).toBe(true);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
    // The http(s) link went to the system browser (safeOpenExternal), once; the navigation nowhere.
    expect(await app.evaluate(() => (globalThis as unknown as { bancadaOpened: string[] }).bancadaOpened)).toEqual(['https://example.invalid/']);
  });

  it('runs no inline script (the CSP header holds)', async () => {
    const ran = await page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__bancadaInline = true';
      document.head.append(script);
      return window.__bancadaInline === true;
    })()`);
    expect(ran).toBe(false);
  });
});
