import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { countWaitingOrders, listOrderQueue } from '../db/repos/orders';
import { findProductByBarcode } from '../db/repos/products';
import { countWaitingReturns, listReturnQueue } from '../db/repos/returns';
import { getSetting } from '../db/repos/settings';
import { sql, sqlId } from '../db/sql';
import { tempDatabases } from '../db/test-db';
import { smallDemoFiles, writeDemoFiles } from './__fixtures__/small-demo';
import { loadDemoData, seedDemo, type DemoData } from './demo-data';

const openDatabase = tempDatabases();
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const NOW = new Date('2026-11-23T12:00:00.000Z');
const options = { now: NOW, hashPin: async (pin: string) => `scrypt$fake$${[...pin].reverse().join('')}x`, stationId: 's1' };

async function smallData(): Promise<DemoData> {
  const dir = writeDemoFiles(smallDemoFiles());
  dirs.push(dir);
  return loadDemoData(dir);
}

const count = async (db: Database, table: string): Promise<number | undefined> => (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sqlId(table)}`))?.n;

describe('seeding the demo store', () => {
  it('seeds once: a second seed, even one racing the first, changes nothing', async () => {
    const db = await openDatabase();
    const data = await smallData();
    const results = await Promise.all([seedDemo(db, data, options), seedDemo(db, data, options)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await seedDemo(db, data, { ...options, now: new Date('2026-12-01T00:00:00Z') })).toBe(false);
    expect([await count(db, 'orders'), await count(db, 'order_lines'), await count(db, 'returns'), await count(db, 'operators'), await count(db, 'audit_log')]).toEqual([2, 3, 1, 2, 1]);
    expect(await getSetting(db, 'demo.seededAt')).toBe(NOW.toISOString());
  });

  it('opens demo orders with times taken from the seeding moment and lines copied from the catalog', async () => {
    const db = await openDatabase();
    await seedDemo(db, await smallData(), options);
    expect(await db.get(sql`SELECT platform, external_id, status, created_at, ship_by, ship_country FROM orders WHERE number = '#1001'`)).toEqual({
      platform: 'demo', external_id: '#1001', status: 'open', created_at: '2026-11-23T07:00:00.000Z', ship_by: '2026-11-23T16:00:00.000Z', ship_country: 'AR',
    });
    expect(await db.all(sql`SELECT l.line_no, l.sku, l.title, l.variant, l.quantity, l.unit_weight_mg FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = '#1001' ORDER BY l.line_no`)).toEqual([
      { line_no: 1, sku: 'MATE-CALA', title: 'Mate de calabaza', variant: null, quantity: 1, unit_weight_mg: 180_000 },
      { line_no: 2, sku: 'BOMB-INOX', title: 'Bombilla inox', variant: 'Plata', quantity: 2, unit_weight_mg: 25_000 },
    ]);
    expect((await listOrderQueue(db, { limit: 10 })).map((o) => o.number)).toEqual(['#1001', '#1002']);
    expect(await listReturnQueue(db, { limit: 10 })).toMatchObject([{ rmaNumber: 'RMA-2001', status: 'expected', itemCount: 1, createdAt: '2026-11-21T12:00:00.000Z' }]);
  });

  it('makes every product findable by its GTIN, even one only printed on a case', async () => {
    const db = await openDatabase();
    await seedDemo(db, await smallData(), options);
    expect(await findProductByBarcode(db, '07790387000023')).toMatchObject({ product: { sku: 'BOMB-INOX' }, quantity: 1 });
    expect(await findProductByBarcode(db, '17790387000020')).toMatchObject({ product: { sku: 'BOMB-INOX' }, quantity: 12 });
    expect(await findProductByBarcode(db, '07790387000016')).toMatchObject({ product: { sku: 'MATE-CALA' } });
  });

  it('keeps demo PINs for the login screen and stores only their hashes as PIN hashes', async () => {
    const db = await openDatabase();
    await seedDemo(db, await smallData(), options);
    expect(await db.all(sql`SELECT name, role, badge, demo_pin, pin_hash FROM operators ORDER BY name`)).toEqual([
      { name: 'Ana', role: 'packer', badge: 'BADGE-ANA', demo_pin: '1111', pin_hash: 'scrypt$fake$1111x' },
      { name: 'Beto', role: 'supervisor', badge: 'BADGE-BETO', demo_pin: '2222', pin_hash: 'scrypt$fake$2222x' },
    ]);
  });

  it('seeds nothing at all when one part of the data cannot be inserted', async () => {
    const db = await openDatabase();
    const data = await smallData();
    const broken: DemoData = { ...data, operators: [...data.operators, { ...data.operators[0]!, name: 'Ana again' }] };
    await expect(seedDemo(db, broken, options)).rejects.toThrow(/UNIQUE/);
    expect([await count(db, 'products'), await count(db, 'orders'), await count(db, 'operators')]).toEqual([0, 0, 0]);
    expect(await getSetting(db, 'demo.seededAt')).toBeNull();
  });

  it('seeds the shipped demo data set (resources/demo) into a working queue', async () => {
    const db = await openDatabase();
    const data = await loadDemoData(resolve(__dirname, '../../resources'));
    expect(await seedDemo(db, data, options)).toBe(true);
    expect(await countWaitingOrders(db)).toBe(data.orders.length);
    expect(await countWaitingReturns(db)).toBe(data.returns.length);
    for (const p of data.products) expect((await findProductByBarcode(db, p.gtin))?.product.sku, p.sku).toBe(p.sku);
  });
});
