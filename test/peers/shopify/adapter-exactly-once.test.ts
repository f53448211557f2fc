// Exactly-once through a hostile network: 60 orders fulfilled (two packages each) while the
// emulator drops answers after applying them, drops requests before, fails with 5xx and goes
// offline. Each operation is retried, as the relay would, until it is done or rejected; in the
// end every order has exactly its two fulfillments with the right tracking numbers.
import { afterEach, describe, expect, it } from 'vitest';
import type { PushResult } from '../../../src-main/sync/adapter';
import type { Fault } from './emulator/faults';
import { gid } from './emulator/state';
import { op, startPeer, VirtualClock, type Peer } from './harness';

let peer: Peer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

/** A small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAULTS: Fault[] = [{ kind: 'drop-after-apply' }, { kind: 'drop' }, { kind: 'status', status: 503 }, { kind: 'status', status: 500 }];

describe('exactly-once fulfilment through faults', () => {
  it.each([1, 2, 3])('seed %i: every package lands once', async (seed) => {
    const rnd = random(seed);
    peer = await startPeer({ virtual: new VirtualClock() });
    const adapter = peer.adapter();
    const orders = Array.from({ length: 60 }, (_, i) => peer!.emulator.state.addOrder(peer!.locationId, [{ sku: `A-${i}`, quantity: 1 }, { sku: `B-${i}`, quantity: 2 }]));
    let attempts = 0;
    for (const [i, { order, fo }] of orders.entries()) {
      const operation = op(`fulfil-${seed}-${i}-key`, {
        kind: 'order.fulfil',
        orderExternalId: gid('FulfillmentOrder', fo.id),
        orderNumber: order.name,
        notifyCustomer: false,
        packages: fo.lines.map((l, p) => ({ tracking: `TRK${seed}-${i}-${p}`, carrier: 'Correios', trackingUrl: null, weightMg: null, lines: [{ lineExternalId: gid('FulfillmentOrderLineItem', l.id), quantity: l.totalQuantity }] })),
      });
      let result: PushResult;
      do {
        // Up to three faults armed on any operation (the read, a create, the release) of this attempt.
        for (let f = 0; f < 3; f++) if (rnd() < 0.3) peer.emulator.faults.inject(FAULTS[Math.floor(rnd() * FAULTS.length)]!);
        if (rnd() < 0.05) peer.emulator.setOffline(true);
        result = await adapter.push(operation);
        peer.emulator.setOffline(false);
        peer.emulator.faults.clear();
        attempts++;
        if (!result.ok) expect(result.retryable, result.message).toBe(true);
      } while (!result.ok && attempts < 10_000);
      expect(result.ok).toBe(true);
    }
    for (const [i, { fo }] of orders.entries()) {
      const tracking = fo.fulfillmentIds.map((id) => peer!.emulator.state.fulfillments.get(id)!.tracking.map((t) => t.number).join());
      expect(tracking, `order ${i}`).toEqual([`TRK${seed}-${i}-0`, `TRK${seed}-${i}-1`]);
      expect(fo.status).toBe('CLOSED');
    }
    expect(attempts).toBeGreaterThan(orders.length); // faults really happened
    console.log(`seed ${seed}: 60 orders fulfilled exactly once in ${attempts} deliveries`);
  });
});
