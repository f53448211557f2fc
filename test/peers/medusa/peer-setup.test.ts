/**
 * The pieces the Medusa peer stands on: the throw-away PostgreSQL cluster (real initdb, real server,
 * folder removed after), the cross-process install lock, and the generated Medusa config.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { medusaConfigSource } from './medusa-config';
import { withLock } from './medusa-install';
import { pgClient, requirePostgres, startPostgres } from './postgres-cluster';

const PSQL = join(process.env.BANCADA_PG_BIN ?? '/usr/lib/postgresql/15/bin', 'psql');
const scratch: string[] = [];
const pgBinBefore = process.env.BANCADA_PG_BIN;
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
  if (pgBinBefore === undefined) delete process.env.BANCADA_PG_BIN;
  else process.env.BANCADA_PG_BIN = pgBinBefore;
});

describe('the Medusa peer setup', () => {
  test('a missing PostgreSQL fails with what to install, it does not skip', async () => {
    process.env.BANCADA_PG_BIN = '/nonexistent/pg/bin';
    expect(() => requirePostgres()).toThrow(/\/nonexistent\/pg\/bin\/initdb not found: .*apt-get install postgresql/);
    await expect(startPostgres()).rejects.toThrow(/apt-get install postgresql/);
  });

  test('a throw-away cluster listens on loopback only, runs SQL, and leaves nothing behind', async () => {
    const cluster = await startPostgres();
    try {
      pgClient(cluster, 'createdb', ['bancada_probe']);
      const query = spawnSync(PSQL, ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', '-d', 'bancada_probe', '-Atc', "select current_setting('listen_addresses') || ' ' || 6*7"], { encoding: 'utf8' });
      expect(query.stdout.trim()).toBe('127.0.0.1 42');
    } finally {
      await cluster.stop();
    }
    expect(existsSync(cluster.dataDir)).toBe(false);
  }, 60_000);

  test('the install lock lets one holder in at a time and takes over a lock whose owner is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bancada-lock-'));
    scratch.push(dir);
    const lock = join(dir, 'install.lock');
    const events: string[] = [];
    const hold = (name: string) =>
      withLock(lock, async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 150));
        events.push(`${name} out`);
      });
    await Promise.all([hold('a'), hold('b')]);
    expect(events).toEqual([events[0], events[0]!.replace('in', 'out'), events[2], events[2]!.replace('in', 'out')]);

    // A crashed holder: the lock folder with a pid that no longer runs.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    rmSync(lock, { recursive: true, force: true });
    spawnSync('mkdir', [lock]);
    writeFileSync(join(lock, 'pid'), dead.stdout);
    expect(await withLock(lock, async () => 'taken over', 5_000)).toBe('taken over');
    expect(existsSync(lock)).toBe(false);
  }, 30_000);

  test('the generated config reads every value from the environment and disables the admin build', () => {
    const source = medusaConfigSource();
    expect(source).toMatch(/databaseUrl: process\.env\.DATABASE_URL/);
    expect(source).toMatch(/jwtSecret: process\.env\.JWT_SECRET/);
    expect(source).toMatch(/admin: \{ disable: true \}/);
    expect(source).not.toMatch(/supersecret|sk_/);
  });
});
