/**
 * Issue #5, reliability: the station is killed (SIGKILL) at random points while its outbox is being
 * delivered, 50 times, then left to finish — and the Shopify emulator holds exactly one fulfilment per
 * order: nothing lost, nothing applied twice. The station is the real `bancada serve` process (the
 * built CLI, out/main/cli.js); the store is the emulator in this process, reached through
 * BANCADA_SHOPIFY_ENDPOINT.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCommand } from '../../src-main/cli/sync-command';
import { Database } from '../../src-main/db/database';
import { countOutbox, enqueueOutbox } from '../../src-main/db/repos/outbox';
import { sql } from '../../src-main/db/sql';
import { prng } from '../../src-main/demo/synthetic';
import { createStation, DATABASE_FILE } from '../../src-main/station';
import { platformFactories } from '../../src-main/sync/platforms';
import { startPeer, type Peer } from '../peers/shopify/harness';

const root = resolve(__dirname, '../..');
const ORDERS = 120;
const KILLS = 50;
const SEED = Number(process.env.BANCADA_KILL_SEED ?? 20261123);
let peer: Peer;
let dataDir: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` (npm test builds before it tests)');
  peer = await startPeer({ bucket: { maximumAvailable: 1_000_000, restoreRate: 100_000 } });
  for (let i = 0; i < ORDERS; i++) peer.emulator.state.addOrder(peer.locationId, [{ sku: `SKU-${i % 5}`, quantity: 1 }, { sku: 'SKU-X', quantity: 2 }]);
  dataDir = await mkdtemp(join(tmpdir(), 'bancada-sigkill-'));
  const creds = join(dataDir, 'creds.json');
  await writeFile(creds, JSON.stringify({ kind: 'shopify-token', accessToken: peer.emulator.accessToken }));
  const ctx = { appRoot: join(root, 'out/main'), version: 't', stdout: () => undefined, stderr: () => undefined };
  expect(await syncCommand(['config', '--data-dir', dataDir, '--platform', 'shopify', '--shop-domain', peer.emulator.shopDomain, '--location', peer.locationGid, '--credentials-file', creds], ctx)).toBe(0);
  await rm(creds);

  // Pull the orders once, then commit a claim and a fulfilment per order as the bench would.
  const station = await createStation({ dataDir, resourcesDir: join(root, 'resources'), devices: { simulate: false }, sync: { factories: platformFactories({ BANCADA_SHOPIFY_ENDPOINT: peer.emulator.url }), pullEverySeconds: 0 } });
  await station.sync.syncNow();
  await station.close();
  const db = await Database.open(join(dataDir, DATABASE_FILE));
  try {
    const orders = await db.all<{ id: string; external_id: string; number: string }>(sql`SELECT id, external_id, number FROM orders ORDER BY number`);
    expect(orders).toHaveLength(ORDERS);
    await db.transaction(async (tx) => {
      for (const [i, o] of orders.entries()) {
        const lines = await tx.all<{ external_id: string; quantity: number }>(sql`SELECT external_id, quantity FROM order_lines WHERE order_id = ${o.id}`);
        const base = { destination: 'platform' as const, aggregateType: 'order' as const, aggregateId: o.id, stationId: 'st', operatorId: 'op', createdAt: new Date().toISOString() };
        await enqueueOutbox(tx, { ...base, payload: { kind: 'order.claim', orderExternalId: o.external_id, orderNumber: o.number }, idempotencyKey: `claim-${o.id}` });
        await enqueueOutbox(tx, {
          ...base,
          payload: { kind: 'order.fulfil', orderExternalId: o.external_id, orderNumber: o.number, notifyCustomer: false, packages: [{ tracking: `KILL${i}`, carrier: 'Correios', trackingUrl: null, weightMg: null, lines: lines.map((l) => ({ lineExternalId: l.external_id, quantity: l.quantity })) }] },
          idempotencyKey: `fulfil-${o.id}`,
        });
      }
    });
  } finally {
    await db.close();
  }
}, 120_000);

afterAll(async () => {
  await peer?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function serve(): { child: ChildProcess; ready: Promise<void>; exited: Promise<void> } {
  const child = spawn(process.execPath, [join(root, 'bin/bancada.cjs'), 'serve', '--port', '0', '--data-dir', dataDir, '--no-simulate'], {
    cwd: root,
    env: { ...process.env, BANCADA_SHOPIFY_ENDPOINT: peer.emulator.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const ready = new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`station not ready in 30 s:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/ready: http/.test(out)) {
        clearTimeout(timer);
        res();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`station exited (${code}) before it was ready:\n${out}`));
    });
  });
  return { child, ready, exited };
}

const fulfilled = () => peer.emulator.state.fulfillments.size;

describe('SIGKILL during outbox delivery', () => {
  it(`loses and repeats nothing across ${KILLS} kills at random points (seed ${SEED})`, async () => {
    // Every mutation takes a while on the "store", so kills land before, during and after it.
    for (const operation of ['FulfillmentCreate', 'FulfillmentOrderHold', 'FulfillmentOrderReleaseHold']) peer.emulator.faults.inject({ kind: 'delay', ms: 35 }, { operation, times: 1_000_000 });
    const random = prng(SEED);
    let killedMidDelivery = 0;
    for (let k = 0; k < KILLS; k++) {
      const before = peer.emulator.requests.length;
      const run = serve();
      await run.ready;
      await sleep(50 + Math.floor(random() * 450));
      run.child.kill('SIGKILL');
      await run.exited;
      if (peer.emulator.requests.length > before && fulfilled() < ORDERS) killedMidDelivery++;
    }
    console.log(`sigkill: ${KILLS} kills, ${killedMidDelivery} while delivering; ${fulfilled()}/${ORDERS} orders fulfilled when the last one landed`);
    expect(killedMidDelivery).toBeGreaterThanOrEqual(KILLS * 0.8);

    // Left alone, the station finishes the job.
    const last = serve();
    await last.ready;
    const db = await Database.open(join(dataDir, DATABASE_FILE));
    try {
      for (let waited = 0; (await countOutbox(db)).pending > 0; waited += 250) {
        if (waited > 120_000) throw new Error(`outbox still holds ${(await countOutbox(db)).pending} rows`);
        await sleep(250);
      }
      expect(await countOutbox(db)).toMatchObject({ pending: 0, rejected: 0 });
    } finally {
      await db.close();
      last.child.kill('SIGTERM');
      await last.exited;
    }
    for (const fo of peer.emulator.state.fulfillmentOrders.values()) {
      expect(fo.fulfillmentIds, `FO ${fo.id}`).toHaveLength(1);
      expect(fo.status).toBe('CLOSED');
      expect(fo.holds.filter((h) => h.byThisApp)).toEqual([]);
    }
    expect(fulfilled()).toBe(ORDERS);
  }, 600_000);
});
