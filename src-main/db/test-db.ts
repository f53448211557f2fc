import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from './database';

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
