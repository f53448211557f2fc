import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoData, seedDemo } from '../../demo/demo-data';
import { prng } from '../../demo/synthetic';
import { sql } from '../../db/sql';
import { tempDatabases } from '../../db/test-db';
import type { OutboxOperation, OutboxPayload } from '../operations';
import { pullResource } from '../pull';
import { DemoStore } from './demo-store';

const RESOURCES = resolve(__dirname, '../../../resources');
const openDatabase = tempDatabases();
const dirs: string[] = [];
const stores: DemoStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function openStore(clock: { t: number }, arrivalEveryMs = 60_000) {
  const dir = mkdtempSync(join(tmpdir(), 'bancada-demo-store-'));
  dirs.push(dir);
  const store = await DemoStore.open(join(dir, 'demo-store.sqlite'), { data: () => loadDemoData(RESOURCES), now: () => new Date(clock.t), random: prng(7), arrivalEveryMs });
  stores.push(store);
  return { store, file: join(dir, 'demo-store.sqlite') };
}

const op = (key: string, payload: OutboxPayload): OutboxOperation => ({ idempotencyKey: key, payload, stationId: 'st', operatorId: 'op', createdAt: '2026-11-23T10:00:00.000Z' });
const T0 = Date.parse('2026-11-23T10:00:00.000Z');

