import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { getCursor } from '../db/repos/sync-cursors';
import { sql } from '../db/sql';
import { tempDatabases } from '../db/test-db';
import type { UpstreamChange } from './apply-order';
import { applyKeptAsideOrders, pullResource } from './pull';
import { ListPlatform, remoteOrder } from './testing/list-adapter';

const openDatabase = tempDatabases();
const NOW = new Date('2026-11-23T12:00:00.000Z');
const at = (minutes: number) => new Date(Date.parse('2026-11-23T10:00:00.000Z') + minutes * 60_000).toISOString();

async function pullOrders(db: Database, platform: ListPlatform, interruptions: [string, UpstreamChange][] = []) {
  return pullResource('orders', { db, adapter: platform, locationId: 'loc-1', now: () => NOW, onInterruption: async (id, change) => void interruptions.push([id, change]) });
}

const orders = (db: Database) => db.all<{ number: string; status: string }>(sql`SELECT number, status FROM orders ORDER BY number`);

describe('pullResource(orders)', () => {
  it('reads every page, stores orders with their lines and platform line ids, and sets the cursor to the newest updated-at', async () => {
    const db = await openDatabase();
    const platform = new ListPlatform();
    platform.orders = [remoteOrder(1, at(1)), remoteOrder(2, at(5)), remoteOrder(3, at(3))];
    const outcome = await pullOrders(db, platform);
    expect(outcome).toMatchObject({ ok: true, report: { read: 3, inserted: 3, failed: 0 } });
    expect(platform.requests.map((r) => r.request.page)).toEqual([null, '2']);
    expect(await orders(db)).toEqual([
      { number: '#1', status: 'open' },
      { number: '#2', status: 'open' },
      { number: '#3', status: 'open' },
    ]);
    const lines = await db.all(sql`SELECT l.sku, l.quantity, l.external_id AS externalId FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = '#1' ORDER BY l.line_no`);
    expect(lines).toEqual([
      { sku: 'SKU-A', quantity: 2, externalId: 'gid://shopify/FulfillmentOrderLineItem/11' },
      { sku: 'SKU-B', quantity: 1, externalId: 'gid://shopify/FulfillmentOrderLineItem/12' },
    ]);
    expect(await getCursor(db, 'demo', 'orders')).toBe(at(5));
  });

  it('starts the next pull an overlap window before the cursor and does not duplicate what it reads again', async () => {
    const db = await openDatabase();
    const platform = new ListPlatform();
    platform.orders = [remoteOrder(1, at(10))];
    await pullOrders(db, platform);
    platform.orders.push(remoteOrder(2, at(8)));
    await pullOrders(db, platform);
    expect(platform.requests.at(-1)!.request.since).toBe(at(5));
    expect((await orders(db)).map((o) => o.number)).toEqual(['#1', '#2']);
    expect((await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM order_lines`))!.n).toBe(4);
  });

  it('drops the claims and holds an order cancelled upstream no longer needs, but keeps its fulfilment for a person', async () => {
    const db = await openDatabase();
    const platform = new ListPlatform();
    platform.orders = [remoteOrder(1, at(1))];
    await pullOrders(db, platform);
    const id = (await db.get<{ id: string }>(sql`SELECT id FROM orders WHERE number = '#1'`))!.id;
    const row = (key: string, kind: string, status: string) =>
      db.run(sql`INSERT INTO outbox (destination, aggregate_type, aggregate_id, kind, payload, idempotency_key, station_id, created_at, status)
        VALUES ('platform', 'order', ${id}, ${kind}, '{}', ${key}, 'st', ${NOW.toISOString()}, ${status})`);
    await row('claim', 'order.claim', 'rejected');
    await row('hold', 'order.hold', 'pending');
    await row('fulfil', 'order.fulfil', 'pending');
    await row('done', 'order.release', 'done');
    platform.orders = [remoteOrder(1, at(2), { state: 'cancelled' })];
    await pullOrders(db, platform);
    expect(await db.all(sql`SELECT idempotency_key AS k, status, last_error_code AS code FROM outbox ORDER BY id`)).toEqual([
      { k: 'claim', status: 'discarded', code: 'sync.order-closed-upstream' },
      { k: 'hold', status: 'discarded', code: 'sync.order-closed-upstream' },
      { k: 'fulfil', status: 'pending', code: null },
      { k: 'done', status: 'done', code: null },
    ]);
  });

  it('applies an edit to an order nobody is packing, keeping line ids and never reviving an older copy', async () => {
    const db = await openDatabase();
    const platform = new ListPlatform();
    platform.orders = [remoteOrder(1, at(1))];
    await pullOrders(db, platform);
    const before = await db.all<{ id: string }>(sql`SELECT id FROM order_lines ORDER BY line_no`);
    const edited = remoteOrder(1, at(2));
    platform.orders = [{ ...edited, lines: [{ ...edited.lines[0]!, quantity: 3 }] }];
    await pullOrders(db, platform);
    expect(await db.all(sql`SELECT id, quantity FROM order_lines ORDER BY line_no`)).toEqual([{ id: before[0]!.id, quantity: 3 }]);
    platform.orders = [remoteOrder(1, at(1))];
    await pullResource('orders', { db, adapter: platform, locationId: null, now: () => NOW, overlapMs: 10 * 60_000 });
    expect(await db.all(sql`SELECT quantity FROM order_lines`)).toEqual([{ quantity: 3 }]);
  });

  it('never overwrites an order being packed: keeps the new version aside and interrupts the packer, then applies it when the pack ends', async () => {
    const db = await openDatabase();
    const platform = new ListPlatform();
    platform.orders = [remoteOrder(1, at(1)), remoteOrder(2, at(1)), remoteOrder(3, at(1))];
    await pullOrders(db, platform);
    await db.run(sql`UPDATE orders SET status = 'in-progress'`);
    const edited = remoteOrder(3, at(2));
    platform.orders = [remoteOrder(1, at(2), { state: 'cancelled' }), remoteOrder(2, at(2), { state: 'on-hold' }), { ...edited, lines: edited.lines.slice(0, 1) }];
    const interruptions: [string, UpstreamChange][] = [];
    const outcome = await pullOrders(db, platform, interruptions);
    expect(outcome).toMatchObject({ ok: true, report: { interrupted: 3 } });
    const ids = new Map((await db.all<{ id: string; number: string }>(sql`SELECT id, number FROM orders`)).map((o) => [o.number, o.id]));
    expect(interruptions.sort()).toEqual(
      [
        [ids.get('#1')!, 'cancelled'],
        [ids.get('#2')!, 'on-hold'],
        [ids.get('#3')!, 'edited'],
      ].sort(),
    );
    expect((await orders(db)).map((o) => o.status)).toEqual(['in-progress', 'in-progress', 'in-progress']);
    expect((await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM order_lines`))!.n).toBe(6);

    // The packer abandoned #1 and #3 and finished #2 before the hold arrived: the kept versions now apply.
    await db.run(sql`UPDATE orders SET status = 'open' WHERE number IN ('#1', '#3')`);
    await db.run(sql`UPDATE orders SET status = 'packed' WHERE number = '#2'`);
    expect(await applyKeptAsideOrders({ db, adapter: platform, now: () => NOW })).toBe(3);
    expect(await orders(db)).toEqual([
      { number: '#1', status: 'cancelled' },
      { number: '#2', status: 'packed' },
      { number: '#3', status: 'open' },
    ]);
    expect((await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = '#3'`))!.n).toBe(1);
    expect((await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM orders WHERE upstream_pending IS NOT NULL`))!.n).toBe(0);
  });

  it('keeps the newest version aside while an order is packed, even one the bench would not notice: a hold lifted upstream does not come back when the pack is released', async () => {
    const db = await openDatabase();
    const platform = new ListPlatform();
    platform.orders = [remoteOrder(1, at(1))];
    await pullOrders(db, platform);
    await db.run(sql`UPDATE orders SET status = 'in-progress'`);
    // The merchant holds the order while it is packed, then lifts the hold and changes its carrier.
    platform.orders = [remoteOrder(1, at(2), { state: 'on-hold' })];
    const interruptions: [string, UpstreamChange][] = [];
    await pullOrders(db, platform, interruptions);
    expect(interruptions.map(([, change]) => change)).toEqual(['on-hold']);
    platform.orders = [remoteOrder(1, at(30), { carrier: 'Andreani' })];
    await pullOrders(db, platform, interruptions);
    // The packer releases the pack; the next pull reads from after the newest version, so it is not read again.
    await db.run(sql`UPDATE orders SET status = 'open'`);
    expect(await applyKeptAsideOrders({ db, adapter: platform, now: () => NOW })).toBe(1);
    expect(await db.get(sql`SELECT status, carrier, remote_updated_at AS remoteUpdatedAt FROM orders`)).toEqual({ status: 'open', carrier: 'Andreani', remoteUpdatedAt: at(30) });
  });

  it('ignores cancelled and fulfilled orders it never had, and marks a packed order shipped when the platform says fulfilled', async () => {
    const db = await openDatabase();
    const platform = new ListPlatform();
    platform.orders = [remoteOrder(1, at(1), { state: 'cancelled' }), remoteOrder(2, at(1)), remoteOrder(3, at(1), { state: 'fulfilled' })];
    await pullOrders(db, platform);
    expect(await orders(db)).toEqual([{ number: '#2', status: 'open' }]);
    await db.run(sql`UPDATE orders SET status = 'packed'`);
    platform.orders = [remoteOrder(2, at(2), { state: 'fulfilled' })];
    await pullOrders(db, platform);
    expect(await orders(db)).toEqual([{ number: '#2', status: 'shipped' }]);
  });

  it('keeps going past a record it cannot store, and leaves the cursor so the record is read again', async () => {
    const db = await openDatabase();
    const platform = new ListPlatform();
    const bad = remoteOrder(2, at(2));
    platform.orders = [remoteOrder(1, at(1)), { ...bad, shipTo: { ...bad.shipTo, country: 'Argentina' } }, remoteOrder(3, at(3))];
    const outcome = await pullOrders(db, platform);
    expect(outcome).toMatchObject({ ok: true, report: { read: 3, inserted: 2, failed: 1 } });
    expect((await orders(db)).map((o) => o.number)).toEqual(['#1', '#3']);
    expect(await getCursor(db, 'demo', 'orders')).toBeNull();
  });

  it('never moves the cursor past the station\'s clock: one record stamped in the future cannot make every later pull read nothing', async () => {
    const db = await openDatabase();
    const platform = new ListPlatform();
    platform.orders = [remoteOrder(1, at(1)), remoteOrder(2, '9999-12-31T23:59:59Z')];
    await pullOrders(db, platform);
    expect(await getCursor(db, 'demo', 'orders')).toBe(NOW.toISOString());
    platform.orders.push(remoteOrder(3, at(119)));
    await pullOrders(db, platform);
    expect((await orders(db)).map((o) => o.number)).toEqual(['#1', '#2', '#3']);
  });

  it('reports a platform failure without moving the cursor', async () => {
    const db = await openDatabase();
    const platform = new ListPlatform();
    platform.orders = [remoteOrder(1, at(1))];
    platform.failure = { ok: false, code: 'sync.network', message: 'ENOTFOUND', retryable: true };
    const outcome = await pullOrders(db, platform);
    expect(outcome).toMatchObject({ ok: false, code: 'sync.network', retryable: true });
    expect(await getCursor(db, 'demo', 'orders')).toBeNull();
  });
});

