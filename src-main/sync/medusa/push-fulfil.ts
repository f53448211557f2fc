/**
 * `order.fulfil` on Medusa: one fulfillment per package, each followed by a shipment carrying its
 * tracking number. Medusa has no idempotency keys, so every fulfillment is tagged in `metadata`
 * with `<outbox key>#<package index>` and the order's fulfillments are read before anything is
 * created (read-before-retry, store-platforms.md §5.2): a package whose tagged fulfillment exists is
 * not created again, and one already shipped is not shipped again. A re-post would otherwise fail
 * with 400 "No stock reservation found" / "Shipment has already been created" (measured, §3.1).
 */
import type { PushResult } from '../adapter';
import type { OutboxOperation, PackagePayload } from '../operations';
import { ORDER_WITH_FULFILMENTS_FIELDS, type MedusaClient } from './client';
import { failure } from './http';
import { FULFILMENT_METADATA_KEY, remainingLines } from './map';
import { OrderEnvelopeSchema, type MedusaFulfillment, type MedusaOrder } from './schemas';

type FulfilPayload = Extract<OutboxOperation['payload'], { kind: 'order.fulfil' }>;

export function packageTag(idempotencyKey: string, index: number): string {
  return `${idempotencyKey}#${index}`;
}

export function taggedFulfilment(order: MedusaOrder, tag: string): MedusaFulfillment | undefined {
  return (order.fulfillments ?? []).find((f) => !f.canceled_at && f.metadata?.[FULFILMENT_METADATA_KEY] === tag);
}

/** A package whose only fulfilments were cancelled in Medusa's admin: someone undid it on purpose. */
function cancelledUpstream(order: MedusaOrder, tag: string): boolean {
  const tagged = (order.fulfillments ?? []).filter((f) => f.metadata?.[FULFILMENT_METADATA_KEY] === tag);
  return tagged.length > 0 && tagged.every((f) => !!f.canceled_at);
}

/** The order's answer refuses the whole operation before anything is sent. */
function precondition(order: MedusaOrder | null, payload: FulfilPayload, pending: readonly PackagePayload[]): PushResult | null {
  if (order === null) return failure('sync.not-found', `order ${payload.orderNumber} (${payload.orderExternalId}) no longer exists in Medusa`, false);
  if (order.status === 'canceled') return failure('sync.rejected', `order ${payload.orderNumber} was cancelled in Medusa; nothing was fulfilled`, false);
  const left = new Map(remainingLines(order).map((line) => [line.externalId, line.quantity]));
  for (const pkg of pending) {
    for (const line of pkg.lines) {
      const remaining = left.get(line.lineExternalId) ?? 0;
      if (remaining < line.quantity) {
        return failure('sync.rejected', `order ${payload.orderNumber}: line ${line.lineExternalId} has ${remaining} unit(s) left to fulfil in Medusa, the package has ${line.quantity}`, false);
      }
      left.set(line.lineExternalId, remaining - line.quantity);
    }
  }
  return null;
}

function itemsOf(pkg: PackagePayload) {
  return pkg.lines.map((line) => ({ id: line.lineExternalId, quantity: line.quantity }));
}

export interface FulfilContext {
  readonly client: MedusaClient;
  readonly stockLocationId: string;
}

async function ship(ctx: FulfilContext, payload: FulfilPayload, fulfilment: MedusaFulfillment, pkg: PackagePayload): Promise<PushResult | null> {
  const path = `admin/orders/${encodeURIComponent(payload.orderExternalId)}/fulfillments/${encodeURIComponent(fulfilment.id)}/shipments`;
  const labels = pkg.tracking ? [{ tracking_number: pkg.tracking, tracking_url: pkg.trackingUrl ?? '', label_url: '' }] : [];
  const shipped = await ctx.client.post(path, { items: itemsOf(pkg), labels, no_notification: !payload.notifyCustomer });
  return shipped.ok ? null : shipped;
}

async function createFulfilment(ctx: FulfilContext, op: OutboxOperation, payload: FulfilPayload, pkg: PackagePayload, tag: string): Promise<PushResult | MedusaFulfillment> {
  const created = await ctx.client.request('POST', `admin/orders/${encodeURIComponent(payload.orderExternalId)}/fulfillments`, OrderEnvelopeSchema, {
    query: { fields: ORDER_WITH_FULFILMENTS_FIELDS },
    body: {
      items: itemsOf(pkg),
      location_id: ctx.stockLocationId,
      no_notification: !payload.notifyCustomer,
      metadata: { [FULFILMENT_METADATA_KEY]: tag, bancada_station: op.stationId, bancada_operator: op.operatorId },
    },
  });
  // The answer is the order with its fulfilments: ours is there when all went well.
  const answered = created.ok ? taggedFulfilment(created.value.order, tag) : undefined;
  if (answered) return answered;
  // Otherwise (lost, malformed or refused answer) the truth is the order as Medusa now has it.
  const reread = await ctx.client.order(payload.orderExternalId);
  if (!reread.ok) return created.ok ? reread : created;
  const found = reread.value ? taggedFulfilment(reread.value, tag) : undefined;
  if (found) return found;
  return created.ok ? failure('sync.malformed-response', `order ${payload.orderNumber}: Medusa accepted the fulfillment but it is not on the order`, false) : created;
}

export async function pushFulfil(ctx: FulfilContext, op: OutboxOperation, payload: FulfilPayload): Promise<PushResult> {
  const read = await ctx.client.order(payload.orderExternalId);
  if (!read.ok) return read;
  const order = read.value;
  const existing = payload.packages.map((_, index) => (order ? taggedFulfilment(order, packageTag(op.idempotencyKey, index)) : undefined));
  // Sending it again would silently redo what a person cancelled in Medusa's admin.
  if (order && payload.packages.some((_, index) => cancelledUpstream(order, packageTag(op.idempotencyKey, index)))) {
    return failure('sync.rejected', `order ${payload.orderNumber}: a fulfilment this station made was cancelled in Medusa; not sent again`, false);
  }
  // Only what is still to send is checked: a fulfilment that already landed stays answered as done.
  const pending = payload.packages.filter((_, index) => !existing[index]);
  const refused = pending.length > 0 ? precondition(order, payload, pending) : null;
  if (refused) return refused;
  const alreadyApplied = existing.every((f) => f !== undefined && !!f.shipped_at);
  const refs: string[] = [];
  for (const [index, pkg] of payload.packages.entries()) {
    let fulfilment = existing[index];
    if (!fulfilment) {
      const created = await createFulfilment(ctx, op, payload, pkg, packageTag(op.idempotencyKey, index));
      if ('ok' in created) return created;
      fulfilment = created;
    }
    if (!fulfilment.shipped_at) {
      const shipFailed = await ship(ctx, payload, fulfilment, pkg);
      if (shipFailed && !(await shippedNow(ctx, payload, fulfilment.id))) return shipFailed;
    }
    refs.push(fulfilment.id);
  }
  return { ok: true, remoteRef: refs.join(','), alreadyApplied };
}

/** After a failed shipment call: did it land anyway (lost response)? */
async function shippedNow(ctx: FulfilContext, payload: FulfilPayload, fulfilmentId: string): Promise<boolean> {
  const reread = await ctx.client.order(payload.orderExternalId);
  return reread.ok && !!reread.value?.fulfillments?.find((f) => f.id === fulfilmentId)?.shipped_at;
}
