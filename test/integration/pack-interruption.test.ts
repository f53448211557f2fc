import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared/api';
import type { PackView } from '../../src-shared/domain/pack';
import { Database } from '../../src-main/db/database';
import { sql } from '../../src-main/db/sql';
import { createStation, DATABASE_FILE, type Station } from '../../src-main/station';

/**
 * Issue #4 step 10 on a whole demo station: an order changes in the store while it is being packed
 * (a trainer's `store:simulate`), the bench is stopped, and once the packer releases it the order
 * takes the store's state at once — out of the queue, not openable, nothing shipped.
 */
const resourcesDir = resolve(__dirname, '../../resources');
const dirs: string[] = [];
const stations: Station[] = [];
const side: Database[] = [];
/** HOG-JLC-BRA, one unit of #1002 (which also has two ALI-CFG). */
const BRA_GTIN = '7897214001526';

afterEach(async () => {
  await Promise.all(side.splice(0).map((d) => d.close()));
  await Promise.all(stations.splice(0).map((s) => s.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** The station, and a second connection to its file as another process would have (WAL allows it). */
async function demoStation(): Promise<{ s: Station; db: Database }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bancada-interrupt-'));
  dirs.push(dataDir);
  const s = await createStation({ dataDir, resourcesDir, sync: { pullEverySeconds: 0, demoArrivalEveryMs: 0 }, devices: { simulate: false } });
  stations.push(s);
  const db = await Database.open(join(dataDir, DATABASE_FILE));
  side.push(db);
  return { s, db };
}

async function call<T>(s: Station, method: string, input: unknown = {}): Promise<Result<T>> {
  return (await s.dispatch(method, input)) as Result<T>;
}

async function value<T>(s: Station, method: string, input: unknown = {}): Promise<T> {
  const result = await call<T>(s, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function loginAs(s: Station, role: 'packer' | 'supervisor'): Promise<void> {
  const operators = await value<{ id: string; role: string; demoPin: string }[]>(s, 'auth:operators');
  const who = operators.find((o) => o.role === role)!;
  await value(s, 'auth:login-pin', { operatorId: who.id, pin: who.demoPin });
}

async function orderRow(db: Database, number: string) {
  return db.get<{ status: string; claimed: string | null; aside: string | null }>(
    sql`SELECT status, claimed_station_id AS claimed, upstream_pending AS aside FROM orders WHERE number = ${number}`,
  );
}

describe('an order cancelled in the store while it is being packed', () => {
  it('stops the bench, and once released the order is cancelled here too: out of the queue, refused if scanned again, nothing shipped', async () => {
    const { s, db } = await demoStation();
    await loginAs(s, 'packer');
    await value<PackView>(s, 'pack:open-code', { code: '#1002' });
    expect(await value(s, 'pack:scan', { raw: BRA_GTIN, symbology: null })).toMatchObject({ outcome: 'line-complete' });

    // A trainer steps in (one session per station), makes the customer cancel, and hands back.
    await loginAs(s, 'supervisor');
    expect(await value(s, 'store:simulate', { orderNumber: '1002', change: 'cancelled' })).toEqual({ orderNumber: '#1002', change: 'cancelled' });
    await loginAs(s, 'packer');
    expect(await value<PackView>(s, 'pack:current')).toMatchObject({ phase: 'interrupted', interruption: 'cancelled' });

    expect(await value(s, 'pack:release')).toBeNull();
    // Applied as the pack ends, not at the next pull (this station pulls only when asked).
    await expect.poll(() => orderRow(db, '#1002'), { timeout: 2000 }).toEqual({ status: 'cancelled', claimed: null, aside: null });
    const queue = await value<{ number: string }[]>(s, 'orders:queue', { limit: 200 });
    expect(queue.map((o) => o.number)).not.toContain('#1002');
    expect(await call(s, 'pack:open-code', { code: '#1002' })).toMatchObject({ ok: false, error: { code: 'pack.order-cancelled' } });

    // The next pull leaves it so, and the store never hears of a fulfilment.
    await s.sync.syncNow();
    expect(await orderRow(db, '#1002')).toEqual({ status: 'cancelled', claimed: null, aside: null });
    expect(await db.all(sql`SELECT kind FROM outbox WHERE kind = 'order.fulfil'`)).toEqual([]);
    const audit = await db.all<{ action: string }>(sql`SELECT action FROM audit_log WHERE action IN ('store.simulate', 'pack.interrupted', 'pack.release') ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['store.simulate', 'pack.interrupted', 'pack.release']);
  });

  it('refuses the training action to a packer, and to a station working for a real store', async () => {
    const { s } = await demoStation();
    await loginAs(s, 'packer');
    expect(await call(s, 'store:simulate', { orderNumber: '#1002', change: 'cancelled' })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    await loginAs(s, 'supervisor');
    expect(await call(s, 'store:simulate', { orderNumber: '#4242', change: 'on-hold' })).toMatchObject({ ok: false, error: { code: 'sync.demo-order-not-found' } });
    await value(s, 'store:save', { settings: { platform: 'medusa', baseUrl: 'http://127.0.0.1:9', locationId: null }, credentials: { kind: 'medusa-api-key', apiKey: 'sk_test_0123456789' } });
    expect(await call(s, 'store:simulate', { orderNumber: '#1002', change: 'cancelled' })).toMatchObject({ ok: false, error: { code: 'sync.demo-only' } });
  });
});
