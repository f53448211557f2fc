import { describe, expect, it } from 'vitest';
import type { ReturnStatus } from '../../../src-shared/domain/types';
import type { Database } from '../database';
import { tempDatabases } from '../test-db';
import { countWaitingReturns, insertReturns, listReturnQueue, type NewReturn } from './returns';

const openDatabase = tempDatabases();

function rma(n: number, status: ReturnStatus = 'expected', createdAt = `2026-11-2${n % 10}T10:00:00.000Z`): NewReturn {
  const id = `r${n}`;
  return {
    id,
    platform: 'test',
    externalId: id,
    rmaNumber: `RMA-${2000 + n}`,
    orderNumber: `#${1000 + n}`,
    customerName: `Cliente ${n}`,
    status,
    createdAt,
    items: [
      { id: `${id}-1`, productId: null, sku: 'S', title: 'T', quantity: 1, reason: 'size' },
      { id: `${id}-2`, productId: null, sku: 'S2', title: 'T2', quantity: 2, reason: null },
    ],
  };
}

async function withReturns(returns: NewReturn[]): Promise<Database> {
  const db = await openDatabase();
  await db.transaction((tx) => insertReturns(tx, returns));
  return db;
}

describe('the returns queue', () => {
  it('holds expected, received and inspecting returns, oldest first, and counts them', async () => {
    const db = await withReturns([rma(3, 'inspecting'), rma(1, 'received'), rma(2, 'closed'), rma(4, 'expected')]);
    expect((await listReturnQueue(db, { limit: 10 })).map((r) => r.rmaNumber)).toEqual(['RMA-2001', 'RMA-2003', 'RMA-2004']);
    expect(await countWaitingReturns(db)).toBe(3);
  });

  it('summarises each return with its unit count', async () => {
    const db = await withReturns([rma(1)]);
    expect(await listReturnQueue(db, { limit: 1 })).toEqual([
      { id: 'r1', rmaNumber: 'RMA-2001', orderNumber: '#1001', customerName: 'Cliente 1', itemCount: 3, status: 'expected', createdAt: '2026-11-21T10:00:00.000Z' },
    ]);
  });

  it('finds a return by RMA, order number or customer', async () => {
    const db = await withReturns([rma(1), rma(2), { ...rma(3), customerName: 'Joana D’Arc' }]);
    const find = async (search: string) => (await listReturnQueue(db, { limit: 10, search })).map((r) => r.id);
    expect(await find('RMA-2002')).toEqual(['r2']);
    expect(await find('#1001')).toEqual(['r1']);
    expect(await find('joana')).toEqual(['r3']);
    expect(await find('_')).toEqual([]);
  });
});
