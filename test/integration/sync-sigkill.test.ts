/**
 * Issue #5, reliability: the station is killed (SIGKILL) at random points while its outbox is being
 * delivered, 50 times, then left to finish — and the Shopify emulator holds exactly one fulfilment per
 * order: nothing lost, nothing applied twice. The station is the real `bancada serve` process (the
 * built CLI); the store is the emulator in this process, reached through BANCADA_SHOPIFY_ENDPOINT.
 * The same test against a real Medusa server: sync-sigkill-medusa.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformFactories } from '../../src-main/sync/platforms';
import { startPeer, type Peer } from '../peers/shopify/harness';
import { configureStore, killRepeatedly, pullAndComplete, requireBuiltCli, runToCompletion } from './sigkill-harness';

const ORDERS = 120;
const KILLS = 50;
const SEED = Number(process.env.BANCADA_KILL_SEED ?? 20261123);
let peer: Peer;
let dataDir: string;

beforeAll(async () => {
  requireBuiltCli();
  peer = await startPeer({ bucket: { maximumAvailable: 1_000_000, restoreRate: 100_000 } });
  for (let i = 0; i < ORDERS; i++) peer.emulator.state.addOrder(peer.locationId, [{ sku: `SKU-${i % 5}`, quantity: 1 }, { sku: 'SKU-X', quantity: 2 }]);
  dataDir = await mkdtemp(join(tmpdir(), 'bancada-sigkill-'));
  await configureStore(dataDir, ['--platform', 'shopify', '--shop-domain', peer.emulator.shopDomain, '--location', peer.locationGid], { kind: 'shopify-token', accessToken: peer.emulator.accessToken });
  expect(await pullAndComplete(dataDir, platformFactories({ BANCADA_SHOPIFY_ENDPOINT: peer.emulator.url }), 'KILL')).toBe(ORDERS);
}, 120_000);

afterAll(async () => {
  await peer?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('SIGKILL during outbox delivery to Shopify', () => {
  it(`loses and repeats nothing across ${KILLS} kills at random points (seed ${SEED})`, async () => {
    // Every mutation takes a while on the "store", so kills land before, during and after it.
    for (const operation of ['FulfillmentCreate', 'FulfillmentOrderHold', 'FulfillmentOrderReleaseHold']) peer.emulator.faults.inject({ kind: 'delay', ms: 35 }, { operation, times: 1_000_000 });
    const env = { BANCADA_SHOPIFY_ENDPOINT: peer.emulator.url };
    const fulfilled = () => peer.emulator.state.fulfillments.size;
    const report = await killRepeatedly(dataDir, env, KILLS, SEED, fulfilled, ORDERS);
    console.log(`sigkill shopify: ${report.kills} kills, ${report.midDelivery} before the store had everything, ${report.progressed} after progress; ${fulfilled()}/${ORDERS} orders fulfilled when the last one landed`);
    expect(report.midDelivery).toBe(KILLS);
    expect(report.progressed).toBeGreaterThanOrEqual(5);

    await runToCompletion(dataDir, env);
    for (const fo of peer.emulator.state.fulfillmentOrders.values()) {
      expect(fo.fulfillmentIds, `FO ${fo.id}`).toHaveLength(1);
      expect(fo.status).toBe('CLOSED');
      expect(fo.holds.filter((h) => h.byThisApp)).toEqual([]);
    }
    expect(fulfilled()).toBe(ORDERS);
  }, 600_000);
});
