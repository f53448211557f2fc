import type { Queryable } from '../database';
import { sql } from '../sql';

/** Rows still to deliver (pending or in flight), for the status bar's sync indicator. */
export async function countPendingOutbox(db: Queryable): Promise<number> {
  const row = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'in-flight')`);
  return row?.n ?? 0;
}
