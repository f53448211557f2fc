import type { PackException } from '../../../src-shared/domain/pack';
import type { Queryable } from '../database';
import { sql } from '../sql';

export async function insertPackException(db: Queryable, e: { id: string; sessionId: string; orderId: string; reason: string; note: string | null; operatorId: string; at: string }): Promise<void> {
  await db.run(sql`INSERT INTO pack_exceptions (id, session_id, order_id, reason, note, operator_id, at) VALUES (${e.id}, ${e.sessionId}, ${e.orderId}, ${e.reason}, ${e.note}, ${e.operatorId}, ${e.at})`);
}

/** Open exceptions, newest first: the supervisor's list. */
export async function listOpenPackExceptions(db: Queryable, limit = 100): Promise<PackException[]> {
  const rows = await db.all<{ id: string; order_id: string; number: string; reason: string; note: string | null; operator_id: string; at: string }>(
    sql`SELECT e.id, e.order_id, o.number, e.reason, e.note, e.operator_id, e.at FROM pack_exceptions e JOIN orders o ON o.id = e.order_id
      WHERE e.resolved_at IS NULL ORDER BY e.at DESC LIMIT ${limit}`,
  );
  return rows.map((r) => ({ id: r.id, orderId: r.order_id, orderNumber: r.number, reason: r.reason, note: r.note, operatorId: r.operator_id, at: r.at }));
}
