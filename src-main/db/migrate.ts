import { AppError } from '../../src-shared/errors/codes';
import type { Database, Queryable } from './database';
import { MIGRATIONS, type Migration } from './migrations';
import { sql } from './sql';

const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`;

interface Applied {
  readonly id: number;
  readonly name: string;
}

/** Refuses a ledger that is not a prefix of `known`: a newer Bancada's database, or a renamed migration. */
function assertPrefix(applied: readonly Applied[], known: readonly Migration[]): void {
  applied.forEach((row, i) => {
    const expected = known[i];
    if (!expected || expected.id !== row.id || expected.name !== row.name) {
      const wanted = expected ? `${expected.id} "${expected.name}"` : 'none';
      throw new AppError('db.migrations-out-of-sync', `database migration ${row.id} "${row.name}" is not known to this version (expected ${wanted})`, { migration: row.id });
    }
  });
}

const readLedger = (db: Queryable): Promise<Applied[]> => db.all<Applied>(sql`SELECT id, name FROM schema_migrations ORDER BY id`);

/**
 * Applies the pending migrations, each in its own transaction with its ledger row, and returns how
 * many ran. A database whose applied migrations are not a prefix of the known ones is refused rather
 * than guessed at (Actual's `checkDatabaseValidity`); `known` defaults to the shipped list.
 */
export async function migrate(db: Database, known: readonly Migration[] = MIGRATIONS, now: () => Date = () => new Date()): Promise<number> {
  await db.exec(LEDGER);
  const applied = await readLedger(db);
  assertPrefix(applied, known);
  const pending = known.slice(applied.length);
  for (const migration of pending) {
    await db.transaction(async (tx) => {
      // Another process on the same file may have migrated since the check above.
      const ledger = await readLedger(tx);
      assertPrefix(ledger, known);
      if (ledger.some((row) => row.id === migration.id)) return;
      await tx.exec(migration.sql);
      // foreign_keys cannot be switched off inside a transaction, so a migration that rebuilds a table
      // defers them instead; what it leaves broken is named here, before it is recorded
      // (https://sqlite.org/lang_altertable.html#otheralter, step 10).
      const broken = await tx.all<{ table: string }>(sql`PRAGMA foreign_key_check`);
      if (broken.length > 0) throw new Error(`migration ${migration.name} leaves ${broken.length} rows breaking foreign keys (first in ${broken[0]?.table})`);
      await tx.run(sql`INSERT INTO schema_migrations (id, name, applied_at) VALUES (${migration.id}, ${migration.name}, ${now().toISOString()})`);
    });
  }
  return pending.length;
}
