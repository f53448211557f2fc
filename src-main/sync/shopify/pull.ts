/**
 * The pulls: work for this location, returns, catalog, and one order. Page sizes keep each
 * document's requested cost under Shopify's single-query cap of 1,000 points (store-platforms.md
 * §1.11; the emulator computes the same costs): 20 FOs × 39 + 2 = 782, 100 variants × 8 + 2,
 * 50 orders × 14 + 2. FOs go 20 a page, not the 25 that would fit (977): a page is sent when the
 * bucket holds its requested cost, and the bucket stops filling at its maximum (1,000 on the
 * Standard plan), so the gap between the two is how late a call may start without wasting restored
 * points — 0.2 s at 977, 2 s at 782.
 * Should Shopify count higher, GraphqlClient.requestPage halves the page until it fits.
 */
import type { Page, PullRequest, RemoteOrder, RemoteProduct, RemoteReturn, SyncResult } from '../adapter';
import { failure } from './errors';
import type { GraphqlClient } from './graphql-client';
import { mapOrder, type Viewpoint } from './map-order';
import { mapProduct } from './map-product';
import { mapReturn } from './map-return';
import {
  FulfillmentOrderLinesSchema,
  FulfillmentOrdersPageSchema,
  FulfillmentOrderStateSchema,
  OrdersWithReturnsSchema,
  ProductVariantsSchema,
  ReturnDetailSchema,
  returnTruncated,
  type FulfillmentOrderState,
  type WorkLine,
  type WorkOrder,
} from './response-schemas';
import { fulfillmentOrdersQuery, numericLocationId, ordersWithReturnsQuery, productVariantsQuery } from './search-query';

export const PAGE_SIZE = { fulfillmentOrders: 20, orders: 50, productVariants: 100 } as const;

function badRequest(what: string) {
  return failure('sync.not-configured', what, false);
}

export async function pullOrders(client: GraphqlClient, request: PullRequest, fallbackLocation: string | null, stationId?: string): Promise<SyncResult<Page<RemoteOrder>>> {
  const location = request.locationId ?? fallbackLocation;
  if (!location || !numericLocationId(location)) return badRequest('No Shopify location is chosen for this station');
  let query: string;
  try {
    query = fulfillmentOrdersQuery(location, request.since);
  } catch {
    return badRequest('The pull cursor is not an ISO-8601 time');
  }
  // Closed and cancelled FOs matter only as changes to work we already have: the first pull skips them.
  const res = await client.requestPage('FulfillmentOrdersForLocation', { after: request.page, query, includeClosed: request.since !== null }, FulfillmentOrdersPageSchema, PAGE_SIZE.fulfillmentOrders);
  if (!res.ok) return res;
  const items: RemoteOrder[] = [];
  for (const fo of res.value.fulfillmentOrders.nodes) {
    const lines = await allLines(client, fo);
    if (!lines.ok) return lines;
    items.push(mapOrder(fo, lines.value, { stationId, locationId: location }));
  }
  const { hasNextPage, endCursor } = res.value.fulfillmentOrders.pageInfo;
  return { ok: true, value: { items, next: hasNextPage ? endCursor : null } };
}

/** The FO's lines, reading the rest when it has more than the first page of WorkOrderFields. */
export async function allLines(client: GraphqlClient, fo: WorkOrder): Promise<SyncResult<WorkLine[]>> {
  const lines = [...fo.lineItems.nodes];
  let info = fo.lineItems.pageInfo;
  while (info.hasNextPage) {
    const more = await client.request('FulfillmentOrderLines', { id: fo.id, after: info.endCursor }, FulfillmentOrderLinesSchema);
    if (!more.ok) return more;
    if (!more.value.fulfillmentOrder) return failure('sync.not-found', `Fulfillment order ${fo.id} disappeared while its lines were read`, true);
    lines.push(...more.value.fulfillmentOrder.lineItems.nodes);
    info = more.value.fulfillmentOrder.lineItems.pageInfo;
    if (lines.length > 10_000) return failure('sync.malformed-response', 'Shopify kept paging the lines of one fulfillment order', false);
  }
  return { ok: true, value: lines };
}

/** The FO with every line, or null when Shopify does not know it. */
export async function readFulfillmentOrder(client: GraphqlClient, id: string): Promise<SyncResult<{ fo: FulfillmentOrderState; lines: WorkLine[] } | null>> {
  if (!/^gid:\/\/shopify\/FulfillmentOrder\/\d{1,20}$/.test(id)) return failure('sync.not-found', 'Not a Shopify fulfillment order id', false);
  const res = await client.request('FulfillmentOrderState', { id }, FulfillmentOrderStateSchema);
  if (!res.ok) return res;
  const fo = res.value.fulfillmentOrder;
  if (!fo) return { ok: true, value: null };
  const lines = await allLines(client, fo);
  if (!lines.ok) return lines;
  return { ok: true, value: { fo, lines: lines.value } };
}

export async function getOrder(client: GraphqlClient, id: string, view: Viewpoint): Promise<SyncResult<RemoteOrder | null>> {
  const res = await readFulfillmentOrder(client, id);
  if (!res.ok) return res.code === 'sync.not-found' && !res.retryable ? { ok: true, value: null } : res;
  return { ok: true, value: res.value ? mapOrder(res.value.fo, res.value.lines, view) : null };
}

export async function pullReturns(client: GraphqlClient, request: PullRequest): Promise<SyncResult<Page<RemoteReturn>>> {
  let query: string;
  try {
    query = ordersWithReturnsQuery(request.since);
  } catch {
    return badRequest('The pull cursor is not an ISO-8601 time');
  }
  const res = await client.requestPage('OrdersWithReturns', { after: request.page, query }, OrdersWithReturnsSchema, PAGE_SIZE.orders);
  if (!res.ok) return res;
  const items: RemoteReturn[] = [];
  for (const order of res.value.orders.nodes) {
    if (order.returns.pageInfo.hasNextPage) return failure('sync.rejected', `Order ${order.name} has more returns than the station reads (10)`, false);
    for (const summary of order.returns.nodes) {
      // A REQUESTED return is not approved yet: no reverse fulfillment order, nothing to receive.
      if (summary.status === 'REQUESTED') continue;
      const detail = await client.request('ReturnDetail', { id: summary.id }, ReturnDetailSchema);
      if (!detail.ok) return detail;
      const ret = detail.value.return;
      if (!ret) continue;
      // Never half a return: the desk would receive against a list missing lines.
      if (returnTruncated(ret)) return failure('sync.rejected', `Return ${ret.name} has more lines than the station reads (50)`, false);
      items.push(mapReturn(ret));
    }
  }
  const { hasNextPage, endCursor } = res.value.orders.pageInfo;
  return { ok: true, value: { items, next: hasNextPage ? endCursor : null } };
}

export async function pullProducts(client: GraphqlClient, request: PullRequest): Promise<SyncResult<Page<RemoteProduct>>> {
  let query: string | null;
  try {
    query = productVariantsQuery(request.since);
  } catch {
    return badRequest('The pull cursor is not an ISO-8601 time');
  }
  const res = await client.requestPage('ProductVariants', { after: request.page, query }, ProductVariantsSchema, PAGE_SIZE.productVariants);
  if (!res.ok) return res;
  const { hasNextPage, endCursor } = res.value.productVariants.pageInfo;
  return { ok: true, value: { items: res.value.productVariants.nodes.map(mapProduct), next: hasNextPage ? endCursor : null } };
}
