import type { Queryable } from '../database';
import { sql } from '../sql';

/** A setting's JSON value, or null when it was never set. */
export async function getSetting<T>(db: Queryable, key: string): Promise<T | null> {
  const row = await db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${key}`);
  return row ? (JSON.parse(row.value) as T) : null;
}

export async function setSetting(db: Queryable, key: string, value: unknown, now = new Date()): Promise<void> {
  await db.run(sql`INSERT INTO settings (key, value, updated_at) VALUES (${key}, ${JSON.stringify(value)}, ${now.toISOString()})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
}
