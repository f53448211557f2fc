import { AppError } from '../../../src-shared/errors/codes';
import type { Database } from '../../db/database';
import { appendAudit } from '../../db/repos/audit';
import { enqueueOutbox } from '../../db/repos/outbox';
import { resolvePackException } from '../../db/repos/pack-exceptions';
import { sql } from '../../db/sql';

export interface ResolveDeps {
  readonly db: Database;
  readonly stationId: string;
  readonly now: () => Date;
}

/**
 * A supervisor settles a packing exception, in one transaction with its audit row. `requeue`: the
 * order goes back to the packing queue and the store is asked to release the hold (outbox
 * `order.release` naming the exception's hold); `close`: the exception leaves the list and the order stays out of the queue.
 * Only an order still in `exception` moves: one cancelled or fulfilled upstream meanwhile stays so.
 */
export async function resolveException(deps: ResolveDeps, id: string, action: 'requeue' | 'close', operatorId: string): Promise<void> {
  const at = deps.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const orderId = await resolvePackException(tx, id, operatorId, at);
    if (!orderId) throw new AppError('pack.exception-resolved', `exception ${id} is already resolved or does not exist`);
    const order = await tx.get<{ external_id: string; number: string; status: string }>(sql`SELECT external_id, number, status FROM orders WHERE id = ${orderId}`);
    const requeued = action === 'requeue' && order?.status === 'exception';
    if (requeued && order) {
      await tx.run(sql`UPDATE orders SET status = 'open', updated_at = ${at} WHERE id = ${orderId} AND status = 'exception'`);
      // The store keeps the exception's hold until it is lifted by name (Shopify holds are keyed by
      // their handle, which is the hold operation's outbox key), so the release names every hold
      // this station placed on the order.
      const holds = await tx.all<{ idempotency_key: string }>(sql`SELECT idempotency_key FROM outbox WHERE aggregate_type = 'order' AND aggregate_id = ${orderId} AND kind = 'order.hold' ORDER BY id`);
      await enqueueOutbox(tx, {
        destination: 'platform',
        aggregateType: 'order',
        aggregateId: orderId,
        payload: { kind: 'order.release', orderExternalId: order.external_id, orderNumber: order.number, holdKeys: holds.map((h) => h.idempotency_key) },
        idempotencyKey: `exception:${id}:release`,
        stationId: deps.stationId,
        operatorId,
        createdAt: at,
      });
    }
    await appendAudit(tx, { at, stationId: deps.stationId, operatorId, action: 'pack.exception-resolved', subjectType: 'order', subjectId: orderId, detail: { exceptionId: id, action, requeued } });
  });
}
