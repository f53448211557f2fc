import { AppError } from '../../src-shared/errors/codes';
import type { Database } from './database';
import type { Migration } from './migrations';
import { sql } from './sql';

const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`;

/**
 * Applies the pending migrations, each in its own transaction with its ledger row. A database whose
 * applied migrations are not a prefix of the known ones (written by a newer Bancada, or a migration
 * renamed after release) is refused rather than guessed at (Actual's `checkDatabaseValidity`).
 */
export async function migrate(db: Database, known: readonly Migration[], now: () => Date = () => new Date()): Promise<number> {
  await db.exec(LEDGER);
  const applied = await db.all<{ id: number; name: string }>(sql`SELECT id, name FROM schema_migrations ORDER BY id`);
  applied.forEach((row, i) => {
    const expected = known[i];
    if (!expected || expected.id !== row.id || expected.name !== row.name) {
      throw new AppError('db.migrations-out-of-sync', `database migration ${row.id} "${row.name}" is not known to this version (expected ${expected ? `${expected.id} "${expected.name}"` : 'none'})`, {
        migration: row.id,
      });
    }
  });
  const pending = known.slice(applied.length);
  for (const migration of pending) {
    await db.transaction(async (tx) => {
      for (const statement of splitStatements(migration.sql)) await tx.run(sql.raw(statement));
      await tx.run(sql`INSERT INTO schema_migrations (id, name, applied_at) VALUES (${migration.id}, ${migration.name}, ${now().toISOString()})`);
    });
  }
  return pending.length;
}

/**
 * Splits a migration file into statements on `;` at line ends. Migration files are ours and keep
 * to that layout (no `;` at the end of a line inside a string or trigger body).
 */
export function splitStatements(script: string): string[] {
  return script
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
