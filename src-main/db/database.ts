import sqlite3 from 'sqlite3';
import { MIGRATIONS } from './migrations';
import { migrate } from './migrate';
import type { SqlQuery, SqlValue } from './sql';

export interface RunResult {
  readonly changes: number;
  readonly lastID: number;
}

/** What repositories take: the database itself or an open transaction. */
export interface Queryable {
  run(query: SqlQuery): Promise<RunResult>;
  get<T>(query: SqlQuery): Promise<T | undefined>;
  all<T>(query: SqlQuery): Promise<T[]>;
}

type Raw = sqlite3.Database;

function runRaw(raw: Raw, text: string, values: readonly SqlValue[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    raw.run(text, values as unknown[], function (this: sqlite3.RunResult, error: Error | null) {
      if (error) reject(error);
      else resolve({ changes: this.changes, lastID: this.lastID });
    });
  });
}

function getRaw<T>(raw: Raw, text: string, values: readonly SqlValue[]): Promise<T | undefined> {
  return new Promise((resolve, reject) => raw.get(text, values as unknown[], (error: Error | null, row: T) => (error ? reject(error) : resolve(row))));
}

function allRaw<T>(raw: Raw, text: string, values: readonly SqlValue[]): Promise<T[]> {
  return new Promise((resolve, reject) => raw.all(text, values as unknown[], (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows))));
}

/**
 * The station's one SQLite connection (DESIGN.md "Persistence"). sqlite3 runs statements on a
 * worker thread, so two async callers could interleave statements inside each other's
 * transaction; every write and every transaction therefore goes through one queue. Reads outside a
 * transaction go straight through (they may see the rows of a transaction in flight on this same
 * connection, never another process's uncommitted rows).
 */
export class Database implements Queryable {
  #tail: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(private readonly raw: Raw, readonly file: string) {}

  static async open(file: string): Promise<Database> {
    const raw = await new Promise<Raw>((resolve, reject) => {
      const db: Raw = new sqlite3.Database(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (error) => (error ? reject(error) : resolve(db)));
    });
    const db = new Database(raw, file);
    // synchronous=FULL: an acknowledged "packed" must survive a power cut, even in WAL mode.
    const mode = await getRaw<{ journal_mode: string }>(raw, 'PRAGMA journal_mode = WAL', []);
    if (file !== ':memory:' && mode?.journal_mode !== 'wal') throw new Error(`SQLite refused WAL mode for ${file} (got ${mode?.journal_mode})`);
    await db.exec('PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    return db;
  }

  run(query: SqlQuery): Promise<RunResult> {
    return this.#serialise(() => runRaw(this.raw, query.text, query.values));
  }

  get<T>(query: SqlQuery): Promise<T | undefined> {
    return getRaw<T>(this.raw, query.text, query.values);
  }

  all<T>(query: SqlQuery): Promise<T[]> {
    return allRaw<T>(this.raw, query.text, query.values);
  }

  /** Runs a script of trusted SQL (migrations, pragmas). */
  exec(script: string): Promise<void> {
    return this.#serialise(() => new Promise<void>((resolve, reject) => this.raw.exec(script, (error) => (error ? reject(error) : resolve()))));
  }

  /**
   * BEGIN IMMEDIATE … COMMIT, rolled back if `work` throws. Takes the write lock at BEGIN so a
   * second station process fails fast on busy_timeout instead of deadlocking on upgrade.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#serialise(async () => {
      await runRaw(this.raw, 'BEGIN IMMEDIATE', []);
      const tx: Queryable = {
        run: (q) => runRaw(this.raw, q.text, q.values),
        get: <R>(q: SqlQuery) => getRaw<R>(this.raw, q.text, q.values),
        all: <R>(q: SqlQuery) => allRaw<R>(this.raw, q.text, q.values),
      };
      try {
        const result = await work(tx);
        await runRaw(this.raw, 'COMMIT', []);
        return result;
      } catch (error) {
        await runRaw(this.raw, 'ROLLBACK', []).catch(() => undefined);
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#tail.catch(() => undefined);
    await new Promise<void>((resolve, reject) => this.raw.close((error) => (error ? reject(error) : resolve())));
  }

  #serialise<T>(work: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('the station database is closed'));
    const next = this.#tail.then(work, work);
    this.#tail = next.catch(() => undefined);
    return next;
  }
}

/** Opens the station database and brings its schema up to date (or refuses it). */
export async function openStationDatabase(file: string): Promise<Database> {
  const db = await Database.open(file);
  try {
    await migrate(db, MIGRATIONS);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
