import type { PackException } from '../../../src-shared/domain/pack';
import type { Queryable } from '../database';
import { sql } from '../sql';

export async function insertPackException(db: Queryable, e: { id: string; sessionId: string; orderId: string; reason: string; note: string | null; operatorId: string; at: string }): Promise<void> {
  await db.run(sql`INSERT INTO pack_exceptions (id, session_id, order_id, reason, note, operator_id, at) VALUES (${e.id}, ${e.sessionId}, ${e.orderId}, ${e.reason}, ${e.note}, ${e.operatorId}, ${e.at})`);
}

/**
 * Deletes the session's open exceptions (a short ship the packer took back, or replaced by a hold)
 * and returns their ids for the audit row: they never were the supervisor's to settle.
 */
export async function withdrawSessionExceptions(db: Queryable, sessionId: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>(sql`SELECT id FROM pack_exceptions WHERE session_id = ${sessionId} AND resolved_at IS NULL ORDER BY at`);
  if (rows.length > 0) await db.run(sql`DELETE FROM pack_exceptions WHERE session_id = ${sessionId} AND resolved_at IS NULL`);
  return rows.map((r) => r.id);
}

/** Marks an open exception resolved; returns its order id, or null when it was resolved already (or never existed). */
export async function resolvePackException(db: Queryable, id: string, operatorId: string, at: string): Promise<string | null> {
  const row = await db.get<{ order_id: string }>(sql`SELECT order_id FROM pack_exceptions WHERE id = ${id} AND resolved_at IS NULL`);
  if (!row) return null;
  await db.run(sql`UPDATE pack_exceptions SET resolved_at = ${at}, resolved_by = ${operatorId} WHERE id = ${id} AND resolved_at IS NULL`);
  return row.order_id;
}

/** Open exceptions, newest first: the supervisor's list. */
export async function listOpenPackExceptions(db: Queryable, limit = 100): Promise<PackException[]> {
  const rows = await db.all<{ id: string; order_id: string; number: string; reason: string; note: string | null; operator_id: string; at: string }>(
    sql`SELECT e.id, e.order_id, o.number, e.reason, e.note, e.operator_id, e.at FROM pack_exceptions e JOIN orders o ON o.id = e.order_id
      WHERE e.resolved_at IS NULL ORDER BY e.at DESC LIMIT ${limit}`,
  );
  return rows.map((r) => ({ id: r.id, orderId: r.order_id, orderNumber: r.number, reason: r.reason, note: r.note, operatorId: r.operator_id, at: r.at }));
}
