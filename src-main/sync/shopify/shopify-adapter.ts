/**
 * The SyncAdapter for Shopify's Admin GraphQL API 2026-10 (issue #5). Wires the token source, the
 * cost-budgeted GraphQL client and the pull/push functions; knows nothing of the outbox or SQLite.
 */
import type { ConnectionInfo, PushResult, SyncAdapter, SyncResult } from '../adapter';
import type { OutboxOperation } from '../operations';
import { OutboxPayloadSchema } from '../operations';
import { tokenSource } from './auth';
import { z } from 'zod';
import { baseUrlOf, LocationGidSchema, LoopbackEndpointSchema, SHOPIFY_API_VERSION, ShopDomainSchema, type ShopifyAdapterConfig } from './config';
import { failure } from './errors';
import { GraphqlClient, type CostExtension } from './graphql-client';
import type { DocumentName } from './documents';
import { getOrder, pullOrders, pullProducts, pullReturns } from './pull';
import { pushFulfil } from './push-fulfil';
import { pushClaim, pushHold, releaseClaims } from './push-hold';
import { pushDispose, pushReceive } from './push-return';
import { ShopConnectionSchema } from './response-schemas';

const DEFAULT_TIMEOUT_MS = 30_000;

/** A budget wait that close() cuts short, so no timer outlives the adapter. */
function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export interface ShopifyAdapter extends SyncAdapter {
  readonly platform: 'shopify';
  /** The last cost report of each document (tests and the benchmark read it). */
  readonly costReports: ReadonlyMap<DocumentName, CostExtension>;
}

/** Where the token may be sent: a myshopify.com shop over https, or a loopback emulator. */
const TargetSchema = z.object({
  shopDomain: ShopDomainSchema,
  apiVersion: z.literal(SHOPIFY_API_VERSION),
  locationId: LocationGidSchema.nullable(),
  endpoint: LoopbackEndpointSchema.optional(),
});

/** Throws a TypeError (naming the field, never a secret) when the non-secret settings are invalid. */
export function createShopifyAdapter(config: ShopifyAdapterConfig): ShopifyAdapter {
  const target = TargetSchema.safeParse({ shopDomain: config.shopDomain, apiVersion: config.apiVersion, locationId: config.locationId, endpoint: config.endpoint });
  if (!target.success) throw new TypeError(`Invalid Shopify settings: ${target.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const closing = new AbortController();
  const now = config.now ?? Date.now;
  const sleep = config.sleep ?? ((ms: number) => abortableSleep(ms, closing.signal));
  const http = { fetch: config.fetch ?? fetch, now, timeoutMs: config.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS, closed: closing.signal };
  const base = baseUrlOf(config);
  const costReports = new Map<DocumentName, CostExtension>();
  const client = new GraphqlClient({
    ...http,
    sleep,
    endpoint: `${base}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`,
    tokens: tokenSource(config.auth, base, http),
    onCost: (doc, cost) => costReports.set(doc, cost),
  });

  const guard = async <T>(run: () => Promise<T>): Promise<T | ReturnType<typeof failure>> =>
    closing.signal.aborted ? failure('sync.network', 'The Shopify adapter is closed', true) : run();

  return {
    platform: 'shopify',
    costReports,
    testConnection: () =>
      guard(async (): Promise<SyncResult<ConnectionInfo>> => {
        const res = await client.request('ShopConnection', {}, ShopConnectionSchema);
        if (!res.ok) return res;
        const locations = res.value.locations.nodes.filter((l) => l.isActive).map((l) => ({ id: l.id, name: l.name }));
        return { ok: true, value: { storeName: res.value.shop.name, locations } };
      }),
    pullOrders: (request) => guard(() => pullOrders(client, request, config.locationId, config.stationId)),
    pullReturns: (request) => guard(() => pullReturns(client, request)),
    pullProducts: (request) => guard(() => pullProducts(client, request)),
    getOrder: (externalId) => guard(() => getOrder(client, externalId, { stationId: config.stationId, locationId: config.locationId })),
    push: (op) => guard(() => push(op)),
    async close() {
      closing.abort();
    },
  };

  async function push(op: OutboxOperation): Promise<PushResult> {
    // The relay parsed the row already; parsing again keeps a hand-built operation from reaching Shopify unchecked.
    const parsed = OutboxPayloadSchema.safeParse(op.payload);
    if (!parsed.success || !/^[A-Za-z0-9_.:-]{8,200}$/.test(op.idempotencyKey)) return failure('sync.unsupported-operation', 'The outbox operation is not valid', false);
    const payload = parsed.data;
    switch (payload.kind) {
      case 'order.claim':
        return pushClaim(client, op, payload.orderExternalId, payload.orderNumber);
      case 'order.hold':
        return pushHold(client, op, payload.orderExternalId, payload.reason || 'Held at the packing bench');
      case 'order.release':
        return releaseClaims(client, payload.orderExternalId, op.stationId, payload.holdKeys);
      case 'order.fulfil':
        return pushFulfil(client, payload, { stationId: op.stationId, locationId: config.locationId });
      case 'return.receive':
        return pushReceive(client, payload);
      case 'return.dispose':
        return pushDispose(client, payload, config.locationId);
      default: {
        const never: never = payload;
        return failure('sync.unsupported-operation', `Unknown operation ${(never as { kind: string }).kind}`, false);
      }
    }
  }
}
