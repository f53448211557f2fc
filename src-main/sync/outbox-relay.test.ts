import { hostname } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/database';
import { enqueueOutbox, getOutboxRow } from '../db/repos/outbox';
import { sql } from '../db/sql';
import { tempDatabases } from '../db/test-db';
import { backoffMs, DEFAULT_BACKOFF } from './backoff';
import { LEASE_MS, OutboxRelay, ownerAlive, processOwner } from './outbox-relay';
import { FakePlatform, NETWORK_DOWN } from './testing/fake-adapter';

const openDatabase = tempDatabases();
const T0 = Date.parse('2026-11-23T10:00:00.000Z');

function fulfil(order: string, key: string) {
  return {
    destination: 'platform' as const,
    aggregateType: 'order' as const,
    aggregateId: order,
    payload: { kind: 'order.fulfil', orderExternalId: `ext-${order}`, orderNumber: `#${order}`, notifyCustomer: true, packages: [{ tracking: key, carrier: null, trackingUrl: null, weightMg: 1000, lines: [{ lineExternalId: 'l1', quantity: 1 }] }] },
    idempotencyKey: key,
    stationId: 'st',
    operatorId: null,
    createdAt: new Date(T0).toISOString(),
  };
}
const claim = (order: string, key: string) => ({ ...fulfil(order, key), payload: { kind: 'order.claim', orderExternalId: `ext-${order}`, orderNumber: `#${order}` } });

function relayOn(db: Database, platform: FakePlatform, clock = { t: T0 }) {
  return new OutboxRelay({ db, adapter: () => platform, now: () => new Date(clock.t), random: () => 0.5 });
}

const statuses = (db: Database) => db.all<{ idempotency_key: string; status: string }>(sql`SELECT idempotency_key, status FROM outbox ORDER BY id`);

