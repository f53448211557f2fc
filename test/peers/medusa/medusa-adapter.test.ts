/**
 * The Medusa adapter against a real Medusa 2.21.2 server on a throw-away PostgreSQL cluster
 * (medusa-peer.ts). Required on CI: if PostgreSQL, npm or Medusa cannot start, beforeAll throws
 * and every test here fails with the reason — nothing is skipped.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page, RemoteOrder, SyncAdapter, SyncResult } from '../../../src-main/sync/adapter';
import { createMedusaAdapter } from '../../../src-main/sync/medusa';
import { OrderFulfilSchema, ReturnDisposeSchema, ReturnReceiveSchema, type OutboxOperation, type OutboxPayload } from '../../../src-main/sync/operations';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { startMedusaPeer, type MedusaPeer } from './medusa-peer';
import { cancelFulfilment, cancelOrder, createOrder, fulfilmentsOf, PeerAdmin, requestReturn, returnOnServer, seedStore, stockAt, type SeededStore } from './seed';

/** Cold: npm ci of Medusa (~1 min) + migrations (~10 s) on 2 shared cores; warm: ~10 s. */
const START_TIMEOUT_MS = 15 * 60_000;
const TEST_TIMEOUT_MS = 90_000;

let peer: MedusaPeer;
let admin: PeerAdmin;
let store: SeededStore;
let proxy: FaultProxy;
let adapter: SyncAdapter;
/** The same adapter, reaching Medusa through the fault proxy. */
let faulty: SyncAdapter;
let opCounter = 0;

function operation(payload: OutboxPayload, idempotencyKey = `op-${Date.now()}-${++opCounter}`): OutboxOperation {
  return { idempotencyKey, payload, stationId: 'station-test-1', operatorId: 'op-0001', createdAt: new Date().toISOString() };
}

/**
 * What the packing bench writes when an order is packed (src-main/workflows/pack/pack-bench.ts
 * `fulfilPackages`): one package per box, lines as scanned, the label's tracking; the bench leaves
 * `trackingUrl` null, a box with `url` set covers a carrier that gives one.
 */
function fulfilPayload(order: RemoteOrder, boxes: readonly { tracking: string; url?: string; lines: readonly { lineExternalId: string; quantity: number }[] }[]) {
  return OrderFulfilSchema.parse({
    kind: 'order.fulfil',
    orderExternalId: order.externalId,
    orderNumber: order.number,
    notifyCustomer: false,
    packages: boxes.map((box) => ({ tracking: box.tracking, carrier: 'Correios', trackingUrl: box.url ?? null, weightMg: 500_000, lines: box.lines })),
  });
}

async function pulledOrder(orderId: string, via: SyncAdapter = adapter): Promise<RemoteOrder> {
  const found: RemoteOrder[] = [];
  let page: string | null = null;
  do {
    const result = await via.pullOrders({ since: null, page, locationId: store.stockLocationId });
    if (!result.ok) throw new Error(`pullOrders failed: ${result.code} ${result.message}`);
    found.push(...result.value.items.filter((order) => order.externalId === orderId));
    page = result.value.next;
  } while (page !== null);
  expect(found).toHaveLength(1);
  return found[0]!;
}

beforeAll(async () => {
  peer = await startMedusaPeer();
  const { installMs, templateMs, startMs } = peer.timings;
  console.log(`medusa peer: install ${installMs === null ? 'cached' : `${installMs} ms`}, template ${templateMs === null ? 'cached' : `${templateMs} ms`}, start ${startMs} ms`);
  admin = new PeerAdmin(peer);
  const seeding = Date.now();
  store = await seedStore(admin);
  console.log(`medusa peer: seeded in ${Date.now() - seeding} ms`);
  proxy = await startFaultProxy(peer.baseUrl);
  adapter = createMedusaAdapter({ baseUrl: peer.baseUrl, apiKey: peer.apiKey, stockLocationId: store.stockLocationId });
  faulty = createMedusaAdapter({ baseUrl: proxy.baseUrl, apiKey: peer.apiKey, stockLocationId: store.stockLocationId, timeoutMs: 5_000 });
}, START_TIMEOUT_MS);

