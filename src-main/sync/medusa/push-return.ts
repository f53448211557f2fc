/**
 * Returns on Medusa. Receiving a unit there *is* its disposition: `receive-items` puts it back in
 * stock at the return's location, `dismiss-items` records it as damaged and leaves stock alone, and
 * both count as received (measured on 2.21.2: 2 units, 1 received + 1 dismissed → received 2,
 * damaged 1, stock +1; docs.medusajs.com commerce-modules/order/return). So:
 * - `return.receive` (the box arrived, units counted) changes nothing on Medusa: receiving there
 *   would restock every unit before inspection. It checks the return and its items still exist and
 *   expect those units, and answers done with no remote change.
 * - `return.dispose` does the receipt: restocked → receive-items; not-restocked and
 *   processing-required → dismiss-items (the unit is here but not sellable; Medusa has no
 *   "processing" state); missing → nothing (the unit stays expected on the return).
 * Read-before-retry: the receipt is an order change whose `internal_note` carries `bancada:<key>`.
 * A confirmed one means an earlier attempt landed (`alreadyApplied`); a pending one is an attempt
 * cut short, cancelled (DELETE …/receive) and done again from the start.
 */
import type { PushResult } from '../adapter';
import type { OutboxOperation } from '../operations';
import type { MedusaClient } from './client';
import { failure } from './http';
import type { MedusaReturn } from './schemas';
import { AnyObjectSchema } from './schemas';

type ReceivePayload = Extract<OutboxOperation['payload'], { kind: 'return.receive' }>;
type DisposePayload = Extract<OutboxOperation['payload'], { kind: 'return.dispose' }>;

export function receiptNote(idempotencyKey: string): string {
  return `bancada:${idempotencyKey}`;
}

function refuse(record: MedusaReturn | null, returnId: string): PushResult | null {
  if (record === null) return failure('sync.not-found', `return ${returnId} no longer exists in Medusa`, false);
  if (record.status === 'canceled') return failure('sync.rejected', `return R${record.display_id} was cancelled in Medusa`, false);
  return null;
}

/** Every unit asked for must still be expected on the return (quantity − received). */
function checkQuantities(record: MedusaReturn, wanted: ReadonlyMap<string, number>): PushResult | null {
  for (const [itemId, quantity] of wanted) {
    const item = record.items.find((candidate) => candidate.item_id === itemId);
    if (!item) return failure('sync.rejected', `return R${record.display_id} has no item ${itemId}`, false);
    const left = item.quantity - (item.received_quantity ?? 0);
    if (left < quantity) return failure('sync.rejected', `return R${record.display_id}: item ${itemId} expects ${left} more unit(s), the station received ${quantity}`, false);
  }
  return null;
}

function sumByItem(items: readonly { itemExternalId: string; quantity: number }[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(item.itemExternalId, (sums.get(item.itemExternalId) ?? 0) + item.quantity);
  return sums;
}

export async function pushReceive(client: MedusaClient, payload: ReceivePayload): Promise<PushResult> {
  const read = await client.returnRecord(payload.returnExternalId);
  if (!read.ok) return read;
  const refused = refuse(read.value, payload.returnExternalId);
  if (refused || read.value === null) return refused ?? failure('sync.not-found', 'return missing', false);
  if (read.value.status === 'received') return { ok: true, remoteRef: read.value.id, alreadyApplied: true };
  return checkQuantities(read.value, sumByItem(payload.items)) ?? { ok: true, remoteRef: read.value.id, alreadyApplied: false };
}

type Step = { path: string; body: unknown };

function receiptSteps(record: MedusaReturn, payload: DisposePayload, key: string): Step[] | PushResult {
  const base = `admin/returns/${encodeURIComponent(record.id)}`;
  const restock = payload.items.filter((item) => item.disposition === 'restocked');
  const dismiss = payload.items.filter((item) => item.disposition === 'not-restocked' || item.disposition === 'processing-required');
  const locations = [...new Set(restock.map((item) => item.locationId).filter((id): id is string => id !== null))];
  if (locations.length > 1) return failure('sync.rejected', `return R${record.display_id}: Medusa restocks one receipt at one location, the station named ${locations.length}`, false);
  const steps: Step[] = [{ path: `${base}/receive`, body: { internal_note: receiptNote(key), description: 'Received at a Bancada returns desk' } }];
  // Medusa changes a return's location only inside an active order change (400 "An active Order
  // Change is required to proceed" otherwise; measured), so after the receipt is begun.
  if (locations[0] && locations[0] !== record.location_id) steps.push({ path: base, body: { location_id: locations[0] } });
  const toItems = (sums: Map<string, number>) => [...sums].map(([id, quantity]) => ({ id, quantity }));
  if (restock.length > 0) steps.push({ path: `${base}/receive-items`, body: { items: toItems(sumByItem(restock)) } });
  if (dismiss.length > 0) steps.push({ path: `${base}/dismiss-items`, body: { items: toItems(sumByItem(dismiss)) } });
  steps.push({ path: `${base}/receive/confirm`, body: {} });
  return steps;
}

/** Finds our receipt among the order's changes: confirmed, cut short (pending/requested), or none. */
async function earlierReceipt(client: MedusaClient, record: MedusaReturn, key: string): Promise<PushResult | 'confirmed' | 'pending' | 'none'> {
  const changes = await client.orderChanges(record.order_id);
  if (!changes.ok) return changes;
  const ours = changes.value.order_changes.filter((change) => change.return_id === record.id && change.internal_note === receiptNote(key));
  if (ours.some((change) => change.status === 'confirmed')) return 'confirmed';
  if (ours.some((change) => change.status === 'pending' || change.status === 'requested')) return 'pending';
  return 'none';
}

export async function pushDispose(client: MedusaClient, op: OutboxOperation, payload: DisposePayload): Promise<PushResult> {
  const read = await client.returnRecord(payload.returnExternalId);
  if (!read.ok) return read;
  const record = read.value;
  const refused = refuse(record, payload.returnExternalId);
  if (refused || record === null) return refused ?? failure('sync.not-found', 'return missing', false);
  const earlier = await earlierReceipt(client, record, op.idempotencyKey);
  if (typeof earlier === 'object') return earlier;
  if (earlier === 'confirmed') return { ok: true, remoteRef: record.id, alreadyApplied: true };
  if (earlier === 'pending') {
    const cancelled = await client.request('DELETE', `admin/returns/${encodeURIComponent(record.id)}/receive`, AnyObjectSchema);
    if (!cancelled.ok) return cancelled;
  }
  const received = payload.items.filter((item) => item.disposition !== 'missing');
  if (received.length === 0) return { ok: true, remoteRef: record.id, alreadyApplied: false };
  const wrong = checkQuantities(record, sumByItem(received));
  if (wrong) return wrong;
  const steps = receiptSteps(record, payload, op.idempotencyKey);
  if (!Array.isArray(steps)) return steps;
  for (const step of steps) {
    const done = await client.post(step.path, step.body);
    if (!done.ok) return done;
  }
  return { ok: true, remoteRef: record.id, alreadyApplied: false };
}