describe('OutboxRelay', () => {
  it('delivers every row once, in order, and marks them done', async () => {
    const db = await openDatabase();
    const platform = new FakePlatform();
    for (let i = 0; i < 5; i++) await enqueueOutbox(db, fulfil(`o${i}`, `k${i}`));
    const report = await relayOn(db, platform).drain();
    expect(report).toMatchObject({ delivered: 5, rejected: 0, stoppedEarly: false });
    expect(platform.applied.map((a) => a.idempotencyKey)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
    expect((await statuses(db)).every((r) => r.status === 'done')).toBe(true);
    expect(await getOutboxRow(db, 1)).toMatchObject({ remoteRef: 'remote-k0', attempts: 1, doneAt: new Date(T0).toISOString() });
  });

  it('stops at the first network failure, backs off, and delivers everything once the network is back', async () => {
    const db = await openDatabase();
    const platform = new FakePlatform();
    const clock = { t: T0 };
    const relay = relayOn(db, platform, clock);
    for (let i = 0; i < 3; i++) await enqueueOutbox(db, fulfil(`o${i}`, `k${i}`));
    platform.failure = NETWORK_DOWN;
    const offline = await relay.drain();
    expect(offline).toMatchObject({ delivered: 0, retryLater: 1, stoppedEarly: true, lastFailure: 'sync.network' });
    expect(platform.attempts).toHaveLength(1);
    const first = await getOutboxRow(db, 1);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastErrorCode: 'sync.network' });
    expect(Date.parse(first!.nextAttemptAt!) - T0).toBe(backoffMs(1, DEFAULT_BACKOFF, () => 0.5));

    platform.failure = null;
    clock.t = T0 + 60_000;
    await relay.drain();
    expect(platform.applied.map((a) => a.idempotencyKey).sort()).toEqual(['k0', 'k1', 'k2']);
  });

  it('never applies an operation twice when the answer is lost after the platform applied it', async () => {
    const db = await openDatabase();
    const platform = new FakePlatform();
    const clock = { t: T0 };
    const relay = relayOn(db, platform, clock);
    await enqueueOutbox(db, fulfil('o1', 'k1'));
    platform.loseAnswers = true;
    await relay.drain();
    expect(await getOutboxRow(db, 1)).toMatchObject({ status: 'pending', lastErrorCode: 'sync.network' });
    platform.loseAnswers = false;
    clock.t += 3_600_000;
    await relay.drain();
    expect(platform.applied).toHaveLength(1);
    expect(platform.attempts).toHaveLength(2);
    expect(await getOutboxRow(db, 1)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('keeps a rejected row for a person and holds back later operations on the same order only', async () => {
    const db = await openDatabase();
    const platform = new FakePlatform();
    await enqueueOutbox(db, claim('o1', 'claim-1'));
    await enqueueOutbox(db, fulfil('o1', 'fulfil-1'));
    await enqueueOutbox(db, fulfil('o2', 'fulfil-2'));
    platform.rejectKeys.set('claim-1', { ok: false, code: 'sync.rejected', message: 'order was cancelled', retryable: false });
    const report = await relayOn(db, platform).drain();
    expect(report).toMatchObject({ delivered: 1, rejected: 1 });
    expect(await statuses(db)).toEqual([
      { idempotency_key: 'claim-1', status: 'rejected' },
      { idempotency_key: 'fulfil-1', status: 'pending' },
      { idempotency_key: 'fulfil-2', status: 'done' },
    ]);
    expect(platform.attempts.map((a) => a.idempotencyKey)).toEqual(['claim-1', 'fulfil-2']);
  });

  it('delivers a later operation on an order only after the earlier one succeeded', async () => {
    const db = await openDatabase();
    const platform = new FakePlatform();
    const clock = { t: T0 };
    const relay = relayOn(db, platform, clock);
    await enqueueOutbox(db, claim('o1', 'claim-1'));
    await enqueueOutbox(db, fulfil('o1', 'fulfil-1'));
    platform.failure = { ok: false, code: 'sync.server-error', message: '502', retryable: true };
    await relay.drain();
    expect(platform.attempts.map((a) => a.idempotencyKey)).toEqual(['claim-1']);
    platform.failure = null;
    clock.t += 3_600_000;
    await relay.drain();
    expect(platform.applied.map((a) => a.idempotencyKey)).toEqual(['claim-1', 'fulfil-1']);
  });

  it('rejects a row whose payload is not a known operation instead of sending it', async () => {
    const db = await openDatabase();
    const platform = new FakePlatform();
    await enqueueOutbox(db, { ...fulfil('o1', 'k1'), payload: { kind: 'order.teleport' } });
    await relayOn(db, platform).drain();
    expect(platform.attempts).toHaveLength(0);
    expect(await getOutboxRow(db, 1)).toMatchObject({ status: 'rejected', lastErrorCode: 'sync.unsupported-operation' });
  });

  it('puts rows a crash left in flight back in line at start, and two relays never send one row twice', async () => {
    const db = await openDatabase();
    const platform = new FakePlatform();
    for (let i = 0; i < 20; i++) await enqueueOutbox(db, fulfil(`o${i}`, `k${i}`));
    await db.run(sql`UPDATE outbox SET status = 'in-flight', attempts = 1 WHERE id = 1`);
    const a = relayOn(db, platform);
    const b = relayOn(db, platform);
    await a.start();
    await a.stop();
    expect(await getOutboxRow(db, 1)).toMatchObject({ status: 'pending' });
    await Promise.all([a.drain(), b.drain()]);
    expect(platform.attempts.map((x) => x.idempotencyKey).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `k${i}`).sort());
  });

  it('never resends a row another running relay has in flight (`bancada sync now` while the station delivers)', async () => {
    const db = await openDatabase();
    const platform = new FakePlatform();
    await enqueueOutbox(db, fulfil('o1', 'k1'));
    let answer!: () => void;
    const slow = Object.assign(Object.create(platform) as FakePlatform, {
      push: async (op: Parameters<FakePlatform['push']>[0]) => {
        platform.attempts.push(op);
        await new Promise<void>((resolve) => (answer = resolve));
        return { ok: true as const, remoteRef: 'slow', alreadyApplied: false };
      },
    });
    const station = new OutboxRelay({ db, adapter: () => slow, now: () => new Date(T0), pollMs: 0 });
    const sending = station.drain();
    await vi.waitFor(() => expect(platform.attempts).toHaveLength(1));
    // The command-line relay starts on the same file while the station's request is on the wire.
    const cli = new OutboxRelay({ db, adapter: () => platform, now: () => new Date(T0 + 10_000), pollMs: 0 });
    await cli.start();
    await cli.drain();
    await cli.stop();
    answer();
    await sending;
    expect(platform.attempts.map((a) => a.idempotencyKey)).toEqual(['k1']);
    expect(await getOutboxRow(db, 1)).toMatchObject({ status: 'done', remoteRef: 'slow' });
  });

  it('sends again a row a crashed relay left in flight once its lease has run out, not before', async () => {
    const db = await openDatabase();
    const platform = new FakePlatform();
    await enqueueOutbox(db, fulfil('o1', 'k1'));
    const dead = { ...platform, push: () => new Promise<never>(() => undefined) } as unknown as FakePlatform;
    void new OutboxRelay({ db, adapter: () => dead, now: () => new Date(T0) }).drain();
    await vi.waitFor(async () => expect(await getOutboxRow(db, 1)).toMatchObject({ status: 'in-flight' }));
    const clock = { t: T0 + 1_000 };
    const next = relayOn(db, platform, clock);
    await next.start();
    await next.stop();
    await next.drain();
    expect(platform.attempts).toHaveLength(0);
    clock.t = T0 + 60 * 60_000;
    await next.drain();
    expect(platform.applied.map((a) => a.idempotencyKey)).toEqual(['k1']);
    expect(await getOutboxRow(db, 1)).toMatchObject({ status: 'done' });
  });

  it('sends again at once a row whose relay process is gone (a station restarted after a crash), without waiting out the lease', async () => {
    const db = await openDatabase();
    const platform = new FakePlatform();
    await enqueueOutbox(db, fulfil('o1', 'k1'));
    await enqueueOutbox(db, fulfil('o2', 'k2'));
    const stuck = { ...platform, push: () => new Promise<never>(() => undefined) } as unknown as FakePlatform;
    void new OutboxRelay({ db, adapter: () => stuck, now: () => new Date(T0), owner: 'bench-1/4242', batchSize: 1 }).drain();
    await vi.waitFor(async () => expect(await getOutboxRow(db, 1)).toMatchObject({ status: 'in-flight' }));
    // Another relay that is alive (`bancada sync now`) holds the second row.
    await db.run(sql`UPDATE outbox SET status = 'in-flight', next_attempt_at = ${new Date(T0 + LEASE_MS).toISOString()}, lease_owner = 'bench-1/5151' WHERE id = 2`);
    const asked: string[] = [];
    const next = new OutboxRelay({ db, adapter: () => platform, now: () => new Date(T0 + 1_000), pollMs: 0, isOwnerAlive: (owner) => (asked.push(owner), owner !== 'bench-1/4242') });
    await next.drain();
    expect([...new Set(asked)].sort()).toEqual(['bench-1/4242', 'bench-1/5151']);
    expect(platform.applied.map((a) => a.idempotencyKey)).toEqual(['k1']);
    expect(await getOutboxRow(db, 2)).toMatchObject({ status: 'in-flight' });
  });

  it('tells a gone process from a live one, and counts anything uncertain as alive', () => {
    expect(ownerAlive(processOwner())).toBe(true);
    expect(ownerAlive(`${hostname()}/${2 ** 22 + 12_345}`)).toBe(false); // above Linux's pid_max: no such process
    expect(ownerAlive(`another-host/${2 ** 22 + 12_345}`)).toBe(true);
    expect(ownerAlive('garbage')).toBe(true);
  });

  it('honours the wait the platform asked for', async () => {
    const db = await openDatabase();
    const platform = new FakePlatform();
    await enqueueOutbox(db, fulfil('o1', 'k1'));
    platform.failure = { ok: false, code: 'sync.throttled', message: 'THROTTLED', retryable: true, retryAfterMs: 7_000 };
    await relayOn(db, platform).drain();
    const row = await getOutboxRow(db, 1);
    expect(Date.parse(row!.nextAttemptAt!) - T0).toBeGreaterThanOrEqual(7_000);
    expect(Date.parse(row!.nextAttemptAt!) - T0).toBeLessThan(7_000 + DEFAULT_BACKOFF.baseMs);
  });
});

describe('backoffMs', () => {
  it('grows exponentially, stays within [half, full] of the step, and is capped', () => {
    for (const attempt of [1, 2, 5, 10, 40]) {
      const step = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** (attempt - 1));
      expect(backoffMs(attempt, DEFAULT_BACKOFF, () => 0)).toBe(Math.ceil(step / 2));
      expect(backoffMs(attempt, DEFAULT_BACKOFF, () => 0.999999)).toBeLessThanOrEqual(step);
    }
    expect(backoffMs(40, DEFAULT_BACKOFF, () => 0.999999)).toBeLessThanOrEqual(DEFAULT_BACKOFF.capMs);
  });
});

describe('OutboxRelay timers', () => {
  it('does not spin on a row that is due but held back by a rejected earlier row of its order', async () => {
    const db = await openDatabase();
    const platform = new FakePlatform();
    await enqueueOutbox(db, claim('o1', 'claim-1'));
    await enqueueOutbox(db, fulfil('o1', 'fulfil-1'));
    await db.run(sql`UPDATE outbox SET status = 'rejected' WHERE idempotency_key = 'claim-1'`);
    await db.run(sql`UPDATE outbox SET attempts = 1, next_attempt_at = '2000-01-01T00:00:00.000Z' WHERE idempotency_key = 'fulfil-1'`);
    let passes = 0;
    const counting = { ...platform, push: platform.push.bind(platform), pullOrders: platform.pullOrders.bind(platform) } as FakePlatform;
    const relay = new OutboxRelay({ db, adapter: () => (passes++, counting), pollMs: 60_000 });
    await relay.start();
    await new Promise((r) => setTimeout(r, 600));
    await relay.stop();
    // One pass at start, then at most a few spaced by the minimum wait — not hundreds.
    expect(passes).toBeLessThanOrEqual(5);
    expect(platform.attempts).toHaveLength(0);
  });
});
