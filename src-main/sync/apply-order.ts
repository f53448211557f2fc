/**
 * What a pulled order does to the station's copy. The rule that matters: an order being packed is
 * never overwritten. Its new version is kept aside (`orders.upstream_pending`), the packer is
 * interrupted at once with what happened, and the version is applied when the pack ends
 * (`applyKeptAside`, run before every pull).
 */
import type { OrderStatus } from '../../src-shared/domain/types';
import type { Transaction } from '../db/database';
import { discardObsoleteOrderFlags } from '../db/repos/outbox';
import {
  clearKeptAside,
  deleteUnscannedLine,
  findOrderByExternalId,
  findProductIdBySku,
  getOrderShipTo,
  insertUpstreamLine,
  insertUpstreamOrder,
  keepUpstreamAside,
  listOrderLines,
  reopenIfPackEnded,
  setOrderStatusFromUpstream,
  updateUpstreamLine,
  updateUpstreamOrder,
  type LocalLine,
  type UpstreamLine,
  type UpstreamOrder,
} from '../db/repos/upstream';
import type { Platform, RemoteOrder, RemoteOrderState } from './adapter';
import { stableId } from './stable-id';

export type UpstreamChange = 'cancelled' | 'edited' | 'on-hold' | 'fulfilled-elsewhere';

export type OrderApplied =
  | { readonly kind: 'inserted' | 'updated' | 'unchanged' | 'stale' | 'ignored'; readonly orderId: string | null }
  /** The order is being packed: its new version was kept aside and the packer must be told. */
  | { readonly kind: 'interrupted'; readonly orderId: string; readonly change: UpstreamChange };

const LOCAL_STATUS: Readonly<Record<RemoteOrderState, OrderStatus>> = { open: 'open', 'on-hold': 'on-hold', cancelled: 'cancelled', fulfilled: 'shipped' };

/** Orders finished here (packed, shipped) only move from packed to shipped when the platform says fulfilled. */
const FINISHED_LOCALLY: ReadonlySet<OrderStatus> = new Set(['packed', 'shipped']);

export async function applyRemoteOrder(tx: Transaction, platform: Platform, remote: RemoteOrder, nowIso: string): Promise<OrderApplied> {
  const local = await findOrderByExternalId(tx, platform, remote.externalId);
  if (!local) {
    // A cancelled or already fulfilled order the station never had is none of its business.
    if (remote.state === 'cancelled' || remote.state === 'fulfilled') return { kind: 'ignored', orderId: null };
    const order = await toUpstream(tx, platform, remote, stableId('o', platform, remote.externalId), []);
    await insertUpstreamOrder(tx, order, nowIso);
    return { kind: 'inserted', orderId: order.id };
  }
  if (local.remoteUpdatedAt !== null && local.remoteUpdatedAt >= remote.updatedAt) return { kind: 'stale', orderId: local.id };

  if (local.status === 'in-progress') {
    const change = await describeChange(tx, local.id, remote);
    // Kept aside even when nothing the bench checks changed: it replaces any older version kept
    // aside (a hold lifted since), and carries changes (carrier, priority) the next pull will not
    // read again, since the cursor moves past it.
    await keepUpstreamAside(tx, local.id, JSON.stringify(remote), remote.updatedAt);
    if (change === null) return { kind: 'unchanged', orderId: local.id };
    return { kind: 'interrupted', orderId: local.id, change };
  }
  if (FINISHED_LOCALLY.has(local.status)) {
    if (local.status === 'packed' && remote.state === 'fulfilled') await setOrderStatusFromUpstream(tx, local.id, 'shipped', remote.updatedAt, nowIso);
    else await setOrderStatusFromUpstream(tx, local.id, local.status, remote.updatedAt, nowIso);
    return { kind: 'unchanged', orderId: local.id };
  }
  await overwrite(tx, platform, local.id, remote, nowIso);
  if (remote.state === 'cancelled' || remote.state === 'fulfilled') await discardObsoleteOrderFlags(tx, local.id);
  return { kind: 'updated', orderId: local.id };
}

/**
 * Applies a version kept aside while the order was being packed; the pack has ended since, so the
 * usual rules decide (a packed order stays packed, an open one takes the new version).
 */
