// Pushes through the Shopify adapter against the emulator: fulfilments with several packages and
// tracking numbers, claims and holds keyed by the outbox key, exactly-once when an answer is lost,
// refusals that need a person, and return processing.
import { afterEach, describe, expect, it } from 'vitest';
import { gid } from './emulator/state';
import { op, startPeer, type Peer } from './harness';

let peer: Peer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

async function orderWithTwoLines(p: Peer) {
  const { order, fo } = p.emulator.state.addOrder(p.locationId, [
    { sku: 'TEE-M', quantity: 2 },
    { sku: 'MUG', quantity: 1 },
  ]);
  const [tee, mug] = fo.lines.map((l) => gid('FulfillmentOrderLineItem', l.id));
  return { order, fo, foGid: gid('FulfillmentOrder', fo.id), tee: tee!, mug: mug! };
}

function fulfil(foGid: string, orderNumber: string, tee: string, mug: string) {
  return {
    kind: 'order.fulfil' as const,
    orderExternalId: foGid,
    orderNumber,
    notifyCustomer: true,
    packages: [
      { tracking: 'BR100000001', carrier: 'Correios', trackingUrl: 'https://rastreamento.correios.com.br/?o=BR100000001', weightMg: 400_000, lines: [{ lineExternalId: tee, quantity: 2 }] },
      { tracking: 'BR100000002', carrier: 'Correios', trackingUrl: null, weightMg: 350_000, lines: [{ lineExternalId: mug, quantity: 1 }] },
    ],
  };
}

