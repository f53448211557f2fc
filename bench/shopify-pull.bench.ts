// First pull of 10,000 orders from the Shopify emulator under the Standard plan budget
// (100 points/s restore, 1,000-point bucket; store-platforms.md §1.11), through the real adapter.
// Prints the achieved throughput against the maximum the budget allows; asserts only that the
// work was real (every order arrived).
//
// Time is scaled: the emulator's bucket and the adapter's clock and sleeps run TIME_SCALE times
// faster than the wall clock, so ~25 budget-minutes take ~1 wall-minute. Everything else is real
// (HTTP on loopback, graphql-js executing the published schema, zod on every page). Processing
// time is magnified by the same factor, so the efficiency printed is, if anything, pessimistic.
// BANCADA_BENCH_TIME_SCALE=1 runs it in real time (BANCADA_BENCH_SHOPIFY_ORDERS=1000 keeps that
// to about two minutes).
import { performance } from 'node:perf_hooks';
import { it, expect } from 'vitest';
import { createShopifyAdapter } from '../src-main/sync/shopify';
import { gid } from '../test/peers/shopify/emulator/state';
import { startShopifyEmulator, STANDARD_PLAN } from '../test/peers/shopify/emulator/server';

const ORDERS = Number(process.env.BANCADA_BENCH_SHOPIFY_ORDERS ?? 10_000);
const TIME_SCALE = Number(process.env.BANCADA_BENCH_TIME_SCALE ?? 25);

it(`pulls ${ORDERS.toLocaleString('en')} orders within the Standard plan budget`, async () => {
  const wall0 = performance.now();
  const epoch = Date.parse('2026-11-23T09:00:00Z');
  const now = () => epoch + (performance.now() - wall0) * TIME_SCALE;
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / TIME_SCALE));

  const emulator = await startShopifyEmulator({ clock: now, bucket: STANDARD_PLAN });
  const location = emulator.state.addLocation('Galpão Guarulhos');
  for (let i = 0; i < ORDERS; i++) {
    const lines = 1 + (i % 3);
    emulator.state.addOrder(location.id, Array.from({ length: lines }, (_, j) => ({ sku: `SKU-${(i * 7 + j) % 500}`, quantity: 1 + (j % 2), grams: 250 })));
  }
  const adapter = createShopifyAdapter({ shopDomain: emulator.shopDomain, apiVersion: '2026-10', auth: { kind: 'token', token: emulator.accessToken }, locationId: gid('Location', location.id), endpoint: emulator.url, now, sleep });

  const start = now();
  const wallStart = performance.now();
  let page: string | null = null;
  let pulled = 0;
  let pages = 0;
  do {
    const res = await adapter.pullOrders({ since: null, page, locationId: null });
    if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
    pulled += res.value.items.length;
    page = res.value.next;
    pages++;
  } while (page);
  const elapsedS = (now() - start) / 1000;
  const wallS = (performance.now() - wallStart) / 1000;
  await adapter.close();
  await emulator.close();

  const calls = emulator.requests.filter((r) => r.operation !== 'token');
  const throttled = calls.filter((r) => r.throttled).length;
  const charged = calls.reduce((n, r) => n + (r.actualCost ?? 0), 0);
  const last = calls.at(-1)!;
  // The soonest the budget lets the last request start: everything before it paid from the full
  // bucket plus what restores meanwhile, and the last one's requested cost available.
  const minimumS = Math.max(0, (charged - (last.actualCost ?? 0) + (last.requestedCost ?? 0) - STANDARD_PLAN.maximumAvailable) / STANDARD_PLAN.restoreRate);
  expect(pulled).toBe(ORDERS);

  console.log(`shopify first pull: ${pulled.toLocaleString('en')} orders in ${pages} pages, ${calls.length} requests, ${throttled} THROTTLED`);
  console.log(`  budget: bucket ${STANDARD_PLAN.maximumAvailable}, restore ${STANDARD_PLAN.restoreRate} points/s; charged ${charged.toLocaleString('en')} points (${(charged / pulled).toFixed(1)} per order); page requested cost ${calls[0]!.requestedCost}`);
  console.log(`  took ${elapsedS.toFixed(0)} budget-seconds (${wallS.toFixed(1)} s wall at ×${TIME_SCALE}); the budget allows ${minimumS.toFixed(0)} s at best`);
  console.log(`  throughput ${(pulled / elapsedS).toFixed(2)} orders/s of at most ${(pulled / minimumS).toFixed(2)} orders/s the budget allows: ${((minimumS / elapsedS) * 100).toFixed(1)} %`);
});
