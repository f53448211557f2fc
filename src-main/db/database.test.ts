import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database, Transaction } from './database';
import { sql } from './sql';
import { tempDatabase } from './test-db';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function fresh(): Promise<Database> {
  const t = await tempDatabase();
  cleanups.push(t.dispose);
  await t.db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT; CREATE TABLE big (n INTEGER, b BLOB) STRICT;');
  return t.db;
}

const values = async (db: Database): Promise<string[]> => (await db.all<{ v: string }>(sql`SELECT v FROM t ORDER BY v`)).map((r) => r.v);

/** Lets the event loop turn, so another caller gets every chance to slip in. */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

describe('the station database connection', () => {
  it('opens a real file in WAL mode with synchronous=FULL, foreign keys on and a busy timeout', async () => {
    const t = await tempDatabase();
    cleanups.push(t.dispose);
    expect(await t.db.get(sql`PRAGMA journal_mode`)).toEqual({ journal_mode: 'wal' });
    expect(await t.db.get(sql`PRAGMA synchronous`)).toEqual({ synchronous: 2 });
    expect(await t.db.get(sql`PRAGMA foreign_keys`)).toEqual({ foreign_keys: 1 });
    expect(await t.db.get(sql`PRAGMA busy_timeout`)).toEqual({ timeout: 5000 });
    await t.db.exec('CREATE TABLE w (x INTEGER) STRICT');
    expect(existsSync(`${t.file}-wal`)).toBe(true);
  });

  it('rolls a transaction back when its work throws', async () => {
    const db = await fresh();
    await expect(
      db.transaction(async (tx) => {
        await tx.run(sql`INSERT INTO t (v) VALUES (${'lost'})`);
        throw new Error('printer on fire');
      }),
    ).rejects.toThrow('printer on fire');
    expect(await values(db)).toEqual([]);
  });

  it('keeps concurrent transactions apart: one fails, the other and a plain write commit whole', async () => {
    const db = await fresh();
    const failing = db.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO t (v) VALUES (${'a1'})`);
      await pause();
      await tx.run(sql`INSERT INTO t (v) VALUES (${'a2'})`);
      throw new Error('abort a');
    });
    const passing = db.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO t (v) VALUES (${'b1'})`);
      await pause();
      await tx.run(sql`INSERT INTO t (v) VALUES (${'b2'})`);
    });
    const plainWrite = db.run(sql`INSERT INTO t (v) VALUES (${'c'})`);
    await expect(failing).rejects.toThrow('abort a');
    await passing;
    await plainWrite;
    expect(await values(db)).toEqual(['b1', 'b2', 'c']);
  });

  it('rolls back a statement the work issued but did not wait for', async () => {
    const db = await fresh();
    await expect(
      db.transaction(async (tx) => {
        void tx.run(sql`INSERT INTO t (v) VALUES (${'fire and forget'})`);
        throw new Error('scale disconnected');
      }),
    ).rejects.toThrow('scale disconnected');
    await pause();
    expect(await values(db)).toEqual([]);
  });

  it('never shows a reader the rows of a transaction that is still open', async () => {
    const db = await fresh();
    let inserted!: () => void;
    let release!: () => void;
    const insertedOne = new Promise<void>((resolve) => (inserted = resolve));
    const hold = new Promise<void>((resolve) => (release = resolve));
    const tx = db.transaction(async (t) => {
      await t.run(sql`INSERT INTO t (v) VALUES (${'uncommitted'})`);
      inserted();
      await hold;
      throw new Error('rolled back');
    });
    await insertedOne;
    let settled = false;
    const reader = values(db).finally(() => (settled = true));
    await pause();
    const answeredWhileOpen = settled;
    release();
    await expect(tx).rejects.toThrow('rolled back');
    expect(answeredWhileOpen).toBe(false);
    expect(await reader).toEqual([]);
  });

  it('refuses a direct call inside its own transaction instead of waiting forever', async () => {
    const db = await fresh();
    await expect(db.transaction(() => db.run(sql`INSERT INTO t (v) VALUES (${'x'})`))).rejects.toThrow(/transaction handle/);
    await expect(db.transaction(() => db.transaction(async () => 1))).rejects.toThrow(/transaction handle/);
    expect(await values(db)).toEqual([]);
  });

  it('refuses a transaction handle used after its transaction ended', async () => {
    const db = await fresh();
    let leaked: Transaction | null = null;
    await db.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.run(sql`INSERT INTO t (v) VALUES (${'late'})`)).rejects.toThrow(/ended/);
    expect(await values(db)).toEqual([]);
  });

  it('runs scripts inside a transaction through its handle, and rolls them back too', async () => {
    const db = await fresh();
    await expect(
      db.transaction(async (tx) => {
        await tx.exec("CREATE TABLE u (x INTEGER) STRICT; INSERT INTO t (v) VALUES ('scripted');");
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await db.get(sql`SELECT name FROM sqlite_master WHERE name = 'u'`)).toBeUndefined();
    expect(await values(db)).toEqual([]);
  });

  it('stores a bigint exactly and refuses one a number cannot carry (sqlite3 would bind it as NULL)', async () => {
    const db = await fresh();
    await db.run(sql`INSERT INTO big (n, b) VALUES (${9_007_199_254_740_991n}, ${new Uint8Array([0, 255, 7])})`);
    const row = await db.get<{ n: number; b: Buffer }>(sql`SELECT n, b FROM big`);
    expect(row?.n).toBe(9_007_199_254_740_991);
    expect([...row!.b]).toEqual([0, 255, 7]);
    await expect(db.run(sql`INSERT INTO big (n) VALUES (${2n ** 63n})`)).rejects.toThrow(RangeError);
  });

  it('refuses work after close instead of hanging', async () => {
    const t = await tempDatabase();
    await t.db.close();
    await expect(t.db.run(sql`SELECT 1`)).rejects.toThrow(/closed/);
    await t.dispose();
  });
});