describe('DemoStore', () => {
  it('serves the demo orders with the same line ids the station seed uses, so the first pull changes nothing that matters', async () => {
    const clock = { t: T0 };
    const { store } = await openStore(clock);
    const db = await openDatabase();
    await seedDemo(db, await loadDemoData(RESOURCES), { now: new Date(T0 - 60_000), hashPin: async (pin: string) => `h${pin}`, stationId: 'st' });
    const before = await db.all(sql`SELECT id, external_id FROM order_lines ORDER BY id`);
    const outcome = await pullResource('orders', { db, adapter: store, locationId: null, now: () => new Date(clock.t) });
    expect(outcome).toMatchObject({ ok: true, report: { read: 72, inserted: 0, failed: 0 } });
    expect(await db.all(sql`SELECT id, external_id FROM order_lines ORDER BY id`)).toEqual(before);
  });

  it('keeps orders arriving while the station pulls, at most three at a time', async () => {
    const clock = { t: T0 };
    const { store } = await openStore(clock);
    const first = await store.pullOrders({ since: null, page: null, locationId: null });
    expect(first.ok && first.value.items.length).toBe(72);
    clock.t += 2.5 * 60_000;
    const next = await store.pullOrders({ since: new Date(clock.t - 1000).toISOString(), page: null, locationId: null });
    expect(next.ok && next.value.items.map((o) => o.number)).toEqual(['#5001', '#5002']);
    clock.t += 3_600_000;
    const flood = await store.pullOrders({ since: new Date(clock.t - 1000).toISOString(), page: null, locationId: null });
    expect(flood.ok && flood.value.items).toHaveLength(3);
  });

  it('accepts a fulfilment once: the same idempotency key again is "already applied", and the order reads fulfilled', async () => {
    const clock = { t: T0 };
    const { store } = await openStore(clock);
    const order = await store.getOrder('#1001');
    const lines = order.ok && order.value ? order.value.lines : [];
    const fulfil: OutboxPayload = {
      kind: 'order.fulfil',
      orderExternalId: '#1001',
      orderNumber: '#1001',
      notifyCustomer: true,
      packages: [{ tracking: 'BNC0001', carrier: 'Starken', trackingUrl: null, weightMg: 900_000, lines: lines.map((l) => ({ lineExternalId: l.externalId, quantity: l.quantity })) }],
    };
    expect(await store.push(op('k1', fulfil))).toMatchObject({ ok: true, alreadyApplied: false });
    expect(await store.push(op('k1', fulfil))).toMatchObject({ ok: true, alreadyApplied: true });
    expect(await store.countApplied('order.fulfil')).toBe(1);
    const after = await store.getOrder('#1001');
    expect(after.ok && after.value?.state).toBe('fulfilled');
    // A second, different fulfilment of the same units is over-fulfilment: refused for a person.
    expect(await store.push(op('k2', fulfil))).toMatchObject({ ok: false, code: 'sync.rejected', retryable: false });
  });

  it('refuses to fulfil an order the customer cancelled, and unknown orders, without retrying', async () => {
    const clock = { t: T0 };
    const { store } = await openStore(clock);
    expect(await store.cancelOrder('#1002')).toBe(true);
    const fulfil = (id: string): OutboxPayload => ({ kind: 'order.fulfil', orderExternalId: id, orderNumber: id, notifyCustomer: false, packages: [{ tracking: null, carrier: null, trackingUrl: null, weightMg: null, lines: [{ lineExternalId: `${id}/1`, quantity: 1 }] }] });
    expect(await store.push(op('a', fulfil('#1002')))).toMatchObject({ ok: false, code: 'sync.rejected', retryable: false });
    expect(await store.push(op('b', fulfil('#9999')))).toMatchObject({ ok: false, code: 'sync.not-found', retryable: false });
    expect(await store.countApplied()).toBe(0);
  });

  it('lets a trainer make the customer cancel or hold an order by its number, typed with or without "#", and says why it cannot', async () => {
    const clock = { t: T0 };
    const { store } = await openStore(clock, 0);
    clock.t += 60_000;
    expect(await store.simulateCustomer('1003', 'on-hold')).toEqual({ outcome: 'changed', orderNumber: '#1003' });
    expect(await store.simulateCustomer('#1003', 'on-hold')).toEqual({ outcome: 'already', orderNumber: '#1003' });
    expect(await store.simulateCustomer(' #1003 ', 'cancelled')).toEqual({ outcome: 'changed', orderNumber: '#1003' });
    expect(await store.simulateCustomer('#1003', 'on-hold')).toEqual({ outcome: 'closed', orderNumber: '#1003' });
    expect(await store.simulateCustomer('#9999', 'cancelled')).toEqual({ outcome: 'not-found', orderNumber: '#9999' });
    // The change is served with a new updated-at, so a pull from the last cursor reads it.
    const pulled = await store.pullOrders({ since: new Date(T0 + 1).toISOString(), page: null, locationId: null });
    expect(pulled.ok && pulled.value.items.map((o) => [o.number, o.state])).toEqual([['#1003', 'cancelled']]);
  });

  it("lifts only the station's own holds on release, never the shop's (as on Shopify)", async () => {
    const clock = { t: T0 };
    const { store } = await openStore(clock, 0);
    const state = async (id: string) => {
      const order = await store.getOrder(id);
      return order.ok ? order.value?.state : null;
    };
    // The shop holds #1003 while a packer has it; the packer releases the interrupted pack.
    await store.simulateCustomer('#1003', 'on-hold');
    expect(await store.push(op('release-1', { kind: 'order.release', orderExternalId: '#1003', orderNumber: '#1003' }))).toMatchObject({ ok: true });
    expect(await state('#1003')).toBe('on-hold');
    // The station's own exception hold is lifted by the release that names it (a requeued exception).
    await store.push(op('hold-1', { kind: 'order.hold', orderExternalId: '#1004', orderNumber: '#1004', reason: 'Falta talla M' }));
    expect(await state('#1004')).toBe('on-hold');
    await store.push(op('release-2', { kind: 'order.release', orderExternalId: '#1004', orderNumber: '#1004', holdKeys: ['hold-1'] }));
    expect(await state('#1004')).toBe('open');
  });

  it('keeps its state in its own file across restarts', async () => {
    const clock = { t: T0 };
    const { store, file } = await openStore(clock, 0);
    await store.push(op('hold-1', { kind: 'order.hold', orderExternalId: '#1003', orderNumber: '#1003', reason: 'Falta talla M' }));
    await store.close();
    stores.splice(stores.indexOf(store), 1);
    const again = await DemoStore.open(file, { data: () => Promise.reject(new Error('a seeded store must not reload the demo files')), now: () => new Date(clock.t) });
    stores.push(again);
    const order = await again.getOrder('#1003');
    expect(order.ok && order.value?.state).toBe('on-hold');
    expect(await again.push(op('hold-1', { kind: 'order.hold', orderExternalId: '#1003', orderNumber: '#1003', reason: 'Falta talla M' }))).toMatchObject({ ok: true, alreadyApplied: true });
  });
});
