import { afterEach, describe, expect, it } from 'vitest';
import { Database } from './database';
import { sql } from './sql';
import { tempDatabase } from './test-db';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function fresh(): Promise<Database> {
  const t = await tempDatabase();
  cleanups.push(t.dispose);
  await t.db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT');
  return t.db;
}

describe('the station database connection', () => {
  it('opens a real file in WAL mode with synchronous=FULL, foreign keys and a busy timeout', async () => {
    const db = await fresh();
    expect(await db.get(sql`PRAGMA journal_mode`)).toEqual({ journal_mode: 'wal' });
    expect(await db.get(sql`PRAGMA synchronous`)).toEqual({ synchronous: 2 });
    expect(await db.get(sql`PRAGMA foreign_keys`)).toEqual({ foreign_keys: 1 });
    expect(await db.get(sql`PRAGMA busy_timeout`)).toEqual({ timeout: 5000 });
  });

  it('rolls a transaction back when its work throws', async () => {
    const db = await fresh();
    await expect(
      db.transaction(async (tx) => {
        await tx.run(sql`INSERT INTO t (v) VALUES (${'lost'})`);
        throw new Error('printer on fire');
      }),
    ).rejects.toThrow('printer on fire');
    expect(await db.all(sql`SELECT v FROM t`)).toEqual([]);
  });

  it('keeps concurrent transactions apart: one fails, the other commits whole', async () => {
    const db = await fresh();
    const failing = db.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO t (v) VALUES (${'a1'})`);
      await new Promise((r) => setTimeout(r, 20));
      await tx.run(sql`INSERT INTO t (v) VALUES (${'a2'})`);
      throw new Error('abort a');
    });
    const passing = db.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO t (v) VALUES (${'b1'})`);
      await tx.run(sql`INSERT INTO t (v) VALUES (${'b2'})`);
    });
    const plainWrite = db.run(sql`INSERT INTO t (v) VALUES (${'c'})`);
    await expect(failing).rejects.toThrow('abort a');
    await passing;
    await plainWrite;
    expect((await db.all<{ v: string }>(sql`SELECT v FROM t ORDER BY v`)).map((r) => r.v)).toEqual(['b1', 'b2', 'c']);
  });

  it('stores a hostile string literally', async () => {
    const db = await fresh();
    const hostile = "x'); DROP TABLE t; --";
    await db.run(sql`INSERT INTO t (v) VALUES (${hostile})`);
    expect(await db.get(sql`SELECT v FROM t`)).toEqual({ v: hostile });
  });

  it('refuses work after close instead of hanging', async () => {
    const t = await tempDatabase();
    await t.db.close();
    await expect(t.db.run(sql`SELECT 1`)).rejects.toThrow(/closed/);
    await t.dispose();
  });
});
