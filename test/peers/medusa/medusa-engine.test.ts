/**
 * The Medusa adapter inside the sync engine's own pieces (src-main/sync/pull.ts, outbox-relay.ts)
 * with a real station database, against the real Medusa peer: what the station does every day.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countOutbox, enqueueOutbox } from '../../../src-main/db/repos/outbox';
import { sql } from '../../../src-main/db/sql';
import { tempDatabases } from '../../../src-main/db/test-db';
import type { SyncAdapter } from '../../../src-main/sync/adapter';
import { createMedusaAdapter } from '../../../src-main/sync/medusa';
import { OrderFulfilSchema } from '../../../src-main/sync/operations';
import { OutboxRelay } from '../../../src-main/sync/outbox-relay';
import { pullResource } from '../../../src-main/sync/pull';
import { cancelOrder, createOrder, fulfilmentsOf, PeerAdmin, seedStore, startMedusaPeer, type MedusaPeer, type SeededStore } from './index';

const openDatabase = tempDatabases();
let peer: MedusaPeer;
let admin: PeerAdmin;
let store: SeededStore;
let adapter: SyncAdapter;

beforeAll(async () => {
  peer = await startMedusaPeer();
  admin = new PeerAdmin(peer);
  store = await seedStore(admin);
  adapter = createMedusaAdapter({ baseUrl: peer.baseUrl, apiKey: peer.apiKey, stockLocationId: store.stockLocationId });
}, 15 * 60_000);

afterAll(async () => {
  await peer?.stop();
}, 60_000);

describe('the sync engine with the Medusa adapter', () => {
  test('pulls orders and the catalog into SQLite; the relay delivers a packed order once and leaves an order cancelled upstream for a person', async () => {
    const db = await openDatabase();
    const [shirt, mug] = store.products;
    const packedId = await createOrder(admin, store, [{ variantId: shirt!.variantId, quantity: 2 }]);
    const cancelledId = await createOrder(admin, store, [{ variantId: mug!.variantId, quantity: 1 }], { first: 'Marta', last: 'Oliveira', email: 'marta@example.com' });

    expect(await pullResource('products', { db, adapter, locationId: store.stockLocationId })).toMatchObject({ ok: true, report: { read: 3, failed: 0 } });
    expect(await pullResource('orders', { db, adapter, locationId: store.stockLocationId })).toMatchObject({ ok: true, report: { read: 2, inserted: 2, failed: 0 } });
    const local = await db.all<{ id: string; externalId: string; number: string }>(sql`SELECT id, external_id AS externalId, number FROM orders WHERE platform = 'medusa' ORDER BY number`);
    expect(local.map((o) => o.externalId).sort()).toEqual([packedId, cancelledId].sort());

    // The bench packs both (one box each); Medusa's merchant cancels the second before delivery.
    for (const order of local) {
      const lines = await db.all<{ externalId: string; quantity: number }>(sql`SELECT external_id AS externalId, quantity FROM order_lines WHERE order_id = ${order.id} ORDER BY line_no`);
      const payload = OrderFulfilSchema.parse({
        kind: 'order.fulfil', orderExternalId: order.externalId, orderNumber: order.number, notifyCustomer: false,
        packages: [{ tracking: `BR${order.number.replace('#', '').padStart(9, '0')}BR`, carrier: 'Correios', trackingUrl: null, weightMg: 400_000, lines: lines.map((l) => ({ lineExternalId: l.externalId, quantity: l.quantity })) }],
      });
      await enqueueOutbox(db, { destination: 'platform', aggregateType: 'order', aggregateId: order.id, payload, idempotencyKey: `fulfil-${order.id}`, stationId: 'station-1', operatorId: null, createdAt: new Date().toISOString() });
    }
    await cancelOrder(admin, cancelledId);

    const relay = new OutboxRelay({ db, adapter: () => adapter });
    expect(await relay.drain()).toMatchObject({ delivered: 1, rejected: 1 });
    expect(await relay.drain()).toMatchObject({ delivered: 0, rejected: 0 });
    expect(await countOutbox(db)).toMatchObject({ pending: 0 });
    const packed = await fulfilmentsOf(admin, packedId);
    expect(packed).toHaveLength(1);
    expect(packed[0]!.shippedAt).not.toBeNull();
    expect(await fulfilmentsOf(admin, cancelledId)).toHaveLength(0);
    const rejected = await db.get<{ status: string; code: string | null }>(sql`SELECT status, last_error_code AS code FROM outbox WHERE idempotency_key = ${`fulfil-${local.find((o) => o.externalId === cancelledId)!.id}`}`);
    expect(rejected).toMatchObject({ status: 'rejected', code: 'sync.rejected' });

    // The next pull sees both changes upstream.
    expect(await pullResource('orders', { db, adapter, locationId: store.stockLocationId })).toMatchObject({ ok: true, report: { failed: 0 } });
  }, 180_000);
});
