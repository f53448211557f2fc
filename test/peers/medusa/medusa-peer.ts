/**
 * A real Medusa 2.21.2 server for tests (not a test file itself). `startMedusaPeer()`:
 * 1. installs Medusa into the cache folder (medusa-install.ts; reused when present);
 * 2. starts a throw-away PostgreSQL 15 cluster (postgres-cluster.ts) from a cached, already
 *    migrated template data folder — built once per install with `medusa db:migrate` and
 *    `medusa user`, so a warm start skips initdb and the migrations;
 * 3. starts `medusa start` on loopback at a free port and waits for GET /health;
 * 4. logs in (POST /auth/user/emailpass) and creates a secret API key (POST /admin/api-keys),
 *    which is what the adapter uses (HTTP Basic, store-platforms.md §3.1).
 * `stop()` ends the server and removes the cluster. Every failure throws with the tail of the
 * server's log: on CI these tests are required, so they fail loudly rather than skip.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureMedusaInstalled, medusaCli, medusaDir, withLock } from './medusa-install';
import { freePort, waitUntil } from './net-helpers';
import { watchdog, type Watchdog } from './watchdog';
import { pgClient, requirePostgres, startPostgres, type PostgresCluster } from './postgres-cluster';

const HERE = dirname(fileURLToPath(import.meta.url));
const DATABASE = 'medusa_peer';
/** A throw-away server on loopback; the admin user only exists to mint the secret API key. */
export const PEER_ADMIN = { email: 'admin@bancada.test', password: 'bancada-peer-admin' } as const;

export interface PeerTimings {
  /** npm ci of Medusa; null when the cached install was reused. */
  readonly installMs: number | null;
  /** initdb + db:migrate + user; null when the cached template was reused. */
  readonly templateMs: number | null;
  /** PostgreSQL from the template, Medusa until /health answers, API key minted. */
  readonly startMs: number;
}

export interface MedusaPeer {
  readonly baseUrl: string;
  /** Secret API key (sk_…) for the adapter and the seeding helpers. */
  readonly apiKey: string;
  readonly timings: PeerTimings;
  /** The last lines Medusa printed (for failure messages). */
  logTail(): string;
  stop(): Promise<void>;
}

function medusaEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    // Fresh secrets per run: nothing from one test server is valid on another.
    JWT_SECRET: randomBytes(24).toString('hex'),
    COOKIE_SECRET: randomBytes(24).toString('hex'),
    BANCADA_PEER_ORIGIN: `http://127.0.0.1:${port}`,
    MEDUSA_DISABLE_TELEMETRY: 'true',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
  };
}

function templateDir(dir: string): string {
  const lock = readFileSync(join(HERE, 'peer-package-lock.json'));
  return join(dir, `pg15-template-${createHash('sha256').update(lock).digest('hex').slice(0, 12)}`);
}

async function cliOrThrow(dir: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const result = await medusaCli(dir, args, env);
  if (result.code !== 0) throw new Error(`medusa ${args[0]} failed (exit ${result.code}):\n${result.output.slice(-3_000)}`);
}

/** A migrated database with the admin user, as a stopped cluster's data folder; built once. */
async function ensureTemplate(dir: string): Promise<number | null> {
  const template = templateDir(dir);
  return withLock(`${template}.lock`, async () => {
    if (existsSync(join(template, 'PG_VERSION'))) return null;
    const started = Date.now();
    const cluster = await startPostgres();
    try {
      pgClient(cluster, 'createdb', [DATABASE]);
      const env = medusaEnv(cluster.url(DATABASE), 9000);
      await cliOrThrow(dir, ['db:migrate'], env);
      await cliOrThrow(dir, ['user', '-e', PEER_ADMIN.email, '-p', PEER_ADMIN.password], env);
      await cluster.shutdown();
      rmSync(`${template}.tmp`, { recursive: true, force: true });
      cpSync(cluster.dataDir, `${template}.tmp`, { recursive: true });
      renameSync(`${template}.tmp`, template);
    } finally {
      await cluster.stop();
    }
    return Date.now() - started;
  });
}

function spawnMedusa(dir: string, env: NodeJS.ProcessEnv, port: number): { child: ChildProcess; log: string[] } {
  const log: string[] = [];
  const child = spawn(process.execPath, [join(dir, 'node_modules', '@medusajs', 'cli', 'cli.js'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 400) log.splice(0, log.length - 400);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, log };
}

async function json(response: Response, what: string): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as unknown;
}

/** Logs in as the peer admin and mints a secret API key. */
async function mintSecretKey(baseUrl: string): Promise<string> {
  const login = (await json(
    await fetch(`${baseUrl}/auth/user/emailpass`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(PEER_ADMIN) }),
    'POST /auth/user/emailpass',
  )) as { token?: unknown };
  if (typeof login.token !== 'string') throw new Error('POST /auth/user/emailpass answered no token');
  const created = (await json(
    await fetch(`${baseUrl}/admin/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
      body: JSON.stringify({ title: 'bancada-peer', type: 'secret' }),
    }),
    'POST /admin/api-keys',
  )) as { api_key?: { token?: unknown } };
  const token = created.api_key?.token;
  if (typeof token !== 'string' || !token.startsWith('sk_')) throw new Error('POST /admin/api-keys answered no secret key');
  return token;
}

export async function startMedusaPeer(): Promise<MedusaPeer> {
  requirePostgres();
  const { dir, installMs } = await ensureMedusaInstalled();
  const templateMs = await ensureTemplate(dir);
  const started = Date.now();
  const cluster: PostgresCluster = await startPostgres({ template: templateDir(dir) });
  let medusa: { child: ChildProcess; log: string[] } | null = null;
  // If the test process dies without stop(), the server goes with it (PostgreSQL has its own watchdog).
  let guard: Watchdog | null = null;
  const stop = async () => {
    guard?.release();
    if (medusa && medusa.child.exitCode === null && medusa.child.signalCode === null) {
      const exited = new Promise((r) => medusa?.child.once('exit', r));
      medusa.child.kill('SIGTERM');
      const killer = setTimeout(() => medusa?.child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    await cluster.stop();
  };
  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const running = spawnMedusa(dir, medusaEnv(cluster.url(DATABASE), port), port);
    medusa = running;
    if (running.child.pid !== undefined) guard = watchdog([[running.child.pid, 'SIGKILL']]);
    await waitUntil('Medusa to answer GET /health', async () => {
      if (running.child.exitCode !== null) throw new Error(`medusa start exited with ${running.child.exitCode}`);
      try {
        return (await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) })).ok;
      } catch {
        return false;
      }
    }, 120_000, 200);
    const apiKey = await mintSecretKey(baseUrl);
    return { baseUrl, apiKey, timings: { installMs, templateMs, startMs: Date.now() - started }, logTail: () => running.log.join('').slice(-4_000), stop };
  } catch (error) {
    const tail = medusa?.log.join('').slice(-3_000) ?? '';
    await stop();
    throw new Error(`the Medusa peer did not start: ${(error as Error).message}\n--- medusa log tail ---\n${tail}`, { cause: error });
  }
}

/** Where the cached install lives (for the report and for developers clearing it). */
export { medusaDir };