export async function applyKeptAside(tx: Transaction, platform: Platform, orderId: string, remote: RemoteOrder, nowIso: string): Promise<OrderApplied> {
  await clearKeptAside(tx, orderId);
  // Releasing an interrupted pack drops the claim but leaves the order "in progress"; taken as being
  // packed, the change would be kept aside again forever and the order would stay in the queue.
  await reopenIfPackEnded(tx, orderId, nowIso);
  return applyRemoteOrder(tx, platform, remote, nowIso);
}

async function overwrite(tx: Transaction, platform: Platform, orderId: string, remote: RemoteOrder, nowIso: string): Promise<void> {
  const existing = await listOrderLines(tx, orderId);
  const order = await toUpstream(tx, platform, remote, orderId, existing);
  await updateUpstreamOrder(tx, order, nowIso);
  const byExternal = new Map(existing.filter((l) => l.externalId !== null).map((l) => [l.externalId!, l]));
  let nextLineNo = existing.reduce((max, l) => Math.max(max, l.lineNo), 0) + 1;
  for (const line of order.lines) {
    if (byExternal.has(line.externalId)) await updateUpstreamLine(tx, line);
    else await insertUpstreamLine(tx, orderId, nextLineNo++, line);
  }
  const kept = new Set(order.lines.map((l) => l.externalId));
  for (const line of existing) if (line.externalId === null || !kept.has(line.externalId)) await deleteUnscannedLine(tx, line.id);
}

/** What changed that the packer must know about, or null when nothing that matters on the bench did. */
async function describeChange(tx: Transaction, orderId: string, remote: RemoteOrder): Promise<UpstreamChange | null> {
  if (remote.state === 'cancelled') return 'cancelled';
  if (remote.state === 'on-hold') return 'on-hold';
  if (remote.state === 'fulfilled') return 'fulfilled-elsewhere';
  const lines = await listOrderLines(tx, orderId);
  if (!sameLines(lines, remote)) return 'edited';
  const shipTo = await getOrderShipTo(tx, orderId);
  const s = remote.shipTo;
  if (
    !shipTo ||
    shipTo.shipName !== s.name ||
    shipTo.shipLine1 !== s.line1 ||
    shipTo.shipLine2 !== s.line2 ||
    shipTo.shipCity !== s.city ||
    shipTo.shipRegion !== s.region ||
    shipTo.shipPostal !== s.postalCode ||
    shipTo.shipCountry !== s.country
  )
    return 'edited';
  return null;
}

function sameLines(local: readonly LocalLine[], remote: RemoteOrder): boolean {
  if (local.length !== remote.lines.length) return false;
  const byExternal = new Map(local.map((l) => [l.externalId, l]));
  return remote.lines.every((r) => {
    const l = byExternal.get(r.externalId);
    return l !== undefined && l.quantity === r.quantity && l.sku === r.sku;
  });
}

async function toUpstream(tx: Transaction, platform: Platform, remote: RemoteOrder, orderId: string, existing: readonly LocalLine[]): Promise<UpstreamOrder> {
  const idByExternal = new Map(existing.filter((l) => l.externalId !== null).map((l) => [l.externalId!, l.id]));
  const lines: UpstreamLine[] = [];
  for (const r of remote.lines) {
    const product = r.sku ? await findProductIdBySku(tx, r.sku) : null;
    lines.push({
      id: idByExternal.get(r.externalId) ?? stableId('l', orderId, r.externalId),
      externalId: r.externalId,
      productId: product?.id ?? null,
      sku: r.sku,
      title: r.title,
      variant: r.variant,
      quantity: r.quantity,
      unitWeightMg: r.unitWeightMg ?? product?.unitWeightMg ?? null,
    });
  }
  const s = remote.shipTo;
  return {
    id: orderId,
    platform,
    externalId: remote.externalId,
    number: remote.number,
    status: LOCAL_STATUS[remote.state],
    customerName: remote.customerName,
    email: remote.email,
    shipName: s.name,
    shipLine1: s.line1,
    shipLine2: s.line2,
    shipCity: s.city,
    shipRegion: s.region,
    shipPostal: s.postalCode,
    shipCountry: s.country,
    carrier: remote.carrier,
    service: remote.service,
    priority: remote.priority,
    shipBy: remote.shipBy,
    createdAt: remote.createdAt,
    remoteUpdatedAt: remote.updatedAt,
    lines,
  };
}
