import { randomUUID } from 'node:crypto';
import type { Database } from '../database';
import { sql } from '../sql';

export interface StationRow {
  readonly id: string;
  readonly name: string;
}

/** This database's station identity, created on first start and stable for the life of the file. */
export async function ensureStation(db: Database, options: { now: string; defaultName: string }): Promise<StationRow> {
  const existing = await db.get<StationRow>(sql`SELECT id, name FROM stations ORDER BY created_at LIMIT 1`);
  if (existing) return existing;
  const row = { id: randomUUID(), name: options.defaultName };
  await db.run(sql`INSERT INTO stations (id, name, created_at) VALUES (${row.id}, ${row.name}, ${options.now})`);
  return row;
}
