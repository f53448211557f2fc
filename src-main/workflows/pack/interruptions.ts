import type { UpstreamChange } from '../../../src-shared/domain/pack';
import { appendAudit } from '../../db/repos/audit';
import { isLive, nowIso, type PackContext } from './open-pack';
import { applyEvent } from './pack-step';

/** What sync calls when a pulled change hits an order (the signature the sync engine codes against). */
export type OrderInterruption = (orderId: string, change: UpstreamChange) => Promise<void>;

/**
 * The hook for the sync engine: when an order changes upstream (cancelled, edited, put on hold,
 * fulfilled elsewhere) while it is open at this bench, the packer is stopped at once; the pushed
 * view carries the change and the screen says what happened and what to do. Orders not open here
 * are ignored (sync updates their status; the claim check refuses them on open).
 */
export function packInterruptions(pack: { interrupt: OrderInterruption }): OrderInterruption {
  return (orderId, change) => pack.interrupt(orderId, change);
}

/** Stops the pack open at the bench (`interrupted`) when `orderId` is it, audited; runs inside the bench's serial queue. */
export async function interruptPack(ctx: PackContext, orderId: string, change: UpstreamChange): Promise<void> {
  const pack = ctx.pack;
  if (!pack || pack.order.id !== orderId || !isLive(pack)) return;
  const { stationId } = ctx.deps;
  // The audit row commits with the interrupted state: neither without the other.
  await applyEvent(ctx, pack, { type: 'interrupt', change }, null, undefined, (tx) =>
    appendAudit(tx, { at: nowIso(ctx.deps), stationId, operatorId: null, action: 'pack.interrupted', subjectType: 'order', subjectId: orderId, detail: { sessionId: pack.sessionId, change } }),
  );
}
