/**
 * A throw-away PostgreSQL 15 cluster for the Medusa peer (not a test file itself): initdb into a
 * temp folder, `postgres` on loopback at a free port with its socket in that folder, stopped and
 * removed after. Debian keeps initdb/postgres outside PATH, under /usr/lib/postgresql/15/bin
 * (store-platforms.md §3.1, "CI recipe"). PostgreSQL refuses to run as root, so when the tests run
 * as root (CI containers do) the server runs as Debian's `postgres` user through spawn's uid/gid.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitUntil } from './net-helpers';
import { watchdog } from './watchdog';

/** Read at each call, so a developer (or a test) can point it elsewhere. */
function pgBin(): string {
  return process.env.BANCADA_PG_BIN ?? '/usr/lib/postgresql/15/bin';
}

export interface PostgresCluster {
  readonly port: number;
  readonly dataDir: string;
  /** postgres://postgres@127.0.0.1:PORT/NAME */
  url(database: string): string;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
  /** Stops the server cleanly and keeps the data folder (to copy it as a template). */
  shutdown(): Promise<void>;
}

interface RunAs {
  readonly uid?: number;
  readonly gid?: number;
}

/** Fails (never skips) with one line when PostgreSQL 15 is absent: CI installs it (.ci/run). */
export function requirePostgres(): void {
  for (const program of ['initdb', 'postgres']) {
    if (!existsSync(join(pgBin(), program))) {
      throw new Error(`${join(pgBin(), program)} not found: the Medusa peer tests need PostgreSQL 15 (apt-get install postgresql), or set BANCADA_PG_BIN`);
    }
  }
}

/** Root cannot run PostgreSQL; run it as the `postgres` user Debian's package creates. */
function runAs(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) throw new Error('running as root and there is no "postgres" user to run PostgreSQL as (apt-get install postgresql creates it)');
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function chownTree(path: string, as: RunAs): void {
  if (as.uid === undefined || as.gid === undefined) return;
  const done = spawnSync('chown', ['-R', `${as.uid}:${as.gid}`, path]);
  if (done.status !== 0) chownSync(path, as.uid, as.gid);
}

/** initdb into `dataDir`, whose parent the server's user owns (trust auth, superuser `postgres`, no fsync: this data is thrown away). */
export function initCluster(dataDir: string): void {
  const as = runAs();
  const init = spawnSync(join(pgBin(), 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'], {
    encoding: 'utf8',
    ...as,
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
  });
  if (init.status !== 0) throw new Error(`initdb failed (exit ${init.status}): ${(init.stderr || init.stdout || String(init.error)).trim().slice(-800)}`);
}

/**
 * Starts a cluster. With `template` (a data folder made by initCluster and already migrated), its
 * copy is used instead of a fresh initdb: the warm path skips initdb and Medusa's 17 s of migrations.
 */
export async function startPostgres(options: { template?: string } = {}): Promise<PostgresCluster> {
  requirePostgres();
  const as = runAs();
  const root = mkdtempSync(join(tmpdir(), 'bancada-pg-'));
  const dataDir = join(root, 'data');
  chownTree(root, as);
  if (options.template) {
    cpSync(options.template, dataDir, { recursive: true });
    // PostgreSQL refuses a data folder others may read.
    chmodSync(dataDir, 0o700);
  } else initCluster(dataDir);
  chownTree(root, as);
  const port = await freePort();
  const log: string[] = [];
  const server: ChildProcess = spawn(
    join(pgBin(), 'postgres'),
    // fsync off and no full-page writes: a test cluster that dies with its temp folder.
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${root}`, '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'],
    { stdio: ['ignore', 'pipe', 'pipe'], ...as, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } },
  );
  server.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  // A test process that dies without stop() must not leave a server behind (SIGQUIT: immediate shutdown).
  const guard = server.pid === undefined ? null : watchdog([[server.pid, 'SIGQUIT']], root);
  const shutdown = async () => {
    guard?.release();
    // SIGINT is PostgreSQL's "fast shutdown": clients are disconnected, the data folder stays consistent.
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
    await exited;
  };
  const stop = async () => {
    await shutdown();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitUntil('PostgreSQL to accept connections', () => {
      if (server.exitCode !== null) throw new Error(`postgres exited with ${server.exitCode}: ${log.join('').trim().slice(-800)}`);
      return spawnSync(join(pgBin(), 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'], { stdio: 'ignore' }).status === 0;
    }, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, dataDir, url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`, stop, shutdown };
}

/** Runs a PostgreSQL client program (createdb …) against the cluster. */
export function pgClient(cluster: PostgresCluster, program: string, args: readonly string[]): void {
  const done = spawnSync(join(pgBin(), program), ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', ...args], { encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${(done.stderr || String(done.error)).trim()}`);
}
