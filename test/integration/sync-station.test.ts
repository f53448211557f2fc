import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared/api';
import { Database } from '../../src-main/db/database';
import { enqueueOutbox } from '../../src-main/db/repos/outbox';
import { sql } from '../../src-main/db/sql';
import { createStation, DATABASE_FILE, SECRETS_FILE, type Station } from '../../src-main/station';

const resourcesDir = resolve(__dirname, '../../resources');
const dirs: string[] = [];
const stations: Station[] = [];
const side: Database[] = [];

afterEach(async () => {
  await Promise.all(side.splice(0).map((d) => d.close()));
  await Promise.all(stations.splice(0).map((s) => s.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function demoStation(): Promise<{ s: Station; dataDir: string; db: Database }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bancada-sync-'));
  dirs.push(dataDir);
  const s = await createStation({ dataDir, resourcesDir, sync: { pullEverySeconds: 0, demoArrivalEveryMs: 0 }, devices: { simulate: false } });
  stations.push(s);
  // A second connection to the same file, as another process would have (WAL allows it).
  const db = await Database.open(join(dataDir, DATABASE_FILE));
  side.push(db);
  return { s, dataDir, db };
}

async function value<T>(s: Station, method: string, input: unknown = {}): Promise<T> {
  const result = (await s.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function asSupervisor(s: Station): Promise<void> {
  const operators = await value<{ id: string; role: string; demoPin: string }[]>(s, 'auth:operators');
  const sup = operators.find((o) => o.role === 'supervisor')!;
  await value(s, 'auth:login-pin', { operatorId: sup.id, pin: sup.demoPin });
}

async function fulfilRow(db: Database, orderNumber: string, key: string): Promise<void> {
  const lines = await db.all<{ external_id: string; quantity: number; order_id: string }>(sql`SELECT l.external_id, l.quantity, l.order_id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = ${orderNumber}`);
  await enqueueOutbox(db, {
    destination: 'platform',
    aggregateType: 'order',
    aggregateId: lines[0]!.order_id,
    payload: { kind: 'order.fulfil', orderExternalId: orderNumber, orderNumber, notifyCustomer: true, packages: [{ tracking: `TRK-${key}`, carrier: 'Demo', trackingUrl: null, weightMg: 500_000, lines: lines.map((l) => ({ lineExternalId: l.external_id, quantity: l.quantity })) }] },
    idempotencyKey: key,
    stationId: 'st',
    operatorId: null,
    createdAt: new Date().toISOString(),
  });
}

describe('a demo station syncing with the embedded demo store', () => {
  it('delivers a fulfilment to the demo store once and reports it in the status', async () => {
    const { s, db } = await demoStation();
    await asSupervisor(s);
    expect(await value(s, 'sync:status')).toMatchObject({ platform: 'demo', pending: 0, attention: 0 });
    await fulfilRow(db, '#1001', 'fulfil-1001');
    expect(await value(s, 'sync:status')).toMatchObject({ pending: 1 });
    const run = await value<{ delivered: number; failure: string | null }>(s, 'sync:now');
    expect(run).toMatchObject({ delivered: 1, failure: null });
    expect(await s.sync.demoStore()!.countApplied('order.fulfil')).toBe(1);
    expect(await value(s, 'sync:status')).toMatchObject({ pending: 0, attention: 0, state: 'idle' });
    expect((await value<{ lastSuccessAt: string | null }>(s, 'sync:status')).lastSuccessAt).not.toBeNull();
  });

  it('shows a rejected fulfilment loudly; a supervisor retries then discards it, both audited', async () => {
    const { s, db } = await demoStation();
    await asSupervisor(s);
    await s.sync.demoStore()!.cancelOrder('#1002');
    await fulfilRow(db, '#1002', 'fulfil-1002');
    await value(s, 'sync:now');
    expect(await value(s, 'sync:status')).toMatchObject({ attention: 1, state: 'error' });
    const problems = await value<{ id: number; subject: string; status: string; code: string }[]>(s, 'sync:problems');
    expect(problems).toEqual([expect.objectContaining({ subject: '#1002', status: 'rejected', code: 'sync.rejected' })]);
    await value(s, 'sync:retry', { id: problems[0]!.id });
    await value(s, 'sync:now');
    expect(await value(s, 'sync:status')).toMatchObject({ attention: 1 });
    await value(s, 'sync:discard', { id: problems[0]!.id });
    expect(await value(s, 'sync:status')).toMatchObject({ attention: 0, pending: 0 });
    const discardAgain = (await s.dispatch('sync:discard', { id: problems[0]!.id })) as Result<null>;
    expect(discardAgain).toMatchObject({ ok: false, error: { code: 'sync.row-not-actionable' } });
    const audit = await db.all<{ action: string; subject_id: string }>(sql`SELECT action, subject_id FROM audit_log WHERE action LIKE 'sync.%' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'sync.retry', subject_id: String(problems[0]!.id) },
      { action: 'sync.discard', subject_id: String(problems[0]!.id) },
    ]);
    expect(await s.sync.demoStore()!.countApplied()).toBe(0);
  });

  it('keeps a packer away from the sync controls', async () => {
    const { s } = await demoStation();
    const operators = await value<{ id: string; role: string; demoPin: string }[]>(s, 'auth:operators');
    const packer = operators.find((o) => o.role === 'packer')!;
    await value(s, 'auth:login-pin', { operatorId: packer.id, pin: packer.demoPin });
    for (const method of ['sync:now', 'sync:problems', 'store:view']) expect(await s.dispatch(method, {})).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });

  it('saves a store’s credentials to the 0600 secrets file only — never SQLite, the audit log or the logs — and never sends them back', async () => {
    const { s, dataDir, db } = await demoStation();
    await asSupervisor(s);
    const token = 'shpat_0123456789abcdef0123456789abcdef';
    const view = await value<{ settings: { platform: string }; hasCredentials: boolean; secretStore: string }>(s, 'store:save', {
      settings: { platform: 'shopify', shopDomain: 'Tienda-Ejemplo.myshopify.com', authKind: 'token', locationId: 'gid://shopify/Location/1' },
      credentials: { kind: 'shopify-token', accessToken: token },
    });
    expect(view).toEqual({ settings: { platform: 'shopify', shopDomain: 'tienda-ejemplo.myshopify.com', authKind: 'token', locationId: 'gid://shopify/Location/1' }, hasCredentials: true, secretStore: 'file' });
    expect(JSON.stringify(view)).not.toContain(token);
    const secrets = join(dataDir, SECRETS_FILE);
    expect(statSync(secrets).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(secrets, 'utf8')) as Record<string, string>;
    expect(Buffer.from(stored['store.credentials']!, 'base64').toString()).toContain(token);
    await db.run(sql`PRAGMA wal_checkpoint(FULL)`);
    for (const file of (await readdir(dataDir)).filter((f) => f.startsWith(DATABASE_FILE))) expect((await readFile(join(dataDir, file))).includes(token), file).toBe(false);
    const logs = join(dataDir, 'logs');
    for (const file of await readdir(logs)) expect((await readFile(join(logs, file), 'utf8')).includes(token), file).toBe(false);
    const audit = await db.get<{ detail: string }>(sql`SELECT detail FROM audit_log WHERE action = 'store.save'`);
    expect(JSON.parse(audit!.detail)).toMatchObject({ credentialsChanged: true, settings: { platform: 'shopify' } });
  });

  it('refuses a store without credentials the first time, and settings that are not a store', async () => {
    const { s } = await demoStation();
    await asSupervisor(s);
    const noSecret = await s.dispatch('store:save', { settings: { platform: 'medusa', baseUrl: 'http://127.0.0.1:9000', locationId: null }, credentials: null });
    expect(noSecret).toMatchObject({ ok: false, error: { code: 'sync.secret-missing' } });
    const badDomain = await s.dispatch('store:save', { settings: { platform: 'shopify', shopDomain: 'evil.example.com', authKind: 'token', locationId: null }, credentials: null });
    expect(badDomain).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(await value(s, 'store:view')).toMatchObject({ settings: { platform: 'demo' } });
  });
});
