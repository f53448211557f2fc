import { randomUUID } from 'node:crypto';
import type { Queryable } from '../database';
import { sql } from '../sql';

export interface StationRow {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

const first = sql`SELECT id, name, created_at AS createdAt FROM stations ORDER BY created_at, id LIMIT 1`;

/** This database's station, or null before the first start. */
export async function getStation(db: Queryable): Promise<StationRow | null> {
  return (await db.get<StationRow>(first)) ?? null;
}

/**
 * This database's station identity, created on first start and stable for the life of the file (it
 * goes into every audit and outbox row). One statement, so two callers cannot create two stations.
 */
export async function ensureStation(db: Queryable, options: { now: string; defaultName: string }): Promise<StationRow> {
  await db.run(sql`INSERT INTO stations (id, name, created_at)
    SELECT ${randomUUID()}, ${options.defaultName}, ${options.now} WHERE NOT EXISTS (SELECT 1 FROM stations)`);
  const row = await getStation(db);
  if (!row) throw new Error('the station row vanished right after it was created');
  return row;
}
