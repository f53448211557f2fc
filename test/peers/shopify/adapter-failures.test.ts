// How the Shopify adapter classifies what goes wrong (adapter.ts rules): network, 5xx and
// throttling are retryable; credentials, permissions, userErrors and malformed or hostile answers
// need a person. Nothing secret appears in a failure message.
import { afterEach, describe, expect, it } from 'vitest';
import { gid } from './emulator/state';
import { startPeer, VirtualClock, type Peer } from './harness';

let peer: Peer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

const pull = (p: Peer) => p.adapter().pullOrders({ since: null, page: null, locationId: null });

describe('Shopify failures', () => {
  it.each([
    [{ kind: 'status', status: 500 } as const, 'sync.server-error', true],
    [{ kind: 'status', status: 503, retryAfter: '7' } as const, 'sync.server-error', true],
    [{ kind: 'status', status: 429, retryAfter: '2' } as const, 'sync.throttled', true],
    [{ kind: 'status', status: 403 } as const, 'sync.permission-denied', false],
    [{ kind: 'drop' } as const, 'sync.network', true],
    [{ kind: 'body', body: '{"data": {"fulfillmentOrders": ' } as const, 'sync.malformed-response', false],
    [{ kind: 'body', body: '<html>Shopify is down for maintenance</html>' } as const, 'sync.malformed-response', false],
    [{ kind: 'body', body: '[1,2,3]' } as const, 'sync.malformed-response', false],
    [{ kind: 'graphql-error', code: 'ACCESS_DENIED', message: 'Access denied for fulfillmentOrders field. Required access: `read_merchant_managed_fulfillment_orders`.' } as const, 'sync.permission-denied', false],
    [{ kind: 'graphql-error', code: 'INTERNAL_SERVER_ERROR', message: 'Internal error' } as const, 'sync.server-error', true],
  ])('%o → %s (retryable %s)', async (fault, code, retryable) => {
    peer = await startPeer();
    peer.emulator.faults.inject(fault);
    const res = await pull(peer);
    expect(res).toMatchObject({ ok: false, code, retryable });
    const retryAfter = 'retryAfter' in fault ? fault.retryAfter : undefined;
    if (retryAfter) expect(res).toMatchObject({ retryAfterMs: Number(retryAfter) * 1000 });
    // The emulator is fine again: the next call succeeds.
    expect((await pull(peer)).ok).toBe(true);
  });

  it('says the credentials were refused on 401 and never shows the token', async () => {
    peer = await startPeer();
    const res = await peer.adapter({ auth: { kind: 'token', token: 'shpat_wrongwrongwrong' } }).testConnection();
    expect(res).toMatchObject({ ok: false, code: 'sync.auth-failed', retryable: false });
    expect(JSON.stringify(res)).not.toContain('shpat_');
  });

  it('refuses a token that cannot travel in a header without quoting it', async () => {
    peer = await startPeer();
    const res = await peer.adapter({ auth: { kind: 'token', token: 'shpat_abc\nsecret-tail' } }).testConnection();
    expect(res).toMatchObject({ ok: false, code: 'sync.auth-failed', retryable: false });
    expect(JSON.stringify(res)).not.toMatch(/shpat_|secret-tail/);
    expect(peer.emulator.requests).toEqual([]);
  });

  it('times out a slow answer as a retryable network failure', async () => {
    peer = await startPeer();
    peer.emulator.faults.inject({ kind: 'delay', ms: 1500 });
    const res = await peer.adapter({ requestTimeoutMs: 300 }).testConnection();
    expect(res).toMatchObject({ ok: false, code: 'sync.network', retryable: true, message: expect.stringContaining('no answer in time') });
  });

  it('close() ends a request in flight and a budget wait at once', async () => {
    peer = await startPeer();
    const adapter = peer.adapter();
    peer.emulator.faults.inject({ kind: 'delay', ms: 5000 });
    const slow = adapter.testConnection();
    await new Promise((r) => setTimeout(r, 100));
    await adapter.close();
    // Settled well before the emulator's 5 s answer would have come (not a speed assertion: a
    // request left running would still be pending here).
    expect(await settledWithin(slow, 4000)).toMatchObject({ ok: false, code: 'sync.network', retryable: true, message: expect.stringContaining('closed') });

    // A second adapter waiting ~7.8 s for the bucket is released by close() too.
    peer.emulator.state.addOrder(peer.locationId, [{ sku: 'A', quantity: 1 }]);
    const waiting = peer.adapter();
    expect((await waiting.pullOrders({ since: null, page: null, locationId: null })).ok).toBe(true);
    peer.emulator.spendBucket(10_000);
    expect((await waiting.testConnection()).ok).toBe(true); // learns the bucket is empty
    const pull = waiting.pullOrders({ since: null, page: null, locationId: null });
    await new Promise((r) => setTimeout(r, 100));
    await waiting.close();
    expect(await settledWithin(pull, 6000)).toMatchObject({ ok: false, code: 'sync.network' }); // the wait was ~7.8 s
  });

  it('reports a refused connection as a retryable network failure', async () => {
    peer = await startPeer();
    const adapter = peer.adapter({ endpoint: 'http://127.0.0.1:9' });
    expect(await adapter.testConnection()).toMatchObject({ ok: false, code: 'sync.network', retryable: true });
  });

  describe('hostile answers are refused whole', () => {
    const hostile: [string, (node: Record<string, unknown>) => void][] = [
      ['a control character in a sku', (fo) => ((fo.lineItems as { nodes: Record<string, unknown>[] }).nodes[0]!.sku = 'ABC\u0000DEF')],
      ['a negative quantity', (fo) => ((fo.lineItems as { nodes: Record<string, unknown>[] }).nodes[0]!.remainingQuantity = -3)],
      ['an id that is not a Shopify gid', (fo) => (fo.id = 'javascript:alert(1)')],
      ['a megabyte customer name', (fo) => ((fo.destination as Record<string, unknown>).firstName = 'x'.repeat(1_000_000))],
      ['an unknown status', (fo) => (fo.status = 'SHIPPED_BY_MAGIC')],
      ['a date that is not a date', (fo) => (fo.updatedAt = 'yesterday')],
      ['a missing field', (fo) => delete fo.order],
    ];
    it.each(hostile)('%s', async (_name, spoil) => {
      peer = await startPeer();
      peer.emulator.state.addOrder(peer.locationId, [{ sku: 'A', quantity: 1 }]);
      peer.emulator.faults.inject({
        kind: 'transform',
        transform: (r) => {
          const data = r.data as { fulfillmentOrders: { nodes: Record<string, unknown>[] } };
          spoil(data.fulfillmentOrders.nodes[0]!);
          return r;
        },
      });
      const res = await pull(peer);
      expect(res).toMatchObject({ ok: false, code: 'sync.malformed-response', retryable: false, message: expect.stringContaining('FulfillmentOrdersForLocation') });
    });

    it('an answer larger than the cap', async () => {
      peer = await startPeer();
      peer.emulator.faults.inject({ kind: 'body', body: `{"data":{"x":"${'y'.repeat(17 * 1024 * 1024)}"}}` });
      expect(await pull(peer)).toMatchObject({ ok: false, code: 'sync.malformed-response', retryable: false });
    });
  });

  it('keeps within the cost budget: a long pull never meets THROTTLED', async () => {
    const clock = new VirtualClock();
    peer = await startPeer({ virtual: clock });
    for (let i = 0; i < 300; i++) peer.emulator.state.addOrder(peer.locationId, [{ sku: `S-${i}`, quantity: 1 }, { sku: 'MUG', quantity: 2 }]);
    const adapter = peer.adapter();
    let page: string | null = null;
    let count = 0;
    do {
      const res = await adapter.pullOrders({ since: null, page, locationId: null });
      if (!res.ok) throw new Error(res.message);
      count += res.value.items.length;
      page = res.value.next;
    } while (page);
    expect(count).toBe(300);
    const graphql = peer.emulator.requests.filter((r) => r.operation === 'FulfillmentOrdersForLocation');
    expect(graphql).toHaveLength(15);
    expect(graphql.filter((r) => r.throttled)).toEqual([]);
    expect(graphql[0]!.requestedCost).toBe(782); // 2 + 20 × 39, under the 1,000 single-query cap
    expect(clock.slept).toBeGreaterThan(0); // it did have to wait for the bucket
  });

  it('keeps a pull and pushes running at the same time within one budget', async () => {
    // Real time with a fast-restoring bucket: the waits are short but the requests truly overlap.
    peer = await startPeer({ bucket: { maximumAvailable: 1000, restoreRate: 4000 } });
    const orders = Array.from({ length: 200 }, (_, i) => peer!.emulator.state.addOrder(peer!.locationId, [{ sku: `S-${i}`, quantity: 1 }]));
    const adapter = peer.adapter();
    expect((await adapter.testConnection()).ok).toBe(true); // learn the bucket first
    const pulling = (async () => {
      let page: string | null = null;
      let n = 0;
      do {
        const res = await adapter.pullOrders({ since: null, page, locationId: null });
        if (!res.ok) throw new Error(res.message);
        n += res.value.items.length;
        page = res.value.next;
      } while (page);
      return n;
    })();
    const pushes = orders.slice(0, 30).map(({ order, fo }, i) =>
      adapter.push({
        idempotencyKey: `concurrent-${i}-key`,
        payload: { kind: 'order.fulfil', orderExternalId: gid('FulfillmentOrder', fo.id), orderNumber: order.name, notifyCustomer: false, packages: [{ tracking: `CC${i}`, carrier: null, trackingUrl: null, weightMg: null, lines: [{ lineExternalId: gid('FulfillmentOrderLineItem', fo.lines[0]!.id), quantity: 1 }] }] },
        stationId: 's',
        operatorId: null,
        createdAt: '',
      }),
    );
    const [pulled, ...pushed] = await Promise.all([pulling, ...pushes]);
    expect(pulled).toBeGreaterThanOrEqual(170); // fulfilled ones may close before their page is read
    expect(pushed.every((r) => r.ok)).toBe(true);
    expect(peer.emulator.requests.filter((r) => r.throttled)).toEqual([]);
  });

  it('backs off by what the restore rate needs when another app drained the bucket', async () => {
    const clock = new VirtualClock();
    peer = await startPeer({ virtual: clock });
    peer.emulator.state.addOrder(peer.locationId, [{ sku: 'A', quantity: 1 }]);
    const adapter = peer.adapter();
    expect((await pull(peer)).ok).toBe(true); // learns the bucket and the page cost
    // Another app on the same store empties the shared bucket behind our back.
    peer.emulator.spendBucket(10_000);
    const before = clock.slept;
    const res = await adapter.pullOrders({ since: null, page: null, locationId: null });
    expect(res.ok).toBe(true);
    const throttled = peer.emulator.requests.filter((r) => r.throttled);
    expect(throttled).toHaveLength(1);
    // It waited for the 782 points it lacked at 100 points/s (≈ 7.8 s), not a blind fixed backoff.
    expect(clock.slept - before).toBeGreaterThanOrEqual(7_800);
    expect(clock.slept - before).toBeLessThan(9_000);
  });

  it.each([
    ['a lower single-query cap', { maxSingleQueryCost: 400 }, 10], // 20 → 10 (392 points)
    ['a bucket smaller than one page', { bucket: { maximumAvailable: 300, restoreRate: 100 } }, 5], // 20 → 10 → 5 (197)
  ])('shrinks its pages when Shopify counts one page too expensive (%s)', async (_name, options, size) => {
    const clock = new VirtualClock();
    peer = await startPeer({ virtual: clock, ...options });
    for (let i = 0; i < 40; i++) peer.emulator.state.addOrder(peer.locationId, [{ sku: `S-${i}`, quantity: 1 }]);
    const adapter = peer.adapter();
    let page: string | null = null;
    const seen = new Set<string>();
    do {
      const res = await adapter.pullOrders({ since: null, page, locationId: null });
      if (!res.ok) throw new Error(res.message);
      res.value.items.forEach((o) => seen.add(o.externalId));
      page = res.value.next;
    } while (page);
    expect(seen.size).toBe(40);
    const sizes = peer.emulator.requests.filter((r) => r.operation === 'FulfillmentOrdersForLocation' && !r.throttled && r.actualCost !== null).map((r) => r.variables.first);
    expect(new Set(sizes)).toEqual(new Set([size])); // and it stays there
  });

  it('gives up on THROTTLED after a few tries with the wait the budget needs', async () => {
    const clock = new VirtualClock();
    peer = await startPeer({ virtual: clock });
    for (let i = 0; i < 4; i++) peer.emulator.faults.inject({ kind: 'graphql-error', code: 'THROTTLED', message: 'Throttled' });
    const res = await pull(peer);
    expect(res).toMatchObject({ ok: false, code: 'sync.throttled', retryable: true, retryAfterMs: expect.any(Number) });
  });

  it('refuses an outbox operation that does not parse, before reaching Shopify', async () => {
    peer = await startPeer();
    const res = await peer.adapter().push({ idempotencyKey: 'k', payload: { kind: 'order.explode' } as never, stationId: 's', operatorId: null, createdAt: '' });
    expect(res).toMatchObject({ ok: false, code: 'sync.unsupported-operation', retryable: false });
    expect(peer.emulator.requests).toEqual([]);
  });

  it('reports a fulfillment order that does not exist as not found', async () => {
    peer = await startPeer();
    const res = await peer.adapter().push({
      idempotencyKey: 'key-missing-fo',
      payload: { kind: 'order.fulfil', orderExternalId: gid('FulfillmentOrder', 424242), orderNumber: '#9', notifyCustomer: false, packages: [{ tracking: 'X1', carrier: null, trackingUrl: null, weightMg: null, lines: [{ lineExternalId: gid('FulfillmentOrderLineItem', 1), quantity: 1 }] }] },
      stationId: 's',
      operatorId: null,
      createdAt: '',
    });
    expect(res).toMatchObject({ ok: false, code: 'sync.not-found', retryable: false });
  });
});

/** The promise's value, or 'still pending' if it has not settled after `ms`. */
function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'still pending'> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<'still pending'>((resolve) => (timer = setTimeout(() => resolve('still pending'), ms)));
  return Promise.race([promise, pending]).finally(() => clearTimeout(timer));
}
