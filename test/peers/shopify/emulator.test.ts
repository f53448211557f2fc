// The emulator itself: it executes the real schema, so what Shopify would refuse it refuses too,
// and its cost and throttle follow the published model.
import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENTS } from '../../../src-main/sync/shopify/documents';
import { startShopifyEmulator, type ShopifyEmulator } from './emulator/server';

let emulator: ShopifyEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function gql(e: ShopifyEmulator, query: string, variables: Record<string, unknown> = {}, token = e.accessToken) {
  const res = await fetch(`${e.url}/admin/api/2026-10/graphql.json`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': token }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[]; extensions?: { cost?: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: { currentlyAvailable: number } } } } };
}

describe('the Shopify emulator', () => {
  it('refuses a document with a field the 2026-10 schema does not have', async () => {
    emulator = await startShopifyEmulator();
    const { body } = await gql(emulator, '{ shop { name planName } }');
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringContaining('Cannot query field "planName" on type "Shop".'), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('refuses a bad enum value in variables, as graphql-js coerces them against the real input types', async () => {
    emulator = await startShopifyEmulator();
    const { body } = await gql(emulator, DOCUMENTS.FulfillmentOrderHold, { id: 'gid://shopify/FulfillmentOrder/1', hold: { reason: 'PACKER_TIRED' } });
    expect(body.errors?.[0]?.message).toMatch(/FulfillmentHoldReason/);
  });

  it('answers 401 without a valid token', async () => {
    emulator = await startShopifyEmulator();
    const { status, body } = await gql(emulator, '{ shop { name } }', {}, 'shpat_nope');
    expect(status).toBe(401);
    expect(body.errors).toMatch(/Invalid API key or access token/);
  });

  it('charges the requested cost up front and the actual cost after', async () => {
    emulator = await startShopifyEmulator({ clock: () => 0 });
    const { body } = await gql(emulator, DOCUMENTS.FulfillmentOrdersForLocation, { first: 25, query: 'assigned_location_id:1', includeClosed: false });
    expect(body.extensions?.cost).toEqual({ requestedQueryCost: 977, actualQueryCost: 2, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 998, restoreRate: 100 } });
  });

  it('refuses a query above the single-query cap and throttles when the bucket is short', async () => {
    emulator = await startShopifyEmulator({ clock: () => 0 });
    const big = await gql(emulator, DOCUMENTS.FulfillmentOrdersForLocation, { first: 30, query: 'assigned_location_id:1', includeClosed: false });
    expect(big.body.errors?.[0]?.extensions?.code).toBe('MAX_COST_EXCEEDED');
    emulator.spendBucket(500);
    const short = await gql(emulator, DOCUMENTS.FulfillmentOrdersForLocation, { first: 25, query: 'assigned_location_id:1', includeClosed: false });
    expect(short.body.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    expect(short.body.extensions?.cost).toMatchObject({ requestedQueryCost: 977, actualQueryCost: null, throttleStatus: { currentlyAvailable: 500 } });
  });

  it('cuts every connection while offline and serves again after', async () => {
    emulator = await startShopifyEmulator();
    emulator.setOffline(true);
    await expect(gql(emulator, '{ shop { name } }')).rejects.toThrow();
    emulator.setOffline(false);
    expect((await gql(emulator, '{ shop { name } }')).body.data).toEqual({ shop: { name: 'Bancada Emulated Shop' } });
  });
});
