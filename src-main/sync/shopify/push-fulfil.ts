/**
 * One fulfillment per package, with its tracking and its lines (store-platforms.md §1.5).
 * fulfillmentCreate has no idempotency key (§1.9), so every delivery reads the FO first
 * (read-before-retry, §5.2): a package whose tracking number is already on one of the FO's
 * fulfillments landed on an earlier attempt whose answer was lost, and is not sent again.
 */
import type { PushResult } from '../adapter';
import type { OutboxOperation, PackagePayload } from '../operations';
import { failure, rejected, userErrorsFailure } from './errors';
import type { GraphqlClient } from './graphql-client';
import { isOurClaim, orderState, type Viewpoint } from './map-order';
import { releaseClaims } from './push-hold';
import { readFulfillmentOrder } from './pull';
import { FulfillmentCreateSchema, type FulfillmentOrderState, type WorkLine } from './response-schemas';

type Fulfil = Extract<OutboxOperation['payload'], { kind: 'order.fulfil' }>;

export async function pushFulfil(client: GraphqlClient, payload: Fulfil, view: Viewpoint & { stationId: string }): Promise<PushResult> {
  const { stationId } = view;
  const read = await readFulfillmentOrder(client, payload.orderExternalId);
  if (!read.ok) return read;
  if (!read.value) return failure('sync.not-found', `Shopify has no fulfillment order ${payload.orderExternalId} (order ${payload.orderNumber})`, false);
  const { fo, lines } = read.value;
  // Read-before-retry needs every fulfillment of the FO; with more than one page it cannot be sure.
  if (fo.fulfillments.pageInfo.hasNextPage) return rejected(`Order ${payload.orderNumber} has more fulfillments on Shopify than the station can check (50)`);
  const pending = payload.packages.filter((p) => !alreadyOnShopify(p, fo, lines));
  if (pending.length === 0) return { ok: true, remoteRef: null, alreadyApplied: true };

  const assigned = fo.assignedLocation.location?.id;
  if (view.locationId && assigned !== view.locationId) return rejected(`Order ${payload.orderNumber} was moved to another location on Shopify (${assigned ?? 'none'})`);
  const state = orderState(fo, view);
  if (state === 'cancelled') return rejected(`Order ${payload.orderNumber} was cancelled on Shopify; nothing was fulfilled`);
  if (state === 'fulfilled') return rejected(`Order ${payload.orderNumber} is already closed on Shopify (fulfilled elsewhere?)`);
  if (state === 'on-hold') return rejected(`Order ${payload.orderNumber} is on hold on Shopify: ${fo.fulfillmentHolds.map((h) => h.reasonNotes ?? h.reason).join('; ')}`);
  // Held only by our own claim: the claim ends with the fulfilment.
  if (fo.fulfillmentHolds.some((h) => isOurClaim(h, stationId))) {
    const released = await releaseClaims(client, fo.id, stationId);
    if (!released.ok) return released;
  }

  const created: string[] = [];
  for (const pkg of pending) {
    const res = await client.request('FulfillmentCreate', { fulfillment: fulfillmentInput(fo.id, pkg, payload.notifyCustomer) }, FulfillmentCreateSchema);
    if (!res.ok) return res; // packages already created are found by the next attempt's read
    const { fulfillment, userErrors } = res.value.fulfillmentCreate;
    if (userErrors.length > 0) return userErrorsFailure(`the fulfilment of order ${payload.orderNumber}`, userErrors);
    if (!fulfillment) return failure('sync.malformed-response', 'Shopify answered fulfillmentCreate without the fulfillment', false);
    created.push(fulfillment.id);
  }
  return { ok: true, remoteRef: created.join(','), alreadyApplied: false };
}

/**
 * A package with a tracking number is on Shopify when a fulfillment of this FO carries that number.
 * Without one there is nothing unique to look for: it counts as applied only when the FO no longer
 * has the units it needs (sending it again could not succeed anyway).
 */
export function alreadyOnShopify(pkg: PackagePayload, fo: FulfillmentOrderState, lines: readonly WorkLine[]): boolean {
  if (pkg.tracking) {
    return fo.fulfillments.nodes.some((f) => f.status !== 'CANCELLED' && f.trackingInfo.some((t) => t.number === pkg.tracking));
  }
  return pkg.lines.every((l) => {
    const line = lines.find((x) => x.id === l.lineExternalId);
    return line !== undefined && line.remainingQuantity < l.quantity;
  });
}

export function fulfillmentInput(foId: string, pkg: PackagePayload, notifyCustomer: boolean) {
  const trackingInfo = pkg.tracking ? { number: pkg.tracking, ...(pkg.carrier ? { company: pkg.carrier } : {}), ...(pkg.trackingUrl ? { url: pkg.trackingUrl } : {}) } : undefined;
  return {
    notifyCustomer,
    ...(trackingInfo ? { trackingInfo } : {}),
    lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: foId, fulfillmentOrderLineItems: pkg.lines.map((l) => ({ id: l.lineExternalId, quantity: l.quantity })) }],
  };
}
