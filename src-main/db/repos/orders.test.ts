import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../../src-shared/domain/types';
import type { Database } from '../database';
import { sql } from '../sql';
import { tempDatabases } from '../test-db';
import { countPackedSince, countWaitingOrders, insertOrders, listOrderQueue, type NewOrder } from './orders';

const openDatabase = tempDatabases();

function order(n: number, fields: Partial<NewOrder> & { status?: OrderStatus } = {}): NewOrder {
  const id = `o${n}`;
  return {
    id,
    platform: 'test',
    externalId: id,
    number: `#${1000 + n}`,
    status: 'open',
    customerName: `Cliente ${n}`,
    email: null,
    shipTo: { name: 'X', line1: 'Rua 1', line2: null, city: 'Lima', region: null, postalCode: null, country: 'PE' },
    carrier: null,
    service: null,
    priority: 0,
    shipBy: '2026-11-24T12:00:00.000Z',
    createdAt: `2026-11-23T0${n % 10}:00:00.000Z`,
    lines: [{ id: `${id}-1`, lineNo: 1, productId: null, sku: 'S', title: 'T', variant: null, quantity: 2, unitWeightMg: 100_000 }],
    ...fields,
  };
}

async function withOrders(orders: NewOrder[]): Promise<Database> {
  const db = await openDatabase();
  await db.transaction((tx) => insertOrders(tx, orders));
  return db;
}

const numbers = async (db: Database, search?: string) => (await listOrderQueue(db, { limit: 50, search })).map((o) => o.number);

describe('the packing queue', () => {
  it('puts higher priority first, then the earliest ship-by, orders without a ship-by last', async () => {
    const db = await withOrders([
      order(1, { priority: 0, shipBy: '2026-11-23T15:00:00.000Z' }),
      order(2, { priority: 2, shipBy: null }),
      order(3, { priority: 2, shipBy: '2026-11-25T09:00:00.000Z' }),
      order(4, { priority: 0, shipBy: '2026-11-23T09:00:00.000Z' }),
      order(5, { priority: 1, shipBy: '2026-11-26T09:00:00.000Z' }),
    ]);
    expect(await numbers(db)).toEqual(['#1003', '#1002', '#1005', '#1004', '#1001']);
  });

  it('holds open and in-progress orders only, and counts them', async () => {
    const statuses: OrderStatus[] = ['open', 'in-progress', 'packed', 'shipped', 'on-hold', 'cancelled', 'exception'];
    const db = await withOrders(statuses.map((status, i) => order(i, { status })));
    expect(await numbers(db)).toEqual(['#1000', '#1001']);
    expect(await countWaitingOrders(db)).toBe(2);
  });

  it('summarises each order the way the home screen shows it', async () => {
    const db = await withOrders([order(7, { lines: [order(7).lines[0]!, { ...order(7).lines[0]!, id: 'o7-2', lineNo: 2, quantity: 3 }] })]);
    expect(await listOrderQueue(db, { limit: 1 })).toEqual([
      { id: 'o7', number: '#1007', customerName: 'Cliente 7', city: 'Lima', country: 'PE', lineCount: 2, unitCount: 5, priority: 0, shipBy: '2026-11-24T12:00:00.000Z', status: 'open' },
    ]);
  });

  it('finds orders by number or customer name, typed % and _ matching only themselves', async () => {
    const db = await withOrders([
      order(1),
      order(2, { customerName: 'Núñez_Pereira' }),
      order(3, { customerName: '100% Algodón' }),
      order(4, { customerName: 'NúñezXPereira' }),
    ]);
    expect(await numbers(db, '1001')).toEqual(['#1001']);
    expect(await numbers(db, '  z_p ')).toEqual(['#1002']);
    expect(await numbers(db, '%')).toEqual(['#1003']);
    expect(await numbers(db, 'cliente')).toEqual(['#1001']);
    expect(await numbers(db, '')).toHaveLength(4);
  });

  it('honours the limit', async () => {
    const db = await withOrders([order(1), order(2), order(3)]);
    expect(await listOrderQueue(db, { limit: 2 })).toHaveLength(2);
  });

  it('counts the orders packed since a moment', async () => {
    const db = await withOrders([order(1, { status: 'packed' }), order(2, { status: 'packed' }), order(3)]);
    await db.run(sql`UPDATE orders SET packed_at = '2026-11-22T23:59:59.000Z' WHERE id = 'o1'`);
    await db.run(sql`UPDATE orders SET packed_at = '2026-11-23T08:00:00.000Z' WHERE id = 'o2'`);
    expect(await countPackedSince(db, '2026-11-23T00:00:00.000Z')).toBe(1);
  });

  it('inserts thousands of orders with their lines in one go', async () => {
    const db = await withOrders(Array.from({ length: 2500 }, (_, i) => order(i)));
    expect(await db.get(sql`SELECT count(*) AS orders, (SELECT count(*) FROM order_lines) AS lines FROM orders`)).toEqual({ orders: 2500, lines: 2500 });
  });
});
