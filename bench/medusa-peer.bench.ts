// The Medusa peer and adapter, measured against a real Medusa 2.21.2 on a throw-away PostgreSQL
// (test/peers/medusa): how long the peer takes to be ready (install and template are cached after
// the first run; the figures say which), then per-order costs through the adapter: the first pull,
// a fulfilment with its shipment (read + create + re-read + ship), and the same push again, which
// read-before-retry answers with one read. Prints figures; asserts only that the work was real.
import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import type { RemoteOrder } from '../src-main/sync/adapter';
import { createMedusaAdapter } from '../src-main/sync/medusa';
import { OrderFulfilSchema, type OutboxOperation } from '../src-main/sync/operations';
import { createOrder, fulfilmentsOf, PeerAdmin, seedStore, startMedusaPeer } from '../test/peers/medusa';

const ORDERS = Number(process.env.BANCADA_BENCH_MEDUSA_ORDERS ?? 20);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function report(label: string, samples: number[]): void {
  const total = samples.reduce((a, b) => a + b, 0);
  console.log(`${label}: p50 ${percentile(samples, 0.5).toFixed(0)} ms, p99 ${percentile(samples, 0.99).toFixed(0)} ms, ${((samples.length / total) * 1000).toFixed(1)}/s (n=${samples.length})`);
}

it(`Medusa peer start, and pull + fulfil of ${ORDERS} orders through the adapter`, async () => {
  const t0 = performance.now();
  const peer = await startMedusaPeer();
  const ready = performance.now() - t0;
  try {
    const { installMs, templateMs, startMs } = peer.timings;
    console.log(`peer ready in ${(ready / 1000).toFixed(1)} s: install ${installMs === null ? 'cached' : `${(installMs / 1000).toFixed(1)} s`}, migrated template ${templateMs === null ? 'cached' : `${(templateMs / 1000).toFixed(1)} s`}, PostgreSQL + medusa start + key ${(startMs / 1000).toFixed(1)} s`);
    const admin = new PeerAdmin(peer);
    const s0 = performance.now();
    const store = await seedStore(admin);
    console.log(`store seeded in ${(performance.now() - s0).toFixed(0)} ms`);
    const o0 = performance.now();
    for (let i = 0; i < ORDERS; i++) await createOrder(admin, store, [{ variantId: store.products[i % store.products.length]!.variantId, quantity: 1 + (i % 2) }]);
    console.log(`${ORDERS} orders created (draft → order) in ${((performance.now() - o0) / 1000).toFixed(1)} s`);

    const adapter = createMedusaAdapter({ baseUrl: peer.baseUrl, apiKey: peer.apiKey, stockLocationId: store.stockLocationId });
    const p0 = performance.now();
    const orders: RemoteOrder[] = [];
    let page: string | null = null;
    do {
      const result = await adapter.pullOrders({ since: null, page, locationId: store.stockLocationId });
      if (!result.ok) throw new Error(result.message);
      orders.push(...result.value.items);
      page = result.value.next;
    } while (page !== null);
    const pullMs = performance.now() - p0;
    console.log(`first pull: ${orders.length} orders in ${pullMs.toFixed(0)} ms (${((orders.length / pullMs) * 1000).toFixed(0)} orders/s)`);
    expect(orders).toHaveLength(ORDERS);

    const ops: OutboxOperation[] = orders.map((order, i) => ({
      idempotencyKey: `bench-${i}`,
      stationId: 'bench',
      operatorId: null,
      createdAt: new Date().toISOString(),
      payload: OrderFulfilSchema.parse({
        kind: 'order.fulfil', orderExternalId: order.externalId, orderNumber: order.number, notifyCustomer: false,
        packages: [{ tracking: `BR${String(i).padStart(9, '0')}BR`, carrier: 'Correios', trackingUrl: null, weightMg: null, lines: order.lines.map((l) => ({ lineExternalId: l.externalId, quantity: l.quantity })) }],
      }),
    }));
    const first: number[] = [];
    for (const op of ops) {
      const t = performance.now();
      const result = await adapter.push(op);
      first.push(performance.now() - t);
      if (!result.ok || result.alreadyApplied) throw new Error(`push ${op.idempotencyKey}: ${JSON.stringify(result)}`);
    }
    report('fulfil + ship (read, create, shipment)', first);
    const again: number[] = [];
    for (const op of ops) {
      const t = performance.now();
      const result = await adapter.push(op);
      again.push(performance.now() - t);
      if (!result.ok || !result.alreadyApplied) throw new Error(`re-push ${op.idempotencyKey}: ${JSON.stringify(result)}`);
    }
    report('the same push again (read-before-retry answers alreadyApplied)', again);
    const sample = await fulfilmentsOf(admin, orders[0]!.externalId);
    expect(sample).toHaveLength(1);
  } finally {
    await peer.stop();
  }
}, 20 * 60_000);
