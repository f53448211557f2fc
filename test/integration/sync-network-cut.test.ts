/**
 * Issue #5, reliability: the network is cut while the bench completes 500 orders, then restored —
 * every operation reaches the store exactly once, and the operations on each order in order. The
 * store is the Shopify emulator (test/peers/shopify: the real 2026-10 schema executed by graphql-js);
 * the station is the real composition root with the real Shopify adapter and relay.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCommand } from '../../src-main/cli/sync-command';
import { Database } from '../../src-main/db/database';
import { countOutbox, enqueueOutbox } from '../../src-main/db/repos/outbox';
import { sql } from '../../src-main/db/sql';
import { createStation, DATABASE_FILE, type Station } from '../../src-main/station';
import { platformFactories } from '../../src-main/sync/platforms';
import { startPeer, type Peer } from '../peers/shopify/harness';

const resourcesDir = resolve(__dirname, '../../resources');
const ORDERS = 500;
let peer: Peer;
let dataDir: string;
let station: Station;
let side: Database;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Configures the data folder the way a supervisor would from a terminal (`bancada sync config`). */
async function configureShopify(dir: string): Promise<void> {
  const creds = join(dir, 'creds.json');
  await writeFile(creds, JSON.stringify({ kind: 'shopify-token', accessToken: peer.emulator.accessToken }));
  const err: string[] = [];
  const code = await syncCommand(['config', '--data-dir', dir, '--platform', 'shopify', '--shop-domain', peer.emulator.shopDomain, '--location', peer.locationGid, '--credentials-file', creds], {
    appRoot: resolve(__dirname, '../../out/main'),
    version: 't',
    stdout: () => undefined,
    stderr: (l) => err.push(l),
  });
  expect(code, err.join('\n')).toBe(0);
  await rm(creds);
}

beforeAll(async () => {
  // The throttle is not what this test is about: a big bucket keeps it out of the way.
  peer = await startPeer({ bucket: { maximumAvailable: 1_000_000, restoreRate: 100_000 } });
  for (let i = 0; i < ORDERS; i++) peer.emulator.state.addOrder(peer.locationId, [{ sku: `SKU-${i % 7}`, title: `Producto ${i % 7}`, quantity: 1 + (i % 2) }]);
  dataDir = await mkdtemp(join(tmpdir(), 'bancada-netcut-'));
  await configureShopify(dataDir);
  station = await createStation({
    dataDir,
    resourcesDir,
    devices: { simulate: false },
    sync: { factories: platformFactories({ BANCADA_SHOPIFY_ENDPOINT: peer.emulator.url }), pullEverySeconds: 0, backoff: { baseMs: 25, capMs: 400 } },
  });
  side = await Database.open(join(dataDir, DATABASE_FILE));
}, 120_000);

afterAll(async () => {
  await side?.close();
  await station?.close();
  await peer?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface LocalOrder {
  id: string;
  external_id: string;
  number: string;
}

describe('a network cut during 500 completions', () => {
  it('delivers every claim and fulfilment exactly once, in order per order, once the network is back', async () => {
    const run = await station.sync.syncNow();
    expect(run.failure).toBeNull();
    const orders = await side.all<LocalOrder>(sql`SELECT id, external_id, number FROM orders WHERE platform = 'shopify' ORDER BY number`);
    expect(orders).toHaveLength(ORDERS);

    // Two answers lost after Shopify applied them: the relay must find them applied, not apply twice.
    peer.emulator.faults.inject({ kind: 'drop-after-apply' }, { operation: 'FulfillmentCreate', times: 2 });
    for (const [i, order] of orders.entries()) {
      if (i === 150) peer.emulator.setOffline(true);
      if (i === 400) peer.emulator.setOffline(false);
      const lines = await side.all<{ external_id: string; quantity: number }>(sql`SELECT external_id, quantity FROM order_lines WHERE order_id = ${order.id}`);
      // What the bench commits when a pack opens and when it completes (claim, then fulfilment).
      await side.transaction(async (tx) => {
        const base = { destination: 'platform' as const, aggregateType: 'order' as const, aggregateId: order.id, stationId: 'st', operatorId: 'op', createdAt: new Date().toISOString() };
        await enqueueOutbox(tx, { ...base, payload: { kind: 'order.claim', orderExternalId: order.external_id, orderNumber: order.number }, idempotencyKey: `claim-${order.id}` });
        await enqueueOutbox(tx, {
          ...base,
          payload: { kind: 'order.fulfil', orderExternalId: order.external_id, orderNumber: order.number, notifyCustomer: true, packages: [{ tracking: `BNC${i}`, carrier: 'Correios', trackingUrl: null, weightMg: 400_000, lines: lines.map((l) => ({ lineExternalId: l.external_id, quantity: l.quantity })) }] },
          idempotencyKey: `fulfil-${order.id}`,
        });
      });
      // The bench's pace, shortened: the cut lasts while 250 orders are completed.
      if (i % 10 === 0) await sleep(40);
    }

    for (let waited = 0; (await countOutbox(side)).pending > 0; waited += 250) {
      if (waited > 90_000) throw new Error(`outbox still holds ${(await countOutbox(side)).pending} rows after 90 s`);
      await sleep(250);
    }
    expect(await countOutbox(side)).toEqual({ pending: 0, rejected: 0, failing: 0 });
    // The station noticed the cut: some rows needed more than one attempt.
    expect((await side.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE attempts > 1`))!.n).toBeGreaterThan(0);

    // On the store: one fulfilment per order, with its own tracking number, every unit fulfilled, no claim left behind.
    const fos = [...peer.emulator.state.fulfillmentOrders.values()];
    expect(fos).toHaveLength(ORDERS);
    for (const fo of fos) {
      expect(fo.fulfillmentIds, `FO ${fo.id}`).toHaveLength(1);
      expect(fo.status).toBe('CLOSED');
      expect(fo.holds.filter((h) => h.byThisApp)).toEqual([]);
      expect(fo.lines.every((l) => l.remainingQuantity === 0)).toBe(true);
    }
    const trackings = [...peer.emulator.state.fulfillments.values()].map((f) => f.tracking[0]?.number);
    expect(new Set(trackings).size).toBe(ORDERS);
    expect(peer.emulator.state.fulfillments.size).toBe(ORDERS);
    // …and the two lost answers did happen, after Shopify had applied the fulfilment.
    expect(peer.emulator.requests.filter((r) => r.fault === 'drop-after-apply')).toHaveLength(2);
  }, 180_000);
});
