/**
 * Opening an order at the bench: found by its number, slip or tote; refused when it cannot be packed
 * here (on hold, cancelled, finished, claimed by another station); resumed when this station already
 * has it open; otherwise claimed in one transaction (session, first package, the order's claim, an
 * `order.claim` outbox row for the platform, the audit row).
 */
import type { PackView } from '../../../src-shared/domain/pack';
import { AppError } from '../../../src-shared/errors/codes';
import type { Database, Queryable } from '../../db/database';
import { appendAudit } from '../../db/repos/audit';
import { enqueueOutbox } from '../../db/repos/outbox';
import { listBoxes } from '../../db/repos/pack-boxes';
import { findOrderIdByCode, loadPackOrder, setOrderClaim, type PackOrder } from '../../db/repos/pack-orders';
import { upsertPackage } from '../../db/repos/pack-packages';
import { countEndedSessions, insertSession, liveSessionForOrder } from '../../db/repos/pack-sessions';
import { classifyScan } from './classify-scan';
import { initialState, type PackState } from './pack-machine';
import { isLive, machineLines, newId, nowIso, packView, publishView, type OpenPack, type Operator, type PackContext } from './open-pack';
import { restorePack } from './pack-restore';
import type { PackSettings } from './pack-settings';
import { suggestBox } from './weight-check';

/** The order a typed or scanned code names (order number, slip or tote), or `pack.order-not-found`. */
export async function orderIdForCode(db: Database, code: string, scanConfig: PackSettings['scanConfig']): Promise<string> {
  const classified = classifyScan(code, scanConfig);
  const kind = classified.kind === 'tote' ? 'tote' : 'order';
  const value = classified.kind === 'order' || classified.kind === 'tote' ? classified.value : code.trim();
  return requireOrderId(db, value, kind);
}

export async function requireOrderId(db: Database, value: string, kind: 'order' | 'tote'): Promise<string> {
  const orderId = await findOrderIdByCode(db, value, kind);
  if (!orderId) throw new AppError('pack.order-not-found', `no order ${value}`, { code: value });
  return orderId;
}

/**
 * Opens (or resumes) `orderId` for `operator`; `attach` makes the pack the context's and takes the
 * scanner and the scale for it. The order open at the bench answers with its view again.
 */
export async function openOrder(ctx: PackContext, orderId: string, operator: Operator, attach: (pack: OpenPack) => void): Promise<PackView> {
  const { db, stationId } = ctx.deps;
  const current = ctx.pack;
  if (current && isLive(current)) {
    if (current.order.id === orderId) return packView(ctx)!;
    throw new AppError('pack.already-open', `order ${current.order.number} is open at this bench`, { order: current.order.number });
  }
  const order = await loadPackOrder(db, orderId);
  if (!order) throw new AppError('pack.order-not-found', `no order ${orderId}`, { code: orderId });
  refuseUnpackable(order, stationId);
  const live = await liveSessionForOrder(db, orderId);
  if (live) {
    if (live.stationId !== stationId) throw new AppError('pack.order-claimed-elsewhere', `order ${order.number} is being packed at ${live.stationId}`, { station: live.stationId });
    const restored = await restorePack(db, stationId, ctx.deps.devices?.scale.current().settled?.seq ?? 0);
    if (restored) {
      attach(restored);
      return packView(ctx)!;
    }
  }
  const sessionId = newId(ctx.deps);
  const baseline = ctx.deps.devices?.scale.current().settled?.seq ?? 0;
  const state = initialState(machineLines(order), baseline);
  const at = nowIso(ctx.deps);
  const reopens = await countEndedSessions(db, orderId);
  const packageId = newId(ctx.deps);
  await db.transaction((tx) => claimOrder(tx, { stationId, operatorId: operator.id, order, sessionId, packageId, state, reopens, at }));
  attach({
    sessionId,
    operatorId: operator.id,
    startedAt: at,
    reopened: reopens > 0,
    order,
    state,
    seq: 0,
    lastScan: null,
    lastItemAt: null,
    misScans: 0,
    overrides: 0,
    packageIds: new Map([[1, packageId]]),
    labels: new Map(),
    suggestedBox: null,
  });
  ctx.pack!.suggestedBox = suggestBox(
    order.lines.map((l) => ({ quantity: l.quantity, dims: l.dims })),
    await listBoxes(db),
  );
  return publishView(ctx)!;
}

interface Claim {
  readonly stationId: string;
  readonly operatorId: string;
  readonly order: PackOrder;
  readonly sessionId: string;
  readonly packageId: string;
  readonly state: PackState;
  readonly reopens: number;
  readonly at: string;
}

/** The rows of a new pack session; the order becomes this station's and the platform hears of it. */
async function claimOrder(tx: Queryable, c: Claim): Promise<void> {
  const { stationId, operatorId, order, sessionId, at } = c;
  await insertSession(tx, { id: sessionId, orderId: order.id, stationId, operatorId, startedAt: at, control: JSON.stringify(c.state.control), reopens: c.reopens });
  await upsertPackage(tx, { id: c.packageId, sessionId, index: 1, boxCode: null, tareMg: 0, weightMg: null, expectedWeightMg: null, weighed: 'none' });
  await setOrderClaim(tx, order.id, { stationId, operatorId }, 'in-progress', at);
  await enqueueOutbox(tx, {
    destination: 'platform',
    aggregateType: 'order',
    aggregateId: order.id,
    payload: { kind: 'order.claim', orderExternalId: order.externalId, orderNumber: order.number },
    idempotencyKey: `pack:${sessionId}:claim`,
    stationId,
    operatorId,
    createdAt: at,
  });
  await appendAudit(tx, { at, stationId, operatorId, action: c.reopens > 0 ? 'pack.reopen' : 'pack.open', subjectType: 'order', subjectId: order.id, detail: { sessionId, number: order.number } });
}

/** Claims: one packer per order; on hold, cancelled and finished orders are refused with the reason. */
function refuseUnpackable(order: PackOrder, stationId: string): void {
  if (order.status === 'cancelled') throw new AppError('pack.order-cancelled', `order ${order.number} is cancelled`, { order: order.number });
  if (order.status === 'on-hold') throw new AppError('pack.order-on-hold', `order ${order.number} is on hold`, { order: order.number });
  if (order.status !== 'open' && order.status !== 'in-progress') throw new AppError('pack.order-not-packable', `order ${order.number} is ${order.status}`, { order: order.number, status: order.status });
  if (order.claimedStationId && order.claimedStationId !== stationId) throw new AppError('pack.order-claimed-elsewhere', `order ${order.number} is claimed at ${order.claimedStationId}`, { station: order.claimedStationId });
}
