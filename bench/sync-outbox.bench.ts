// Outbox enqueue latency with synchronous=FULL and relay delivery throughput (issue #5). Prints
// figures; asserts only that the work was real (every row delivered exactly once).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { openStationDatabase } from '../src-main/db/database';
import { appendAudit } from '../src-main/db/repos/audit';
import { countOutbox, enqueueOutbox } from '../src-main/db/repos/outbox';
import { loadDemoData } from '../src-main/demo/demo-data';
import { DemoStore } from '../src-main/sync/demo/demo-store';
import { OutboxRelay } from '../src-main/sync/outbox-relay';
import { FakePlatform } from '../src-main/sync/testing/fake-adapter';
import { measure, print } from './measure';

const ROWS = 2000;

function fulfil(i: number, orderNumber = `#${i}`) {
  return {
    destination: 'platform' as const,
    aggregateType: 'order' as const,
    aggregateId: `o${i}`,
    payload: { kind: 'order.fulfil', orderExternalId: orderNumber, orderNumber, notifyCustomer: true, packages: [{ tracking: `T${i}`, carrier: null, trackingUrl: null, weightMg: 1000, lines: [{ lineExternalId: `${orderNumber}/1`, quantity: 1 }] }] },
    idempotencyKey: `bench-${i}`,
    stationId: 'st',
    operatorId: null,
    createdAt: new Date().toISOString(),
  };
}

it('enqueues outbox rows with their audit row in one durable transaction', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bancada-bench-outbox-'));
  const db = await openStationDatabase(join(dir, 'b.sqlite'));
  try {
    let i = 0;
    const f = await measure(ROWS, () =>
      db.transaction(async (tx) => {
        i++;
        await enqueueOutbox(tx, fulfil(i));
        await appendAudit(tx, { at: new Date().toISOString(), stationId: 'st', operatorId: null, action: 'pack.complete', subjectType: 'order', subjectId: `o${i}`, detail: {} });
      }),
    );
    print('outbox enqueue + audit (synchronous=FULL)', f, 'commit');
    expect((await countOutbox(db)).pending).toBe(i);

    const platform = new FakePlatform();
    const relay = new OutboxRelay({ db, adapter: () => platform, batchSize: 100 });
    const t0 = performance.now();
    const report = await relay.drain();
    const seconds = (performance.now() - t0) / 1000;
    console.log(`relay delivery to an instant platform: ${Math.round(report.delivered / seconds).toLocaleString('en')} rows/s (${report.delivered} rows; two durable commits per row)`);
    expect(report.delivered).toBe(i);
    expect(platform.applied).toHaveLength(i);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

it('delivers to the embedded demo store (its own durable SQLite file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bancada-bench-demo-'));
  const db = await openStationDatabase(join(dir, 'b.sqlite'));
  const data = await loadDemoData(resolve(__dirname, '../resources'));
  const store = await DemoStore.open(join(dir, 'demo-store.sqlite'), { data: async () => data, arrivalEveryMs: 0 });
  try {
    // Holds: accepted every time, so the figure is the store's write path, not a refusal.
    const orders = data.orders.map((o) => o.number);
    const n = 500;
    await db.transaction(async (tx) => {
      for (let i = 0; i < n; i++) {
        const number = orders[i % orders.length]!;
        await enqueueOutbox(tx, { ...fulfil(i, number), aggregateId: `o${i}`, payload: { kind: 'order.hold', orderExternalId: number, orderNumber: number, reason: 'bench' } });
      }
    });
    const relay = new OutboxRelay({ db, adapter: () => store, batchSize: 100 });
    const t0 = performance.now();
    const report = await relay.drain();
    const seconds = (performance.now() - t0) / 1000;
    console.log(`relay delivery to the demo store: ${Math.round(report.delivered / seconds).toLocaleString('en')} rows/s (${report.delivered} rows)`);
    expect(report.delivered).toBe(n);
    expect(await store.countApplied('order.hold')).toBe(n);
  } finally {
    await store.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