describe('pushing to Shopify', () => {
  it('fulfils two packages as two fulfillments, each with its tracking number and lines', async () => {
    peer = await startPeer();
    const { order, fo, foGid, tee, mug } = await orderWithTwoLines(peer);
    const res = await peer.adapter().push(op('key-fulfil-0001', fulfil(foGid, order.name, tee, mug)));
    expect(res).toMatchObject({ ok: true, alreadyApplied: false, remoteRef: expect.stringMatching(/^gid:\/\/shopify\/Fulfillment\/\d+,gid:\/\/shopify\/Fulfillment\/\d+$/) });
    const made = [...peer.emulator.state.fulfillments.values()];
    expect(made.map((f) => ({ tracking: f.tracking, lines: f.lines, notify: f.notifyCustomer }))).toEqual([
      { tracking: [{ number: 'BR100000001', company: 'Correios', url: 'https://rastreamento.correios.com.br/?o=BR100000001' }], lines: [{ foLineId: fo.lines[0]!.id, quantity: 2 }], notify: true },
      { tracking: [{ number: 'BR100000002', company: 'Correios', url: null }], lines: [{ foLineId: fo.lines[1]!.id, quantity: 1 }], notify: true },
    ]);
    expect(fo.status).toBe('CLOSED');
  });

  it('applies a fulfilment once when the first answer was lost on the way back', async () => {
    peer = await startPeer();
    const { order, foGid, tee, mug } = await orderWithTwoLines(peer);
    const adapter = peer.adapter();
    const operation = op('key-fulfil-lost', fulfil(foGid, order.name, tee, mug));
    peer.emulator.faults.inject({ kind: 'drop-after-apply' }, { operation: 'FulfillmentCreate' });
    const first = await adapter.push(operation);
    expect(first).toMatchObject({ ok: false, code: 'sync.network', retryable: true });
    expect(peer.emulator.state.fulfillments.size).toBe(1); // the first package did land
    const second = await adapter.push(operation);
    expect(second).toMatchObject({ ok: true, alreadyApplied: false });
    const third = await adapter.push(operation);
    expect(third).toEqual({ ok: true, remoteRef: null, alreadyApplied: true });
    const numbers = [...peer.emulator.state.fulfillments.values()].flatMap((f) => f.tracking.map((t) => t.number));
    expect(numbers).toEqual(['BR100000001', 'BR100000002']);
  });

  it('answers alreadyApplied when the whole fulfilment landed but its answer was lost', async () => {
    peer = await startPeer();
    const { order, foGid, tee } = await orderWithTwoLines(peer);
    const adapter = peer.adapter();
    const one = { ...fulfil(foGid, order.name, tee, tee), packages: [{ tracking: 'BR200', carrier: null, trackingUrl: null, weightMg: null, lines: [{ lineExternalId: tee, quantity: 2 }] }] };
    peer.emulator.faults.inject({ kind: 'drop-after-apply' }, { operation: 'FulfillmentCreate' });
    expect(await adapter.push(op('key-fulfil-once', one))).toMatchObject({ ok: false, retryable: true });
    expect(await adapter.push(op('key-fulfil-once', one))).toEqual({ ok: true, remoteRef: null, alreadyApplied: true });
    expect(peer.emulator.state.fulfillments.size).toBe(1);
  });

  it('rejects a fulfilment of an order cancelled upstream, without retrying', async () => {
    peer = await startPeer();
    const { order, fo, foGid, tee, mug } = await orderWithTwoLines(peer);
    peer.emulator.state.cancelOrder(order.id);
    const res = await peer.adapter().push(op('key-fulfil-cancel', fulfil(foGid, order.name, tee, mug)));
    expect(res).toMatchObject({ ok: false, code: 'sync.rejected', retryable: false, message: expect.stringContaining('cancelled') });
    expect(fo.fulfillmentIds).toEqual([]);
  });

  it('passes Shopify userErrors on as a rejection (more units than remain)', async () => {
    peer = await startPeer();
    const { order, foGid, tee } = await orderWithTwoLines(peer);
    const tooMany = { ...fulfil(foGid, order.name, tee, tee), packages: [{ tracking: null, carrier: null, trackingUrl: null, weightMg: null, lines: [{ lineExternalId: tee, quantity: 2 }] }] };
    // Someone fulfils one unit in the Shopify admin meanwhile: only 1 of 2 remains.
    peer.emulator.state.fulfillmentOrders.get(Number(foGid.split('/').pop()))!.lines[0]!.remainingQuantity = 1;
    const res = await peer.adapter().push(op('key-fulfil-too-many', tooMany));
    expect(res).toMatchObject({ ok: true, alreadyApplied: true }); // no tracking: cannot tell, and cannot be sent again either
    const withTracking = { ...tooMany, packages: [{ ...tooMany.packages[0]!, tracking: 'BR300' }] };
    const res2 = await peer.adapter().push(op('key-fulfil-too-many-2', withTracking));
    expect(res2).toMatchObject({ ok: false, code: 'sync.rejected', retryable: false, message: expect.stringContaining('Invalid fulfillment order line item quantity requested') });
  });

  it('claims with a hold whose handle is the outbox key, once however often it is delivered', async () => {
    peer = await startPeer();
    const { order, fo, foGid } = await orderWithTwoLines(peer);
    const adapter = peer.adapter();
    const claim = op('0b7a3c1e-claim-key', { kind: 'order.claim', orderExternalId: foGid, orderNumber: order.name });
    const first = await adapter.push(claim);
    expect(first).toMatchObject({ ok: true, alreadyApplied: false, remoteRef: expect.stringMatching(/^gid:\/\/shopify\/FulfillmentHold\/\d+$/) });
    expect(await adapter.push(claim)).toEqual({ ok: true, remoteRef: null, alreadyApplied: true });
    expect(fo.holds).toEqual([{ id: expect.any(Number), reason: 'OTHER', reasonNotes: 'Bancada: being packed at station station-07', handle: '0b7a3c1e-claim-key', byThisApp: true }]);
    expect(fo.status).toBe('ON_HOLD');
    // Ours to pack: the pull still shows it open.
    const read = await adapter.getOrder(foGid);
    expect(read.ok && read.value?.state).toBe('open');
  });

  it('holds with the packer reason and handle; a held order is on-hold for the station', async () => {
    peer = await startPeer();
    const { order, fo, foGid } = await orderWithTwoLines(peer);
    const adapter = peer.adapter();
    const res = await adapter.push(op('hold-key-0001', { kind: 'order.hold', orderExternalId: foGid, orderNumber: order.name, reason: 'Falta talla M' }));
    expect(res).toMatchObject({ ok: true, alreadyApplied: false });
    expect(fo.holds[0]).toMatchObject({ reason: 'OTHER', reasonNotes: 'Falta talla M', handle: 'hold-key-0001' });
    const read = await adapter.getOrder(foGid);
    expect(read.ok && read.value?.state).toBe('on-hold');
  });

  it('releases its claim, and a fulfilment of a claimed order releases the claim first', async () => {
    peer = await startPeer();
    const a = await orderWithTwoLines(peer);
    const b = await orderWithTwoLines(peer);
    const adapter = peer.adapter();
    await adapter.push(op('claim-a-000001', { kind: 'order.claim', orderExternalId: a.foGid, orderNumber: a.order.name }));
    await adapter.push(op('claim-b-000001', { kind: 'order.claim', orderExternalId: b.foGid, orderNumber: b.order.name }));
    expect(await adapter.push(op('release-a-0001', { kind: 'order.release', orderExternalId: a.foGid, orderNumber: a.order.name }))).toMatchObject({ ok: true, alreadyApplied: false });
    expect(a.fo).toMatchObject({ status: 'OPEN', holds: [] });
    expect(await adapter.push(op('release-a-0001', { kind: 'order.release', orderExternalId: a.foGid, orderNumber: a.order.name }))).toMatchObject({ ok: true, alreadyApplied: true });
    expect(await adapter.push(op('fulfil-b-00001', fulfil(b.foGid, b.order.name, b.tee, b.mug)))).toMatchObject({ ok: true, alreadyApplied: false });
    expect(b.fo).toMatchObject({ status: 'CLOSED', holds: [] });
  });

  it('lifts an exception hold named by the release, so a requeued order can be fulfilled; never a merchant hold', async () => {
    peer = await startPeer();
    const { order, fo, foGid, tee, mug } = await orderWithTwoLines(peer);
    const adapter = peer.adapter();
    await adapter.push(op('pack:s1:claim-0001', { kind: 'order.claim', orderExternalId: foGid, orderNumber: order.name }));
    await adapter.push(op('pack:s1:hold-00001', { kind: 'order.hold', orderExternalId: foGid, orderNumber: order.name, reason: 'missing: talla M' }));
    // A release that does not name the exception hold (a packer cancelling) leaves it in place.
    expect(await adapter.push(op('pack:s1:release-1', { kind: 'order.release', orderExternalId: foGid, orderNumber: order.name }))).toMatchObject({ ok: true, alreadyApplied: false });
    expect(fo.holds.map((h) => h.handle)).toEqual(['pack:s1:hold-00001']);
    expect(await adapter.getOrder(foGid)).toMatchObject({ ok: true, value: { state: 'on-hold' } });
    // The merchant holds it too, in the Shopify admin: a hold of no app, which Bancada must leave alone.
    fo.holds.push({ id: 990001, reason: 'OTHER', reasonNotes: 'Waiting for payment', handle: null, byThisApp: false });
    const requeue = op('exception:e1:release', { kind: 'order.release', orderExternalId: foGid, orderNumber: order.name, holdKeys: ['pack:s1:hold-00001'] });
    expect(await adapter.push(requeue)).toMatchObject({ ok: true, alreadyApplied: false });
    expect(fo.holds.map((h) => h.reasonNotes)).toEqual(['Waiting for payment']);
    expect(await adapter.push(requeue)).toEqual({ ok: true, remoteRef: null, alreadyApplied: true });
    // Once the merchant lifts theirs, the requeued order fulfils.
    fo.holds.length = 0;
    fo.status = 'OPEN';
    expect(await adapter.push(op('fulfil-requeued-1', fulfil(foGid, order.name, tee, mug)))).toMatchObject({ ok: true, alreadyApplied: false });
  });

  it('tells stations apart: an order claimed by another station is on hold here and not fulfilled', async () => {
    peer = await startPeer();
    const { order, fo, foGid, tee, mug } = await orderWithTwoLines(peer);
    const here = peer.adapter({ stationId: 'station-07' });
    const there = peer.adapter({ stationId: 'station-09' });
    const claimThere = { ...op('claim-there-001', { kind: 'order.claim', orderExternalId: foGid, orderNumber: order.name }), stationId: 'station-09' };
    expect(await there.push(claimThere)).toMatchObject({ ok: true, alreadyApplied: false });
    expect(await here.getOrder(foGid)).toMatchObject({ ok: true, value: { state: 'on-hold' } });
    expect(await there.getOrder(foGid)).toMatchObject({ ok: true, value: { state: 'open' } });
    // station-07 tries to fulfil (op carries its station id): refused, the claim stays.
    const fromHere = await here.push(op('fulfil-here-001', fulfil(foGid, order.name, tee, mug)));
    expect(fromHere).toMatchObject({ ok: false, code: 'sync.rejected', retryable: false, message: expect.stringContaining('station-09') });
    expect(fo.holds).toHaveLength(1);
    // station-09's release from station-07 does nothing to it either.
    expect(await here.push(op('release-here-01', { kind: 'order.release', orderExternalId: foGid, orderNumber: order.name }))).toMatchObject({ ok: true, alreadyApplied: true });
    expect(fo.holds).toHaveLength(1);
    const fromThere = await there.push({ ...op('fulfil-there-01', fulfil(foGid, order.name, tee, mug)), stationId: 'station-09' });
    expect(fromThere).toMatchObject({ ok: true, alreadyApplied: false });
    expect(fo).toMatchObject({ status: 'CLOSED', holds: [] });
  });

  it('lets only one of two stations claiming the same order at once win', async () => {
    peer = await startPeer();
    const { order, fo, foGid } = await orderWithTwoLines(peer);
    const a = peer.adapter({ stationId: 'station-07' });
    const b = peer.adapter({ stationId: 'station-09' });
    const [ra, rb] = await Promise.all([
      a.push(op('claim-race-a-01', { kind: 'order.claim', orderExternalId: foGid, orderNumber: order.name })),
      b.push({ ...op('claim-race-b-01', { kind: 'order.claim', orderExternalId: foGid, orderNumber: order.name }), stationId: 'station-09' }),
    ]);
    const results = [ra, rb];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toMatchObject({ code: 'sync.rejected', retryable: false, message: expect.stringMatching(/already being packed at station station-0[79]/) });
    expect(fo.holds).toHaveLength(1);
    const winner = ra.ok ? 'station-07' : 'station-09';
    expect(fo.holds[0]!.reasonNotes).toBe(`Bancada: being packed at station ${winner}`);
  });

  it('refuses to fulfil an order the merchant moved to another location', async () => {
    peer = await startPeer();
    const { order, fo, foGid, tee, mug } = await orderWithTwoLines(peer);
    const other = [...peer.emulator.state.locations.values()].find((l) => l.name === 'Loja Paulista')!;
    fo.locationId = other.id;
    const adapter = peer.adapter();
    expect(await adapter.getOrder(foGid)).toMatchObject({ ok: true, value: { state: 'on-hold' } });
    const res = await adapter.push(op('fulfil-moved-01', fulfil(foGid, order.name, tee, mug)));
    expect(res).toMatchObject({ ok: false, code: 'sync.rejected', retryable: false, message: expect.stringContaining('moved to another location') });
    expect(fo.fulfillmentIds).toEqual([]);
  });

  it('refuses to fulfil an order someone else put on hold', async () => {
    peer = await startPeer();
    const { order, fo, foGid, tee, mug } = await orderWithTwoLines(peer);
    fo.holds.push({ id: 1, reason: 'HIGH_RISK_OF_FRAUD', reasonNotes: 'Chargeback risk', handle: null, byThisApp: false });
    fo.status = 'ON_HOLD';
    const res = await peer.adapter().push(op('fulfil-held-01', fulfil(foGid, order.name, tee, mug)));
    expect(res).toMatchObject({ ok: false, code: 'sync.rejected', retryable: false, message: expect.stringContaining('Chargeback risk') });
  });

  it('processes inspected return items once, restocked at the station location', async () => {
    peer = await startPeer();
    const { order } = peer.emulator.state.addOrder(peer.locationId, [{ sku: 'TEE-M', quantity: 2 }]);
    const ret = peer.emulator.state.addReturn(order.id, [{ sku: 'TEE-M', quantity: 2 }]);
    const line = gid('ReturnLineItem', ret.lines[0]!.id);
    const dispose = op('dispose-key-001', {
      kind: 'return.dispose',
      returnExternalId: gid('Return', ret.id),
      items: [
        { itemExternalId: line, quantity: 1, disposition: 'restocked', locationId: null },
        { itemExternalId: line, quantity: 1, disposition: 'not-restocked', locationId: null },
      ],
    });
    const adapter = peer.adapter();
    expect(await adapter.push(op('receive-key-01', { kind: 'return.receive', returnExternalId: gid('Return', ret.id), items: [{ itemExternalId: line, quantity: 2 }] }))).toMatchObject({ ok: true, alreadyApplied: false });
    peer.emulator.faults.inject({ kind: 'drop-after-apply' }, { operation: 'ReturnProcess' });
    expect(await adapter.push(dispose)).toMatchObject({ ok: false, code: 'sync.network', retryable: true });
    expect(await adapter.push(dispose)).toEqual({ ok: true, remoteRef: gid('Return', ret.id), alreadyApplied: true });
    expect(ret.rfo.lines[0]!.dispositions.map((d) => [d.type, d.quantity, d.locationId])).toEqual([
      ['RESTOCKED', 1, peer.locationId],
      ['NOT_RESTOCKED', 1, null],
    ]);
    expect(ret.status).toBe('CLOSED');
  });

  it('refuses a return longer than it reads rather than processing half of it', async () => {
    peer = await startPeer();
    const { order } = peer.emulator.state.addOrder(peer.locationId, [{ sku: 'TEE-M', quantity: 1 }]);
    const ret = peer.emulator.state.addReturn(order.id, Array.from({ length: 51 }, (_, i) => ({ sku: `L-${i}`, quantity: 1 })));
    const adapter = peer.adapter();
    const dispose = await adapter.push(op('dispose-long-01', { kind: 'return.dispose', returnExternalId: gid('Return', ret.id), items: [{ itemExternalId: gid('ReturnLineItem', ret.lines[0]!.id), quantity: 1, disposition: 'missing', locationId: null }] }));
    expect(dispose).toMatchObject({ ok: false, code: 'sync.rejected', retryable: false, message: expect.stringContaining('more lines') });
    expect(ret.lines[0]!.processedQuantity).toBe(0);
    expect(await adapter.pullReturns({ since: null, page: null, locationId: null })).toMatchObject({ ok: false, code: 'sync.rejected' });
  });

  it('rejects receiving a return the merchant cancelled', async () => {
    peer = await startPeer();
    const { order } = peer.emulator.state.addOrder(peer.locationId, [{ sku: 'TEE-M', quantity: 1 }]);
    const ret = peer.emulator.state.addReturn(order.id, [{ sku: 'TEE-M', quantity: 1 }]);
    ret.status = 'CANCELED';
    const res = await peer.adapter().push(op('receive-key-02', { kind: 'return.receive', returnExternalId: gid('Return', ret.id), items: [{ itemExternalId: gid('ReturnLineItem', ret.lines[0]!.id), quantity: 1 }] }));
    expect(res).toMatchObject({ ok: false, code: 'sync.rejected', retryable: false });
  });
});
