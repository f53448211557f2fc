/**
 * Installs Medusa 2.21.2 for the peer (not a test file itself) into a cache folder outside the app's
 * dependencies — node_modules/.cache/bancada/medusa-2.21.2, or $BANCADA_MEDUSA_DIR — with npm
 * from the committed peer-package.json + peer-package-lock.json (exact versions, transitive ones
 * too; see the note at the install about `npm ci`), and writes the generated medusa-config.js. Reused when the installed lockfile matches.
 * Measured cold: ~60–80 s and 680 MB (store-platforms.md §3.1). npm 11 blocks the dependencies'
 * install scripts (esbuild, protobufjs, msgpackr-extract, @medusajs/telemetry); Medusa runs without
 * them (§5.5), so none are allowed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medusaConfigSource } from './medusa-config';

export const MEDUSA_VERSION = '2.21.2';
const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../../..');

export function medusaDir(): string {
  return process.env.BANCADA_MEDUSA_DIR ?? join(REPO, 'node_modules', '.cache', 'bancada', `medusa-${MEDUSA_VERSION}`);
}

/** A cross-process lock: `mkdir` is atomic; a lock whose owner pid is gone is taken over. */
export async function withLock<T>(path: string, run: () => Promise<T>, timeoutMs = 15 * 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  mkdirSync(dirname(path), { recursive: true });
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'pid'), String(process.pid));
      break;
    } catch {
      if (ownerGone(path)) rmSync(path, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for the lock ${path}`);
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await run();
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}

function ownerGone(lock: string): boolean {
  try {
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return Date.now() - statSync(lock).mtimeMs > 10_000;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // ESRCH: no such process. A lock without a pid file yet is fresh for a few seconds.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
    return existsSync(lock) && !existsSync(join(lock, 'pid')) && Date.now() - statSync(lock).mtimeMs > 10_000;
  }
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) => resolvePromise({ code, output }));
  });
}

export interface InstallReport {
  readonly dir: string;
  /** Null when the cached install was reused. */
  readonly installMs: number | null;
}

/** Makes sure Medusa is installed and configured in medusaDir(); returns how long the install took. */
export async function ensureMedusaInstalled(): Promise<InstallReport> {
  const dir = medusaDir();
  return withLock(`${dir}.lock`, async () => {
    mkdirSync(dir, { recursive: true });
    const lock = readFileSync(join(HERE, 'peer-package-lock.json'), 'utf8');
    const stamp = join(dir, '.bancada-installed-lock.json');
    const current = existsSync(stamp) && readFileSync(stamp, 'utf8') === lock && existsSync(join(dir, 'node_modules', '@medusajs', 'medusa', 'package.json'));
    let installMs: number | null = null;
    if (!current) {
      const started = Date.now();
      writeFileSync(join(dir, 'package.json'), readFileSync(join(HERE, 'peer-package.json')));
      writeFileSync(join(dir, 'package-lock.json'), lock);
      // `npm install`, not `npm ci`: npm 11.19 writes the lock with only this platform's optional
      // binaries (rollup, msgpackr-extract), which `npm ci` then calls out of sync. `install` keeps
      // every version the lock pins and resolves just those.
      const npm = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir, { ...process.env, npm_config_update_notifier: 'false' });
      if (npm.code !== 0) throw new Error(`npm install of Medusa ${MEDUSA_VERSION} in ${dir} failed (exit ${npm.code}); is the npm registry reachable?\n${npm.output.slice(-3_000)}`);
      writeFileSync(stamp, lock);
      installMs = Date.now() - started;
    }
    const config = join(dir, 'medusa-config.js');
    const source = medusaConfigSource();
    if (!existsSync(config) || readFileSync(config, 'utf8') !== source) writeFileSync(config, source);
    return { dir, installMs };
  });
}

/** Runs the Medusa CLI of the cached install (no npx: it would re-resolve and print npm warnings). */
export function medusaCli(dir: string, args: readonly string[], env: NodeJS.ProcessEnv) {
  return run(process.execPath, [join(dir, 'node_modules', '@medusajs', 'cli', 'cli.js'), ...args], dir, env);
}
