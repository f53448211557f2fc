import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../src-shared/domain/types';
import { enqueueOutbox } from '../db/repos/outbox';
import { setSetting } from '../db/repos/settings';
import { sql } from '../db/sql';
import { tempDatabases } from '../db/test-db';
import { createLogger } from '../log/logger';
import { FileSecretStore } from './secrets/file-secret-store';
import { STORE_SECRET } from './secrets/secret-store';
import { STORE_SETTINGS_KEY, SyncEngine } from './sync-engine';
import { ListPlatform, remoteOrder } from './testing/list-adapter';

const openDatabase = tempDatabases();
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function engineOn(platform: ListPlatform, statuses: SyncStatus[], interruptions: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'bancada-engine-'));
  dirs.push(dir);
  const db = await openDatabase();
  const secrets = new FileSecretStore(join(dir, 'secrets.json'));
  await secrets.set(STORE_SECRET, JSON.stringify({ kind: 'shopify-token', accessToken: 'shpat_test_0123456789' }));
  await setSetting(db, STORE_SETTINGS_KEY, { platform: 'shopify', shopDomain: 'x.myshopify.com', authKind: 'token', locationId: 'gid://shopify/Location/1' });
  const engine = new SyncEngine({
    db,
    dataDir: dir,
    stationId: 'station-test',
    secrets,
    factories: { shopify: () => platform },
    demoData: () => Promise.reject(new Error('no demo here')),
    logger: createLogger({ dir: join(dir, 'logs'), console: false }),
    pullEverySeconds: 0,
    onStatus: (s) => statuses.push(s),
    onInterruption: async (id, change) => void interruptions.push(`${id}:${change}`),
  });
  return { engine, db };
}

describe('SyncEngine', () => {
  it('shows a long pull’s progress page by page, then clears it', async () => {
    const platform = new ListPlatform();
    platform.orders = Array.from({ length: 7 }, (_, i) => remoteOrder(i + 1, `2026-11-23T10:0${i}:00.000Z`));
    const statuses: SyncStatus[] = [];
    const { engine } = await engineOn(platform, statuses);
    await engine.loadSettings();
    await engine.start();
    const run = await engine.syncNow();
    await engine.close();
    expect(run).toMatchObject({ pulled: 7, failure: null });
    const seen = statuses.map((s) => s.progress).filter((p) => p?.resource === 'orders').map((p) => p!.read);
    // Progress is published as pages arrive (the latest count wins when pages outrun the status bar).
    expect(seen.at(-1)).toBe(7);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(statuses.at(-1)).toMatchObject({ platform: 'shopify', progress: null, state: 'idle' });
  });

  it('says offline, not broken, when the store cannot be reached, and why', async () => {
    const platform = new ListPlatform();
    platform.failure = { ok: false, code: 'sync.network', message: 'ECONNREFUSED', retryable: true };
    const statuses: SyncStatus[] = [];
    const { engine } = await engineOn(platform, statuses);
    await engine.start();
    await engine.syncNow();
    expect(await engine.status()).toMatchObject({ state: 'offline', lastError: 'sync.network' });
    platform.failure = null;
    await engine.syncNow();
    expect(await engine.status()).toMatchObject({ state: 'idle', lastError: null });
    await engine.close();
  });

  it('reports a store with no saved credentials as such instead of pulling', async () => {
    const platform = new ListPlatform();
    const statuses: SyncStatus[] = [];
    const { engine } = await engineOn(platform, statuses);
    const dir = dirs.at(-1)!;
    await new FileSecretStore(join(dir, 'secrets.json')).delete(STORE_SECRET);
    await engine.start();
    expect(await engine.syncNow()).toMatchObject({ pulled: 0, failure: 'sync.secret-missing' });
    expect(await engine.status()).toMatchObject({ state: 'error', lastError: 'sync.secret-missing' });
    expect(platform.requests).toHaveLength(0);
    await engine.close();
  });

  it('refuses to leave a store still owed work before touching its saved credentials', async () => {
    const { engine, db } = await engineOn(new ListPlatform(), []);
    await enqueueOutbox(db, { destination: 'platform', aggregateType: 'order', aggregateId: 'o1', payload: { kind: 'order.claim', orderExternalId: 'o1', orderNumber: '#1' }, idempotencyKey: 'owed-1', stationId: 'station-test', operatorId: null, createdAt: '2026-12-07T10:00:00.000Z' });
    const medusa = { platform: 'medusa', baseUrl: 'https://medusa.example.com', locationId: null } as const;
    const medusaKey = { kind: 'medusa-api-key', apiKey: 'sk_0123456789abcdef' } as const;
    await expect(db.transaction((tx) => engine.save(tx, medusa, medusaKey, null))).rejects.toMatchObject({ code: 'sync.switch-undelivered' });
    const secrets = new FileSecretStore(join(dirs.at(-1)!, 'secrets.json'));
    expect(JSON.parse((await secrets.get(STORE_SECRET))!)).toMatchObject({ kind: 'shopify-token' });
    expect(await db.get(sql`SELECT value FROM settings WHERE key = ${STORE_SETTINGS_KEY}`)).toMatchObject({ value: expect.stringContaining('shopify') });
    await engine.close();
  });
});