describe('pullResource(products, returns)', () => {
  it('stores catalog products with their barcodes as the lookup finds them, and returns linked to their order', async () => {
    const db = await openDatabase();
    const platform = new ListPlatform();
    platform.products = [{ externalId: 'v1', sku: 'SKU-A', title: 'Mate', variant: null, barcodes: ['7791234567898', 'MATE-01'], unitWeightMg: 250_000, imageUrl: null, updatedAt: at(1) }];
    platform.orders = [remoteOrder(1, at(1))];
    platform.returns = [
      { externalId: 'ret-1', rmaNumber: 'RMA-1', orderExternalId: null, orderNumber: '#1', customerName: 'Lucía', state: 'expected', createdAt: at(1), updatedAt: at(1), items: [{ externalId: 'ri-1', sku: 'SKU-A', title: 'Mate', quantity: 1, reason: 'damaged' }] },
    ];
    for (const resource of ['products', 'orders', 'returns'] as const) await pullResource(resource, { db, adapter: platform, locationId: null, now: () => NOW });
    expect(await db.all(sql`SELECT value, kind FROM product_barcodes ORDER BY value`)).toEqual([
      { value: '07791234567898', kind: 'gtin' },
      { value: 'MATE-01', kind: 'alias' },
    ]);
    const line = await db.get<{ product_id: string | null }>(sql`SELECT product_id FROM order_lines WHERE sku = 'SKU-A'`);
    expect(line!.product_id).not.toBeNull();
    expect(await db.get(sql`SELECT r.rma_number AS rma, o.number AS orderNumber, i.external_id AS item FROM returns r JOIN orders o ON o.id = r.order_id JOIN return_items i ON i.return_id = r.id`)).toEqual({
      rma: 'RMA-1',
      orderNumber: '#1',
      item: 'ri-1',
    });
  });
});
