import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { countWaitingOrders, listOrderQueue } from '../db/repos/orders';
import { countWaitingReturns, listReturnQueue } from '../db/repos/returns';
import { sql } from '../db/sql';
import { tempDatabase } from '../db/test-db';
import { loadDemoData, seedDemo } from './demo-data';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function seeded() {
  const t = await tempDatabase();
  cleanups.push(t.dispose);
  await migrate(t.db, MIGRATIONS);
  const data = await loadDemoData(resolve(__dirname, '../../resources'));
  const first = await seedDemo(t.db, data, { now: new Date('2026-11-23T12:00:00Z'), hashPin: async (pin) => `hash-of-${pin.length}`, stationId: 's1' });
  return { db: t.db, data, first };
}

describe('seeding the demo store', () => {
  it('fills catalog, orders, returns and operators once, and a second seed does nothing', async () => {
    const { db, data, first } = await seeded();
    expect(first).toBe(true);
    expect(await countWaitingOrders(db)).toBe(data.orders.length);
    expect(await countWaitingReturns(db)).toBe(data.returns.length);
    const again = await seedDemo(db, data, { now: new Date(), hashPin: async () => 'x', stationId: 's1' });
    expect(again).toBe(false);
    expect(await countWaitingOrders(db)).toBe(data.orders.length);
    expect(await db.get(sql`SELECT count(*) AS n FROM operators`)).toEqual({ n: data.operators.length });
  });

  it('never stores a demo PIN as its hash', async () => {
    const { db } = await seeded();
    const rows = await db.all<{ pin_hash: string; demo_pin: string }>(sql`SELECT pin_hash, demo_pin FROM operators`);
    for (const row of rows) expect(row.pin_hash).not.toContain(row.demo_pin);
  });

  it('orders the packing queue by priority, then the earliest ship-by', async () => {
    const { db } = await seeded();
    const queue = await listOrderQueue(db, { limit: 500 });
    for (let i = 1; i < queue.length; i++) {
      const [a, b] = [queue[i - 1]!, queue[i]!];
      expect(a.priority >= b.priority).toBe(true);
      if (a.priority === b.priority && a.shipBy && b.shipBy) expect(a.shipBy <= b.shipBy).toBe(true);
    }
    expect(queue[0]!.unitCount).toBeGreaterThan(0);
  });

  it('searches by order number or customer, with % and _ matching literally', async () => {
    const { db } = await seeded();
    expect((await listOrderQueue(db, { limit: 10, search: '#1001' })).map((o) => o.number)).toEqual(['#1001']);
    expect((await listOrderQueue(db, { limit: 100, search: 'Ñáñez' })).every((o) => o.customerName.includes('Ñáñez'))).toBe(true);
    expect(await listOrderQueue(db, { limit: 10, search: '%' })).toEqual([]);
    expect((await listReturnQueue(db, { limit: 10, search: 'RMA-2001' })).map((r) => r.rmaNumber)).toEqual(['RMA-2001']);
  });
});
