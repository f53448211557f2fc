import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Database } from './database';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

/** A real SQLite file in its own temp folder, for tests; `dispose` closes and deletes it. */
export async function tempDatabase(): Promise<{ db: Database; file: string; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'bancada-db-'));
  const file = join(dir, 'test.sqlite');
  const db = await Database.open(file);
  return {
    db,
    file,
    dispose: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: returns an opener of temp databases migrated to `version` (default: all shipped
 * migrations), each closed and deleted after its test.
 */
export function tempDatabases(): (version?: number) => Promise<Database> {
  const disposals: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(disposals.splice(0).map((dispose) => dispose()));
  });
  return async (version = MIGRATIONS.length) => {
    const t = await tempDatabase();
    disposals.push(t.dispose);
    await migrate(t.db, MIGRATIONS.slice(0, version));
    return t.db;
  };
}
