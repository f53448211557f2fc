/**
 * Claim, hold and release through fulfillmentOrderHold / fulfillmentOrderReleaseHold
 * (store-platforms.md §1.6). A claim is a hold whose notes say which station packs the order, so
 * other stations and the merchant see it is taken; both claims and exception holds carry the
 * outbox idempotency key as `handle`, which Shopify keeps unique per app and FO — the second
 * delivery of the same operation is answered DUPLICATE_FULFILLMENT_HOLD_HANDLE and counts as done.
 */
import type { PushResult } from '../adapter';
import type { OutboxOperation } from '../operations';
import { failure, rejected, userErrorsFailure } from './errors';
import type { GraphqlClient } from './graphql-client';
import { CLAIM_NOTE_PREFIX, claimStation, isOurClaim } from './map-order';
import { readFulfillmentOrder } from './pull';
import { FulfillmentOrderHoldSchema, FulfillmentOrderReleaseHoldSchema } from './response-schemas';

/** Shopify's limit on reasonNotes is not in the schema; notes are cut well below any sane limit. */
const MAX_NOTES = 256;

export async function pushHold(client: GraphqlClient, op: OutboxOperation, orderExternalId: string, notes: string): Promise<PushResult> {
  const hold = { reason: 'OTHER', reasonNotes: notes.slice(0, MAX_NOTES), handle: op.idempotencyKey, notifyMerchant: false };
  const res = await client.request('FulfillmentOrderHold', { id: orderExternalId, hold }, FulfillmentOrderHoldSchema);
  if (!res.ok) return res;
  const { fulfillmentHold, userErrors } = res.value.fulfillmentOrderHold;
  if (userErrors.some((e) => e.code === 'DUPLICATE_FULFILLMENT_HOLD_HANDLE')) return { ok: true, remoteRef: null, alreadyApplied: true };
  if (userErrors.some((e) => e.code === 'FULFILLMENT_ORDER_NOT_FOUND')) return failure('sync.not-found', `Shopify has no fulfillment order ${orderExternalId}`, false);
  if (userErrors.length > 0) return userErrorsFailure('the hold', userErrors);
  if (!fulfillmentHold) return failure('sync.malformed-response', 'Shopify answered the hold without the hold', false);
  return { ok: true, remoteRef: fulfillmentHold.id, alreadyApplied: false };
}

/**
 * A claim is a hold naming the station. Shopify has no compare-and-set, so two stations may claim
 * the same FO at once; after holding, the claim re-reads the FO and the oldest claim (lowest hold
 * id) wins. The loser releases its own hold and is told who packs the order.
 */
export async function pushClaim(client: GraphqlClient, op: OutboxOperation, orderExternalId: string, orderNumber: string): Promise<PushResult> {
  const held = await pushHold(client, op, orderExternalId, `${CLAIM_NOTE_PREFIX}${op.stationId}`);
  if (!held.ok) return held;
  const read = await readFulfillmentOrder(client, orderExternalId);
  if (!read.ok) return read;
  if (!read.value) return failure('sync.not-found', `Shopify has no fulfillment order ${orderExternalId}`, false);
  const claims = read.value.fo.fulfillmentHolds
    .map((h) => ({ station: claimStation(h), id: BigInt(h.id.slice(h.id.lastIndexOf('/') + 1)) }))
    .filter((c) => c.station !== null)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const winner = claims[0]?.station;
  if (winner === undefined || winner === op.stationId) return held;
  const released = await releaseClaims(client, orderExternalId, op.stationId);
  if (!released.ok) return released;
  return rejected(`Order ${orderNumber} is already being packed at station ${winner}`);
}

/**
 * Releases this station's claim holds on the FO, and the holds this app placed whose handle is one
 * of `holdKeys` (an exception's hold, lifted when a supervisor requeues the order: Shopify keeps a
 * fulfillment order ON_HOLD, and refuses to fulfil it, while any hold remains). Holds placed by the
 * merchant or other apps are never touched. None left means the release already happened.
 */
export async function releaseClaims(client: GraphqlClient, orderExternalId: string, stationId: string, holdKeys: readonly string[] = []): Promise<PushResult> {
  const read = await readFulfillmentOrder(client, orderExternalId);
  if (!read.ok) return read;
  if (!read.value) return failure('sync.not-found', `Shopify has no fulfillment order ${orderExternalId}`, false);
  const named = new Set(holdKeys);
  const holdIds = read.value.fo.fulfillmentHolds.filter((h) => isOurClaim(h, stationId) || (h.heldByRequestingApp && h.handle !== null && named.has(h.handle))).map((h) => h.id);
  if (holdIds.length === 0) return { ok: true, remoteRef: null, alreadyApplied: true };
  const res = await client.request('FulfillmentOrderReleaseHold', { id: orderExternalId, holdIds }, FulfillmentOrderReleaseHoldSchema);
  if (!res.ok) return res;
  const { userErrors } = res.value.fulfillmentOrderReleaseHold;
  if (userErrors.length > 0) return userErrorsFailure('the hold release', userErrors);
  return { ok: true, remoteRef: holdIds.join(','), alreadyApplied: false };
}
