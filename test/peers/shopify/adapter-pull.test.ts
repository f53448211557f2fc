// Pulls through the Shopify adapter against the emulator executing the real 2026-10 schema:
// work for the station's location page by page, the updated-at filter, long orders, catalog,
// returns, one order, and the connection test.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page, PullRequest, SyncResult } from '../../../src-main/sync/adapter';
import { gid } from './emulator/state';
import { startPeer, VirtualClock, type Peer } from './harness';

let peer: Peer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

async function pullAll<T>(pull: (r: PullRequest) => Promise<SyncResult<Page<T>>>, since: string | null, locationId: string | null = null): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let page: string | null = null;
  let pages = 0;
  do {
    const res = await pull({ since, page, locationId });
    if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
    items.push(...res.value.items);
    page = res.value.next;
    pages++;
  } while (page !== null && pages < 1000);
  return { items, pages };
}

describe('pulling from Shopify', () => {
  it('tests the connection: shop name and the active locations', async () => {
    peer = await startPeer();
    const res = await peer.adapter().testConnection();
    expect(res).toEqual({ ok: true, value: { storeName: 'Bancada Emulated Shop', locations: [{ id: peer.locationGid, name: 'Galpão Guarulhos' }, { id: expect.stringMatching(/^gid:\/\/shopify\/Location\/\d+$/), name: 'Loja Paulista' }] } });
  });

  it('pulls the work of its own location across pages with cursors', async () => {
    const clock = new VirtualClock();
    peer = await startPeer({ virtual: clock });
    const other = [...peer.emulator.state.locations.values()].find((l) => l.name === 'Loja Paulista')!;
    for (let i = 0; i < 60; i++) {
      clock.advance(1000);
      peer.emulator.state.addOrder(peer.locationId, [{ sku: `SKU-${i}`, quantity: 1 + (i % 3) }]);
    }
    for (let i = 0; i < 7; i++) peer.emulator.state.addOrder(other.id, [{ sku: 'ELSEWHERE', quantity: 1 }]);
    const { items, pages } = await pullAll((r) => peer!.adapter().pullOrders(r), null);
    expect(pages).toBe(3); // 20 + 20 + 20
    expect(items).toHaveLength(60);
    expect(new Set(items.map((o) => o.externalId)).size).toBe(60);
    expect(items.flatMap((o) => o.lines.map((l) => l.sku))).not.toContain('ELSEWHERE');
    expect(items[0]).toMatchObject({ number: '#1001', state: 'open', lines: [{ sku: 'SKU-0', quantity: 1 }] });
    // sortKey UPDATED_AT: the high-water mark is the last item's updatedAt
    const times = items.map((o) => Date.parse(o.updatedAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('pulls only what changed since the cursor, including a cancellation upstream', async () => {
    const clock = new VirtualClock();
    peer = await startPeer({ virtual: clock });
    const { order } = peer.emulator.state.addOrder(peer.locationId, [{ sku: 'A', quantity: 1 }]);
    peer.emulator.state.addOrder(peer.locationId, [{ sku: 'B', quantity: 1 }]);
    const adapter = peer.adapter();
    const first = await pullAll((r) => adapter.pullOrders(r), null);
    expect(first.items).toHaveLength(2);
    const cursor = first.items.map((o) => o.updatedAt).sort().at(-1)!;
    clock.advance(60_000);
    peer.emulator.state.cancelOrder(order.id);
    const next = await pullAll((r) => adapter.pullOrders(r), new Date(Date.parse(cursor) + 1).toISOString());
    expect(next.items.map((o) => [o.number, o.state])).toEqual([[order.name, 'cancelled']]);
  });

  it('reads every line of a long order and maps address, barcode and weight', async () => {
    peer = await startPeer();
    peer.emulator.state.addProduct('Camiseta', [{ sku: 'TEE-M', barcode: '7891234567895', grams: 180, title: 'M' }]);
    const lines = Array.from({ length: 13 }, (_, i) => ({ sku: i === 0 ? 'TEE-M' : `L-${i}`, quantity: 1, variantTitle: i === 0 ? 'M' : null }));
    const { fo } = peer.emulator.state.addOrder(peer.locationId, lines, { firstName: 'João', lastName: 'Silva', zip: '04538-133' });
    const res = await peer.adapter().getOrder(gid('FulfillmentOrder', fo.id));
    expect(res.ok && res.value?.lines).toHaveLength(13);
    expect(res.ok && res.value).toMatchObject({
      customerName: 'João Silva',
      shipTo: { name: 'João Silva', line1: 'Rua Augusta 1500', city: 'São Paulo', region: 'SP', postalCode: '04538-133', country: 'BR' },
      service: 'Standard',
      lines: expect.arrayContaining([{ externalId: gid('FulfillmentOrderLineItem', fo.lines[0]!.id), sku: 'TEE-M', title: 'TEE-M', variant: 'M', quantity: 1, barcode: '7891234567895', unitWeightMg: 180_000 }]),
    });
  });

  it('answers null for a fulfillment order Shopify does not know', async () => {
    peer = await startPeer();
    expect(await peer.adapter().getOrder('gid://shopify/FulfillmentOrder/999999')).toEqual({ ok: true, value: null });
  });

  it('pulls the catalog: sku, barcodes, weight and image', async () => {
    peer = await startPeer({ virtual: new VirtualClock() }); // two 802-point pages: the budget waits
    for (let i = 0; i < 130; i++) peer.emulator.state.addProduct(`Produto ${i}`, [{ sku: `P-${i}`, barcode: i % 2 ? `789000000${String(i).padStart(4, '0')}` : null, grams: i }], i === 0 ? 'https://cdn.shopify.com/s/files/1/p0.jpg' : null);
    const { items, pages } = await pullAll((r) => peer!.adapter().pullProducts(r), null);
    expect(pages).toBe(2);
    expect(items).toHaveLength(130);
    expect(items[0]).toMatchObject({ sku: 'P-0', title: 'Produto 0', variant: null, barcodes: [], unitWeightMg: 0, imageUrl: 'https://cdn.shopify.com/s/files/1/p0.jpg' });
    expect(items[1]).toMatchObject({ sku: 'P-1', barcodes: ['7890000000001'], unitWeightMg: 1000, imageUrl: null });
  });

  it('pulls open returns with their items', async () => {
    peer = await startPeer();
    const { order } = peer.emulator.state.addOrder(peer.locationId, [{ sku: 'TEE-M', quantity: 2 }]);
    peer.emulator.state.addOrder(peer.locationId, [{ sku: 'NO-RETURN', quantity: 1 }]);
    const ret = peer.emulator.state.addReturn(order.id, [{ sku: 'TEE-M', title: 'Camiseta', quantity: 2, reason: 'Size too small' }]);
    const { items } = await pullAll((r) => peer!.adapter().pullReturns(r), null);
    expect(items).toEqual([
      {
        externalId: gid('Return', ret.id),
        rmaNumber: `${order.name}-R1`,
        orderExternalId: gid('Order', order.id),
        orderNumber: order.name,
        customerName: 'Ana Souza',
        state: 'expected',
        createdAt: ret.createdAt,
        updatedAt: expect.any(String),
        items: [{ externalId: gid('ReturnLineItem', ret.lines[0]!.id), sku: 'TEE-M', title: 'Camiseta', quantity: 2, reason: 'Size too small' }],
      },
    ]);
  });

  it('pulls returns changed since the cursor, closed ones included, and skips orders without returns', async () => {
    const clock = new VirtualClock();
    peer = await startPeer({ virtual: clock });
    const { order } = peer.emulator.state.addOrder(peer.locationId, [{ sku: 'TEE-M', quantity: 1 }]);
    const ret = peer.emulator.state.addReturn(order.id, [{ sku: 'TEE-M', quantity: 1 }]);
    const adapter = peer.adapter();
    const first = await pullAll((r) => adapter.pullReturns(r), null);
    expect(first.items.map((r) => r.state)).toEqual(['expected']);
    clock.advance(60_000);
    const since = new Date(clock.now()).toISOString();
    clock.advance(1000);
    peer.emulator.state.addOrder(peer.locationId, [{ sku: 'OTHER', quantity: 1 }]); // updated, but no return
    const done = await adapter.push({ idempotencyKey: 'dispose-inc-01', payload: { kind: 'return.dispose', returnExternalId: gid('Return', ret.id), items: [{ itemExternalId: gid('ReturnLineItem', ret.lines[0]!.id), quantity: 1, disposition: 'missing', locationId: null }] }, stationId: 's', operatorId: null, createdAt: '' });
    expect(done).toMatchObject({ ok: true, alreadyApplied: false });
    const next = await pullAll((r) => adapter.pullReturns(r), since);
    expect(next.items.map((r) => [r.externalId, r.state])).toEqual([[gid('Return', ret.id), 'closed']]);
  });

  it('refuses to pull work without a location', async () => {
    peer = await startPeer();
    const res = await peer.adapter({ locationId: null }).pullOrders({ since: null, page: null, locationId: null });
    expect(res).toMatchObject({ ok: false, code: 'sync.not-configured', retryable: false });
  });
});