afterAll(async () => {
  await proxy?.close();
  await adapter?.close();
  await faulty?.close();
  await peer?.stop();
}, 60_000);

describe('Medusa adapter against a real Medusa 2.21.2', () => {
  test('testConnection names the store and its stock locations', async () => {
    const result = await adapter.testConnection();
    expect(result.ok && result.value.storeName).toBe('Medusa Store');
    expect(result.ok && result.value.locations).toContainEqual({ id: store.stockLocationId, name: 'CD Guarulhos' });
  }, TEST_TIMEOUT_MS);

  test('a wrong API key is sync.auth-failed and not retried', async () => {
    const wrong = createMedusaAdapter({ baseUrl: peer.baseUrl, apiKey: 'sk_0000000000000000000000000000000000000000', stockLocationId: store.stockLocationId });
    const result = await wrong.testConnection();
    expect(result).toMatchObject({ ok: false, code: 'sync.auth-failed', retryable: false });
  }, TEST_TIMEOUT_MS);

  test('the catalog pull lists every variant with its barcode and weight', async () => {
    const result = await adapter.pullProducts({ since: null, page: null, locationId: store.stockLocationId });
    if (!result.ok) throw new Error(result.message);
    const mug = result.value.items.find((product) => product.sku === 'CAN-300-BR');
    expect(mug).toMatchObject({ title: 'Caneca Cerâmica 300 ml', barcodes: ['7894900011517'], unitWeightMg: 320_000 });
    expect(result.value.items.map((product) => product.sku).sort()).toEqual(['CAM-AZ-M', 'CAN-300-BR', 'LIV-9788501012074']);
  }, TEST_TIMEOUT_MS);

  test('pull → pack in two boxes → two fulfilments shipped with tracking → return with one damaged unit → stock on the server', async () => {
    const [shirt, mug] = store.products;
    const shirtBefore = await stockAt(admin, shirt!.inventoryItemId, store.stockLocationId);
    const orderId = await createOrder(admin, store, [{ variantId: shirt!.variantId, quantity: 2 }, { variantId: mug!.variantId, quantity: 1 }]);

    const order = await pulledOrder(orderId);
    expect(order).toMatchObject({ state: 'open', customerName: 'Ana Souza', email: 'ana.souza@example.com', carrier: 'Correios PAC' });
    expect(order.shipTo).toMatchObject({ city: 'São Paulo', country: 'BR', postalCode: '01310-200' });
    const shirtLine = order.lines.find((line) => line.sku === 'CAM-AZ-M')!;
    const mugLine = order.lines.find((line) => line.sku === 'CAN-300-BR')!;
    expect(shirtLine).toMatchObject({ quantity: 2, barcode: '7891234567895', unitWeightMg: 180_000 });

    const payload = fulfilPayload(order, [
      { tracking: 'BR100000001BR', url: 'https://rastreamento.correios.com.br/app/index.php?objeto=BR100000001BR', lines: [{ lineExternalId: shirtLine.externalId, quantity: 2 }] },
      { tracking: 'BR100000002BR', lines: [{ lineExternalId: mugLine.externalId, quantity: 1 }] },
    ]);
    const pushed = await adapter.push(operation(payload));
    expect(pushed).toMatchObject({ ok: true, alreadyApplied: false });

    const onServer = await fulfilmentsOf(admin, orderId);
    expect(onServer).toHaveLength(2);
    expect(onServer.map((f) => f.tracking).sort()).toEqual([['BR100000001BR'], ['BR100000002BR']]);
    expect(onServer.every((f) => f.shippedAt !== null)).toBe(true);
    expect((await adapter.getOrder(orderId)).ok && ((await adapter.getOrder(orderId)) as { value: RemoteOrder }).value.state).toBe('fulfilled');
    const shirtShipped = await stockAt(admin, shirt!.inventoryItemId, store.stockLocationId);
    expect(shirtShipped.stocked).toBe(shirtBefore.stocked - 2);

    const returnId = await requestReturn(admin, store, orderId, [{ lineItemId: shirtLine.externalId, quantity: 2 }]);
    const returns = await adapter.pullReturns({ since: null, page: null, locationId: store.stockLocationId });
    if (!returns.ok) throw new Error(returns.message);
    const rma = returns.value.items.find((r) => r.externalId === returnId);
    expect(rma).toMatchObject({ state: 'expected', orderNumber: order.number, customerName: 'Ana Souza' });
    expect(rma!.items).toEqual([{ externalId: shirtLine.externalId, sku: 'CAM-AZ-M', title: 'Camiseta Algodão Azul', quantity: 2, reason: 'Tamanho errado' }]);

    const receipt = ReturnReceiveSchema.parse({ kind: 'return.receive', returnExternalId: returnId, items: [{ itemExternalId: shirtLine.externalId, quantity: 2 }] });
    expect(await adapter.push(operation(receipt))).toMatchObject({ ok: true });
    expect((await stockAt(admin, shirt!.inventoryItemId, store.stockLocationId)).stocked).toBe(shirtShipped.stocked);

    const dispose = ReturnDisposeSchema.parse({
      kind: 'return.dispose',
      returnExternalId: returnId,
      items: [
        { itemExternalId: shirtLine.externalId, quantity: 1, disposition: 'restocked', locationId: store.stockLocationId },
        { itemExternalId: shirtLine.externalId, quantity: 1, disposition: 'not-restocked', locationId: null },
      ],
    });
    const disposeOp = operation(dispose);
    expect(await adapter.push(disposeOp)).toMatchObject({ ok: true, alreadyApplied: false });
    const record = await returnOnServer(admin, returnId);
    expect(record.status).toBe('received');
    expect(record.items).toEqual([expect.objectContaining({ item_id: shirtLine.externalId, quantity: 2, received_quantity: 2, damaged_quantity: 1 })]);
    // One unit back on the shelf, the damaged one not.
    expect((await stockAt(admin, shirt!.inventoryItemId, store.stockLocationId)).stocked).toBe(shirtShipped.stocked + 1);
    // The relay sending it again (lost acknowledgement) changes nothing.
    expect(await adapter.push(disposeOp)).toMatchObject({ ok: true, alreadyApplied: true });
    expect((await stockAt(admin, shirt!.inventoryItemId, store.stockLocationId)).stocked).toBe(shirtShipped.stocked + 1);
  }, TEST_TIMEOUT_MS);

  test('the same fulfilment pushed again after a lost answer makes one fulfilment on the server', async () => {
    const [, , book] = store.products;
    const orderId = await createOrder(admin, store, [{ variantId: book!.variantId, quantity: 1 }], { first: 'João', last: 'Pereira', email: 'joao@example.com' });
    const order = await pulledOrder(orderId, faulty);
    const op = operation(fulfilPayload(order, [{ tracking: 'BR200000001BR', lines: [{ lineExternalId: order.lines[0]!.externalId, quantity: 1 }] }]));
    // Medusa creates the fulfilment and the shipment, but neither answer reaches the station, nor
    // does the re-read after the lost shipment answer: the first attempt can only say "network".
    proxy.arm('POST', /\/fulfillments$/, { kind: 'lose-response' });
    proxy.arm('POST', /\/shipments$/, { kind: 'lose-response' });
    // Reads: 1 before anything, 2 after the lost create (finds it), 3 after the lost shipment: cut.
    proxy.arm('GET', new RegExp(`/admin/orders/${orderId}$`), { kind: 'cut-before' }, { skip: 2 });
    const first = await faulty.push(op);
    expect(first).toMatchObject({ ok: false, code: 'sync.network', retryable: true });
    const second = await faulty.push(op);
    expect(second).toMatchObject({ ok: true, alreadyApplied: true });
    const third = await faulty.push(op);
    expect(third).toMatchObject({ ok: true, alreadyApplied: true });
    expect(proxy.pending()).toBe(0);
    const onServer = (await fulfilmentsOf(admin, orderId)).filter((f) => !f.canceledAt);
    expect(onServer).toHaveLength(1);
    expect(onServer[0]).toMatchObject({ tracking: ['BR200000001BR'], metadata: expect.objectContaining({ bancada_key: `${op.idempotencyKey}#0` }) });
    expect(onServer[0]!.shippedAt).not.toBeNull();
  }, TEST_TIMEOUT_MS);

  test('a fulfilment whose create answer was lost is found by the re-read and shipped once, in one push', async () => {
    const [shirt] = store.products;
    const orderId = await createOrder(admin, store, [{ variantId: shirt!.variantId, quantity: 1 }]);
    const order = await pulledOrder(orderId, faulty);
    const op = operation(fulfilPayload(order, [{ tracking: 'BR300000001BR', lines: [{ lineExternalId: order.lines[0]!.externalId, quantity: 1 }] }]));
    proxy.arm('POST', /\/fulfillments$/, { kind: 'lose-response' });
    expect(await faulty.push(op)).toMatchObject({ ok: true, alreadyApplied: false });
    const onServer = await fulfilmentsOf(admin, orderId);
    expect(onServer).toHaveLength(1);
    expect(onServer[0]!.tracking).toEqual(['BR300000001BR']);
  }, TEST_TIMEOUT_MS);

  test('a return receipt cut short before its confirmation is cancelled and done again, once', async () => {
    const [, mug] = store.products;
    const orderId = await createOrder(admin, store, [{ variantId: mug!.variantId, quantity: 2 }], { first: 'Lucía', last: 'Fernández', email: 'lucia@example.com' });
    const order = await pulledOrder(orderId);
    const line = order.lines[0]!;
    expect(await adapter.push(operation(fulfilPayload(order, [{ tracking: 'BR600000001BR', lines: [{ lineExternalId: line.externalId, quantity: 2 }] }])))).toMatchObject({ ok: true });
    const returnId = await requestReturn(admin, store, orderId, [{ lineItemId: line.externalId, quantity: 2 }]);
    const before = await stockAt(admin, mug!.inventoryItemId, store.stockLocationId);
    const op = operation(
      ReturnDisposeSchema.parse({
        kind: 'return.dispose',
        returnExternalId: returnId,
        items: [
          { itemExternalId: line.externalId, quantity: 1, disposition: 'restocked', locationId: null },
          { itemExternalId: line.externalId, quantity: 1, disposition: 'missing', locationId: null },
        ],
      }),
    );
    // The receipt is begun and its unit added on Medusa, then the confirmation never arrives.
    proxy.arm('POST', /\/receive\/confirm$/, { kind: 'cut-before' });
    expect(await faulty.push(op)).toMatchObject({ ok: false, code: 'sync.network', retryable: true });
    expect((await returnOnServer(admin, returnId)).items[0]).toMatchObject({ received_quantity: 0 });
    expect(await faulty.push(op)).toMatchObject({ ok: true, alreadyApplied: false });
    expect(await faulty.push(op)).toMatchObject({ ok: true, alreadyApplied: true });
    const record = await returnOnServer(admin, returnId);
    // One unit received and restocked; the missing one is still expected.
    expect(record.status).toBe('partially_received');
    expect(record.items[0]).toMatchObject({ quantity: 2, received_quantity: 1, damaged_quantity: 0 });
    expect((await stockAt(admin, mug!.inventoryItemId, store.stockLocationId)).stocked).toBe(before.stocked + 1);
    const pulled = await adapter.pullReturns({ since: null, page: null, locationId: store.stockLocationId });
    expect(pulled.ok && pulled.value.items.find((r) => r.externalId === returnId)).toMatchObject({ state: 'expected', customerName: 'Lucía Fernández', items: [expect.objectContaining({ quantity: 1 })] });
  }, TEST_TIMEOUT_MS);

  test('units restocked at another location go back on that shelf; processing-required units are received but not restocked', async () => {
    const [, mug] = store.products;
    const { stock_location: shop } = await admin.call<{ stock_location: { id: string } }>('POST', '/admin/stock-locations', { name: 'Loja Centro', address: { address_1: 'Rua Direita 10', city: 'São Paulo', country_code: 'br' } });
    await admin.call('POST', `/admin/inventory-items/${mug!.inventoryItemId}/location-levels`, { location_id: shop.id, stocked_quantity: 0 });
    const orderId = await createOrder(admin, store, [{ variantId: mug!.variantId, quantity: 2 }]);
    const order = await pulledOrder(orderId);
    const line = order.lines[0]!;
    expect(await adapter.push(operation(fulfilPayload(order, [{ tracking: 'BR800000001BR', lines: [{ lineExternalId: line.externalId, quantity: 2 }] }])))).toMatchObject({ ok: true });
    const returnId = await requestReturn(admin, store, orderId, [{ lineItemId: line.externalId, quantity: 2 }]);
    const warehouseBefore = await stockAt(admin, mug!.inventoryItemId, store.stockLocationId);
    const result = await adapter.push(
      operation(
        ReturnDisposeSchema.parse({
          kind: 'return.dispose',
          returnExternalId: returnId,
          items: [
            { itemExternalId: line.externalId, quantity: 1, disposition: 'restocked', locationId: shop.id },
            { itemExternalId: line.externalId, quantity: 1, disposition: 'processing-required', locationId: null },
          ],
        }),
      ),
    );
    expect(result).toMatchObject({ ok: true, alreadyApplied: false });
    expect((await returnOnServer(admin, returnId)).items[0]).toMatchObject({ received_quantity: 2, damaged_quantity: 1 });
    expect((await stockAt(admin, mug!.inventoryItemId, shop.id)).stocked).toBe(1);
    expect((await stockAt(admin, mug!.inventoryItemId, store.stockLocationId)).stocked).toBe(warehouseBefore.stocked);
  }, TEST_TIMEOUT_MS);

  test('a fulfilment cancelled in Medusa\'s admin between two attempts is not made again', async () => {
    const [, , book] = store.products;
    const orderId = await createOrder(admin, store, [{ variantId: book!.variantId, quantity: 1 }]);
    const order = await pulledOrder(orderId, faulty);
    const op = operation(fulfilPayload(order, [{ tracking: 'BR700000001BR', lines: [{ lineExternalId: order.lines[0]!.externalId, quantity: 1 }] }]));
    proxy.arm('POST', /\/shipments$/, { kind: 'status', status: 503, body: '{"type":"unknown_error","message":"try later"}' });
    expect(await faulty.push(op)).toMatchObject({ ok: false, code: 'sync.server-error', retryable: true });
    const [made] = await fulfilmentsOf(admin, orderId);
    expect(made).toMatchObject({ shippedAt: null, canceledAt: null });
    await cancelFulfilment(admin, orderId, made!.id);
    expect(await faulty.push(op)).toMatchObject({ ok: false, code: 'sync.rejected', retryable: false, message: expect.stringMatching(/cancelled in Medusa/) });
    expect((await fulfilmentsOf(admin, orderId)).filter((f) => !f.canceledAt)).toHaveLength(0);
  }, TEST_TIMEOUT_MS);

  test('an order cancelled upstream is rejected, not retried, and nothing is fulfilled', async () => {
    const [, mug] = store.products;
    const orderId = await createOrder(admin, store, [{ variantId: mug!.variantId, quantity: 1 }]);
    const order = await pulledOrder(orderId);
    await cancelOrder(admin, orderId);
    const got = await adapter.getOrder(orderId);
    expect(got.ok && got.value?.state).toBe('cancelled');
    const result = await adapter.push(operation(fulfilPayload(order, [{ tracking: 'BR400000001BR', lines: [{ lineExternalId: order.lines[0]!.externalId, quantity: 1 }] }])));
    expect(result).toMatchObject({ ok: false, code: 'sync.rejected', retryable: false });
    expect(result.ok ? '' : result.message).toMatch(/cancelled/);
    expect(await fulfilmentsOf(admin, orderId)).toHaveLength(0);
    // An incremental pull sees the cancellation (the engine raises the interruption).
    const pulled = await adapter.pullOrders({ since: order.updatedAt, page: null, locationId: store.stockLocationId });
    if (!pulled.ok) throw new Error(pulled.message);
    expect(pulled.value.items.find((o) => o.externalId === orderId)?.state).toBe('cancelled');
    expect(pulled.value.items.every((o) => o.updatedAt >= order.updatedAt)).toBe(true);
  }, TEST_TIMEOUT_MS);

  test('a first pull pages through every open order, oldest change first, each once', async () => {
    const [shirt] = store.products;
    for (let n = 0; n < 3; n++) await createOrder(admin, store, [{ variantId: shirt!.variantId, quantity: 1 }]);
    const small = createMedusaAdapter({ baseUrl: peer.baseUrl, apiKey: peer.apiKey, stockLocationId: store.stockLocationId, pageSize: 2 });
    const { orders: all } = await admin.call<{ orders: { id: string }[] }>('GET', '/admin/orders?fields=id&limit=1000&status[]=pending');
    const seen: RemoteOrder[] = [];
    let page: string | null = null;
    let pages = 0;
    do {
      const result = await small.pullOrders({ since: null, page, locationId: store.stockLocationId });
      if (!result.ok) throw new Error(result.message);
      expect(result.value.items.length).toBeLessThanOrEqual(2);
      seen.push(...result.value.items);
      page = result.value.next;
      pages += 1;
    } while (page !== null);
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect(seen.map((o) => o.externalId).sort()).toEqual(all.map((o) => o.id).sort());
    expect(seen.map((o) => o.updatedAt)).toEqual([...seen.map((o) => o.updatedAt)].sort());
  }, TEST_TIMEOUT_MS);

  test('an order edited in Medusa between two page requests costs the pull no other order', async () => {
    const [shirt] = store.products;
    for (let n = 0; n < 4; n++) await createOrder(admin, store, [{ variantId: shirt!.variantId, quantity: 1 }]);
    const small = createMedusaAdapter({ baseUrl: peer.baseUrl, apiKey: peer.apiKey, stockLocationId: store.stockLocationId, pageSize: 2 });
    const { orders: all } = await admin.call<{ orders: { id: string }[] }>('GET', '/admin/orders?fields=id&limit=1000&status[]=pending');
    const seen: RemoteOrder[] = [];
    let page: string | null = null;
    let edited: string | null = null;
    do {
      const result = await small.pullOrders({ since: null, page, locationId: store.stockLocationId });
      if (!result.ok) throw new Error(result.message);
      seen.push(...result.value.items);
      page = result.value.next;
      if (edited === null) {
        // The oldest order changes after the first page: with offsets the next page slid past an unread one.
        edited = result.value.items[0]!.externalId;
        await admin.call('POST', `/admin/orders/${edited}`, { metadata: { note: 'cliente ligou' } });
      }
    } while (page !== null);
    expect([...new Set(seen.map((o) => o.externalId))].sort()).toEqual(all.map((o) => o.id).sort());
    const now = await adapter.getOrder(edited!);
    expect(seen.filter((o) => o.externalId === edited).map((o) => o.updatedAt)).toContain(now.ok && now.value?.updatedAt);
  }, TEST_TIMEOUT_MS);

  test('one record per page reads each timestamp as a group by id, and Medusa accepts those filters for orders, returns and products', async () => {
    const urls: URL[] = [];
    const recording: typeof fetch = (input, init) => {
      urls.push(new URL(String(input)));
      return fetch(input, init);
    };
    const single = createMedusaAdapter({ baseUrl: peer.baseUrl, apiKey: peer.apiKey, stockLocationId: store.stockLocationId, pageSize: 1, fetch: recording });
    const since = '2000-01-01T00:00:00.000Z';
    for (const pull of ['pullOrders', 'pullReturns', 'pullProducts'] as const) {
      const whole = await adapter[pull]({ since, page: null, locationId: store.stockLocationId });
      if (!whole.ok) throw new Error(whole.message);
      expect(whole.value.next, `${pull}: everything fits one page of 50`).toBeNull();
      const paged: string[] = [];
      let page: string | null = null;
      do {
        const result: SyncResult<Page<{ externalId: string }>> = await single[pull]({ since, page, locationId: store.stockLocationId });
        if (!result.ok) throw new Error(`${pull}: ${result.code} ${result.message}`);
        paged.push(...result.value.items.map((item) => item.externalId));
        page = result.value.next;
      } while (page !== null);
      expect(paged.sort(), pull).toEqual(whole.value.items.map((item) => item.externalId).sort());
    }
    expect(urls.some((url) => url.searchParams.get('order') === 'id' && url.searchParams.has('updated_at[$lt]'))).toBe(true);
  }, 5 * TEST_TIMEOUT_MS);

  test('hold writes a visible marker on the order, once; release removes it', async () => {
    const [shirt] = store.products;
    const orderId = await createOrder(admin, store, [{ variantId: shirt!.variantId, quantity: 1 }]);
    const hold = operation({ kind: 'order.hold', orderExternalId: orderId, orderNumber: '#x', reason: 'Falta talla M' });
    expect(await adapter.push(hold)).toMatchObject({ ok: true, alreadyApplied: false });
    expect(await adapter.push(hold)).toMatchObject({ ok: true, alreadyApplied: true });
    const held = await adapter.getOrder(orderId);
    expect(held.ok && held.value?.state).toBe('on-hold');
    const { order } = await admin.call<{ order: { metadata: Record<string, unknown> } }>('GET', `/admin/orders/${orderId}?fields=id,metadata`);
    expect(order.metadata.bancada_hold).toMatchObject({ key: hold.idempotencyKey, reason: 'Falta talla M', station: 'station-test-1' });
    expect(await adapter.push(operation({ kind: 'order.release', orderExternalId: orderId, orderNumber: '#x' }))).toMatchObject({ ok: true, alreadyApplied: false });
    const released = await adapter.getOrder(orderId);
    expect(released.ok && released.value?.state).toBe('open');
    expect(await adapter.push(operation({ kind: 'order.claim', orderExternalId: orderId, orderNumber: '#x' }))).toMatchObject({ ok: true, remoteRef: null });
  }, TEST_TIMEOUT_MS);

  test('malformed and hostile answers are clear errors and nothing is applied', async () => {
    const [, mug] = store.products;
    const orderId = await createOrder(admin, store, [{ variantId: mug!.variantId, quantity: 1 }]);
    const order = await pulledOrder(orderId);
    const op = operation(fulfilPayload(order, [{ tracking: 'BR500000001BR', lines: [{ lineExternalId: order.lines[0]!.externalId, quantity: 1 }] }]));
    const orderPath = new RegExp(`/admin/orders/${orderId}$`);

    proxy.arm('GET', orderPath, { kind: 'replace-body', body: '<html>502 Bad Gateway</html>' });
    expect(await faulty.push(op)).toMatchObject({ ok: false, code: 'sync.malformed-response', retryable: false, message: expect.stringMatching(/not JSON/) });

    proxy.arm('GET', orderPath, { kind: 'replace-body', body: JSON.stringify({ order: { id: orderId, display_id: 'one', status: 'pending' } }) });
    expect(await faulty.push(op)).toMatchObject({ ok: false, code: 'sync.malformed-response', message: expect.stringMatching(/order\.display_id/) });

    proxy.arm('GET', orderPath, { kind: 'replace-body', body: JSON.stringify({ order: { id: orderId, display_id: 7, status: 'shipped-to-the-moon', created_at: 'x', updated_at: 'y' } }) });
    expect(await faulty.push(op)).toMatchObject({ ok: false, code: 'sync.malformed-response' });

    proxy.arm('GET', /\/admin\/orders$/, { kind: 'replace-body', body: JSON.stringify({ orders: [{ id: 'x'.repeat(5_000), display_id: 1, status: 'pending', created_at: order.createdAt, updated_at: order.updatedAt }], count: 1, offset: 0, limit: 50 }) });
    expect(await faulty.pullOrders({ since: null, page: null, locationId: store.stockLocationId })).toMatchObject({ ok: false, code: 'sync.malformed-response' });

    proxy.arm('GET', orderPath, { kind: 'status', status: 503, body: '{"type":"unknown_error","message":"db down"}', headers: { 'retry-after': '7' } });
    expect(await faulty.push(op)).toMatchObject({ ok: false, code: 'sync.server-error', retryable: true, retryAfterMs: 7_000 });

    proxy.arm('GET', orderPath, { kind: 'status', status: 429, body: '{}' });
    expect(await faulty.push(op)).toMatchObject({ ok: false, code: 'sync.throttled', retryable: true });

    expect(await fulfilmentsOf(admin, orderId)).toHaveLength(0);
    expect(proxy.pending()).toBe(0);
    // With the network healthy again the same operation goes through, once.
    expect(await faulty.push(op)).toMatchObject({ ok: true, alreadyApplied: false });
    expect(await fulfilmentsOf(admin, orderId)).toHaveLength(1);
  }, TEST_TIMEOUT_MS);
});
