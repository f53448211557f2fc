import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '../../src-shared/barcode';
import type { Database } from '../db/database';
import { countWaitingOrders, listOrderQueue } from '../db/repos/orders';
import { findProductByBarcode } from '../db/repos/products';
import { sql } from '../db/sql';
import { tempDatabases } from '../db/test-db';
import { insertSyntheticOrders, insertSyntheticProducts, listSyntheticProducts, syntheticGtin } from './synthetic';

const openDatabase = tempDatabases();
const NOW = new Date('2026-11-23T12:00:00.000Z');

const snapshot = (db: Database) =>
  db.all(sql`SELECT o.id, o.number, o.customer_name, o.priority, o.ship_by, o.created_at, group_concat(l.sku || 'x' || l.quantity) AS lines
    FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id ORDER BY o.id`);

describe('synthetic data for the benchmarks', () => {
  it('inserts the orders asked for, each with its lines, across several transactions', async () => {
    const db = await openDatabase();
    await insertSyntheticOrders(db, { count: 12_001, linesPerOrder: 3, seed: 7, now: NOW });
    expect(await countWaitingOrders(db)).toBe(12_001);
    expect(await db.get(sql`SELECT count(*) AS n FROM order_lines`)).toEqual({ n: 36_003 });
    expect(await db.get(sql`SELECT count(*) AS n FROM products`)).toEqual({ n: 1000 });
    expect(await listOrderQueue(db, { limit: 5 })).toHaveLength(5);
  });

  it('makes the same database from the same seed and moment', async () => {
    const [a, b] = [await openDatabase(), await openDatabase()];
    for (const db of [a, b]) await insertSyntheticOrders(db, { count: 300, linesPerOrder: 2, seed: 3, now: NOW });
    expect(await snapshot(a)).toEqual(await snapshot(b));
  });

  it('draws lines from the products it is given', async () => {
    const db = await openDatabase();
    await insertSyntheticProducts(db, { count: 3, seed: 1, now: NOW });
    const products = await listSyntheticProducts(db, 2);
    await insertSyntheticOrders(db, { count: 50, linesPerOrder: 2, seed: 1, products, now: NOW });
    expect(await db.all(sql`SELECT DISTINCT product_id FROM order_lines ORDER BY product_id`)).toEqual([{ product_id: 'syn-p-0' }, { product_id: 'syn-p-1' }]);
  });

  it('prints valid, findable GTINs in the restricted-circulation range, several per product', async () => {
    const db = await openDatabase();
    await insertSyntheticProducts(db, { count: 6000, seed: 1, barcodesPerProduct: 2, now: NOW });
    expect(await db.get(sql`SELECT count(*) AS n FROM product_barcodes`)).toEqual({ n: 12_000 });
    for (const i of [0, 59_991]) {
      expect(hasValidCheckDigit(syntheticGtin(i))).toBe(true);
      expect(syntheticGtin(i)).toMatch(/^2\d{12}$/);
    }
    expect((await findProductByBarcode(db, '0' + syntheticGtin(59_991)))?.product.id).toBe('syn-p-5999');
    const more = await insertSyntheticProducts(db, { count: 1, seed: 2, now: NOW });
    expect(more).toEqual({ first: 6000, count: 1 });
  });
});
