import { AsyncLocalStorage } from 'node:async_hooks';
import sqlite3 from 'sqlite3';
import { MIGRATIONS } from './migrations';
import { migrate } from './migrate';
import { sql, type SqlFragment, type SqlQuery, type SqlValue } from './sql';

export interface RunResult {
  readonly changes: number;
  readonly lastID: number;
}

/** What repositories take: the database itself or an open transaction. */
export interface Queryable {
  run(query: SqlFragment): Promise<RunResult>;
  get<T>(query: SqlFragment): Promise<T | undefined>;
  all<T>(query: SqlFragment): Promise<T[]>;
}

/** An open transaction; `exec` runs a trusted multi-statement script (migrations). */
export interface Transaction extends Queryable {
  exec(script: string): Promise<void>;
}

type Raw = sqlite3.Database;
type Bindable = string | number | null | Uint8Array;

/**
 * node-sqlite3 binds a BigInt as NULL without complaint (checked against 6.0.1), so a bigint is
 * narrowed to a number here, and refused when a number cannot carry it exactly.
 */
function bindable(values: readonly SqlValue[]): Bindable[] {
  if (!values.some((v) => typeof v === 'bigint')) return values as Bindable[];
  return values.map((v) => {
    if (typeof v !== 'bigint') return v;
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`sql: the bigint ${v} is outside the range sqlite3 can bind exactly`);
    return Number(v);
  });
}

function runRaw(raw: Raw, query: SqlQuery): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    raw.run(query.text, bindable(query.values), function (this: sqlite3.RunResult, error: Error | null) {
      if (error) reject(error);
      else resolve({ changes: this.changes, lastID: this.lastID });
    });
  });
}

function getRaw<T>(raw: Raw, query: SqlQuery): Promise<T | undefined> {
  return new Promise((resolve, reject) => raw.get(query.text, bindable(query.values), (error: Error | null, row: T) => (error ? reject(error) : resolve(row))));
}

function allRaw<T>(raw: Raw, query: SqlQuery): Promise<T[]> {
  return new Promise((resolve, reject) => raw.all(query.text, bindable(query.values), (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows))));
}

function execRaw(raw: Raw, script: string): Promise<void> {
  return new Promise((resolve, reject) => raw.exec(script, (error) => (error ? reject(error) : resolve())));
}

function closeRaw(raw: Raw): Promise<void> {
  return new Promise((resolve, reject) => raw.close((error) => (error ? reject(error) : resolve())));
}

/** The transaction whose callback is running, so a stray `db.run` inside it fails instead of hanging. */
const current = new AsyncLocalStorage<{ readonly db: Database; open: boolean }>();

/**
 * The station's one SQLite connection (DESIGN.md "Persistence"). sqlite3 runs statements on a
 * worker thread, so two async callers could interleave statements inside each other's
 * transaction; every statement therefore goes through one queue, reads included, so nobody reads the
 * uncommitted rows of a transaction that may still roll back. Inside a transaction, use its handle.
 */
export class Database implements Queryable {
  #tail: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(
    private readonly raw: Raw,
    readonly file: string,
  ) {}

  static async open(file: string): Promise<Database> {
    const raw = await new Promise<Raw>((resolve, reject) => {
      const db: Raw = new sqlite3.Database(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (error) => (error ? reject(error) : resolve(db)));
    });
    // Serialized mode: the worker runs statements strictly in the order they were issued, so a
    // statement a transaction's work left un-awaited still runs before that transaction's ROLLBACK.
    raw.serialize();
    try {
      const mode = await getRaw<{ journal_mode: string }>(raw, sql`PRAGMA journal_mode = WAL`);
      // WAL can be refused silently (e.g. some network filesystems); then the file must not be used.
      if (file !== ':memory:' && mode?.journal_mode !== 'wal') throw new Error(`SQLite refused WAL mode for ${file} (got ${mode?.journal_mode})`);
      // synchronous=FULL: an acknowledged "packed" must survive a power cut, even in WAL mode.
      await execRaw(raw, 'PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    } catch (error) {
      await closeRaw(raw).catch(() => undefined);
      throw error;
    }
    return new Database(raw, file);
  }

  run(query: SqlFragment): Promise<RunResult> {
    return this.#serialise(() => runRaw(this.raw, query));
  }

  get<T>(query: SqlFragment): Promise<T | undefined> {
    return this.#serialise(() => getRaw<T>(this.raw, query));
  }

  all<T>(query: SqlFragment): Promise<T[]> {
    return this.#serialise(() => allRaw<T>(this.raw, query));
  }

  /** Runs a script of trusted SQL (pragmas, test schemas); never built from input. */
  exec(script: string): Promise<void> {
    return this.#serialise(() => execRaw(this.raw, script));
  }

  /**
   * BEGIN IMMEDIATE … COMMIT, rolled back if `work` throws. IMMEDIATE takes the write lock at BEGIN
   * so another process on the file waits on busy_timeout there, instead of failing at its first write.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.#serialise(async () => {
      await runRaw(this.raw, sql`BEGIN IMMEDIATE`);
      const scope = { db: this, open: true };
      const tx = this.#handle(scope);
      try {
        const result = await current.run(scope, () => work(tx));
        await runRaw(this.raw, sql`COMMIT`);
        return result;
      } catch (error) {
        // After some errors (SQLITE_FULL, IOERR) SQLite has already rolled back; nothing left to undo.
        await runRaw(this.raw, sql`ROLLBACK`).catch(() => undefined);
        throw error;
      } finally {
        scope.open = false;
      }
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#tail.catch(() => undefined);
    await closeRaw(this.raw);
  }

  /** A handle valid only while its transaction is open, so a leaked one cannot write outside it. */
  #handle(scope: { open: boolean }): Transaction {
    const live = <R>(work: () => Promise<R>): Promise<R> => (scope.open ? work() : Promise.reject(new Error('this transaction has already ended')));
    return {
      run: (q) => live(() => runRaw(this.raw, q)),
      get: <R>(q: SqlFragment) => live(() => getRaw<R>(this.raw, q)),
      all: <R>(q: SqlFragment) => live(() => allRaw<R>(this.raw, q)),
      exec: (script) => live(() => execRaw(this.raw, script)),
    };
  }

  #serialise<T>(work: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('the station database is closed'));
    const scope = current.getStore();
    if (scope?.open && scope.db === this) {
      // Queued behind the transaction it is part of, this call would wait forever.
      return Promise.reject(new Error('the database was called directly inside its own transaction: use the transaction handle'));
    }
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
