import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { enqueueOutbox } from '../db/repos/outbox';
import { insertPackException, listOpenPackExceptions } from '../db/repos/pack-exceptions';
import { sql } from '../db/sql';
import { tempDatabases } from '../db/test-db';
import { leavePlatform } from './platform-switch';

const openDatabase = tempDatabases();
const NOW = '2026-12-07T12:00:00.000Z';

async function order(db: Database, id: string, platform: string, status: string): Promise<void> {
  await db.run(sql`INSERT OR IGNORE INTO operators (id, name, role, pin_hash, created_at) VALUES ('sup', 'Marta', 'supervisor', 'h', ${NOW})`);
  await db.run(sql`INSERT INTO orders (id, platform, external_id, number, status, customer_name, ship_name, ship_line1, ship_city, ship_country, created_at, updated_at, remote_updated_at)
    VALUES (${id}, ${platform}, ${id}, ${`#${id}`}, ${status}, 'C', 'C', 'L', 'City', 'AR', ${NOW}, ${NOW}, ${NOW})`);
}

async function owed(db: Database, key: string, status: 'pending' | 'in-flight' | 'rejected' | 'done'): Promise<void> {
  const id = await enqueueOutbox(db, { destination: 'platform', aggregateType: 'order', aggregateId: 'o1', payload: { kind: 'order.claim', orderExternalId: 'o1', orderNumber: '#o1' }, idempotencyKey: key, stationId: 'st', operatorId: 'sup', createdAt: NOW });
  await db.run(sql`UPDATE outbox SET status = ${status} WHERE id = ${id}`);
}

const statuses = (db: Database) => db.all(sql`SELECT id, status FROM orders ORDER BY id`);

describe('leavePlatform', () => {
  it('leaving the demo store: its waiting orders and returns leave the queues, its undelivered operations are discarded with the reason, finished work stays', async () => {
    const db = await openDatabase();
    await order(db, 'o1', 'demo', 'open');
    await order(db, 'o2', 'demo', 'on-hold');
    await order(db, 'o3', 'demo', 'exception');
    await order(db, 'o4', 'demo', 'packed');
    await order(db, 'o5', 'shopify', 'open');
    await db.run(sql`INSERT INTO pack_sessions (id, order_id, station_id, operator_id, state, started_at) VALUES ('s3', 'o3', 'st', 'sup', 'exception', ${NOW})`);
    await insertPackException(db, { id: 'e3', sessionId: 's3', orderId: 'o3', reason: 'missing', note: null, operatorId: 'sup', at: NOW });
    await db.run(sql`INSERT INTO returns (id, platform, external_id, rma_number, order_number, customer_name, status, created_at, updated_at) VALUES ('r1', 'demo', 'r1', 'RMA-1', '#o4', 'C', 'expected', ${NOW}, ${NOW})`);
    await db.run(sql`INSERT INTO sync_cursors (platform, resource, cursor, updated_at) VALUES ('demo', 'orders', 'c', ${NOW}), ('shopify', 'orders', 'c', ${NOW})`);
    await owed(db, 'k-pending', 'pending');
    await owed(db, 'k-flight', 'in-flight');
    await owed(db, 'k-rejected', 'rejected');
    await owed(db, 'k-done', 'done');

    const report = await db.transaction((tx) => leavePlatform(tx, 'demo', 'shopify', 'sup', NOW));

    expect(report).toEqual({ ordersRetired: 3, returnsRetired: 1, operationsDiscarded: 3 });
    expect(await statuses(db)).toEqual([
      { id: 'o1', status: 'cancelled' },
      { id: 'o2', status: 'cancelled' },
      { id: 'o3', status: 'cancelled' },
      { id: 'o4', status: 'packed' },
      { id: 'o5', status: 'open' },
    ]);
    expect(await db.all(sql`SELECT idempotency_key AS k, status, last_error_code AS code FROM outbox ORDER BY id`)).toEqual([
      { k: 'k-pending', status: 'discarded', code: 'sync.store-switched' },
      { k: 'k-flight', status: 'discarded', code: 'sync.store-switched' },
      { k: 'k-rejected', status: 'discarded', code: 'sync.store-switched' },
      { k: 'k-done', status: 'done', code: null },
    ]);
    expect(await listOpenPackExceptions(db)).toEqual([]);
    expect(await db.get(sql`SELECT status FROM returns WHERE id = 'r1'`)).toEqual({ status: 'closed' });
    expect(await db.all(sql`SELECT platform FROM sync_cursors`)).toEqual([{ platform: 'shopify' }]);
    // Coming back pulls everything again: no version stamp keeps the store's newer state out.
    expect(await db.get(sql`SELECT remote_updated_at FROM orders WHERE id = 'o1'`)).toEqual({ remote_updated_at: null });
  });

  it('refuses to leave a real store that is still owed operations, and changes nothing', async () => {
    const db = await openDatabase();
    await order(db, 'o1', 'shopify', 'open');
    await owed(db, 'k-rejected', 'rejected');
    await expect(db.transaction((tx) => leavePlatform(tx, 'shopify', 'medusa', 'sup', NOW))).rejects.toMatchObject({ code: 'sync.switch-undelivered', message: expect.stringContaining('1 operation') });
    expect(await statuses(db)).toEqual([{ id: 'o1', status: 'open' }]);
    // Once the supervisor discarded it (Sync tab), the switch goes through.
    await db.run(sql`UPDATE outbox SET status = 'discarded'`);
    expect(await db.transaction((tx) => leavePlatform(tx, 'shopify', 'medusa', 'sup', NOW))).toEqual({ ordersRetired: 1, returnsRetired: 0, operationsDiscarded: 0 });
  });

  it('refuses while an order of the store is being packed, and does nothing when the store stays', async () => {
    const db = await openDatabase();
    await order(db, 'o1', 'demo', 'in-progress');
    await order(db, 'o2', 'demo', 'open');
    await db.run(sql`INSERT INTO pack_sessions (id, order_id, station_id, operator_id, state, started_at) VALUES ('s1', 'o1', 'st', 'sup', 'scanning', ${NOW})`);
    await expect(db.transaction((tx) => leavePlatform(tx, 'demo', 'medusa', 'sup', NOW))).rejects.toMatchObject({ code: 'sync.switch-pack-open', message: expect.stringContaining('#o1') });
    expect(await db.transaction((tx) => leavePlatform(tx, 'demo', 'demo', 'sup', NOW))).toEqual({ ordersRetired: 0, returnsRetired: 0, operationsDiscarded: 0 });
    expect(await statuses(db)).toEqual([
      { id: 'o1', status: 'in-progress' },
      { id: 'o2', status: 'open' },
    ]);
    // Once that pack has ended (released after an interruption leaves the order "in progress"), it goes.
    await db.run(sql`UPDATE pack_sessions SET state = 'abandoned' WHERE id = 's1'`);
    expect(await db.transaction((tx) => leavePlatform(tx, 'demo', 'medusa', 'sup', NOW))).toMatchObject({ ordersRetired: 2 });
  });
});
