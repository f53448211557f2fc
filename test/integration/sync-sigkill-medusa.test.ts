/**
 * Issue #5, reliability, against a real Medusa 2.21.2 on PostgreSQL (test/peers/medusa): the station
 * (`bancada serve`) is SIGKILLed 50 times at random points while it delivers claims and fulfilments,
 * then left to finish; on the Medusa server every order has exactly one live fulfilment.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformFactories } from '../../src-main/sync/platforms';
import { createOrder, fulfilmentsOf, PeerAdmin, seedStore, startMedusaPeer, type MedusaPeer } from '../peers/medusa';
import { configureStore, deliveredRows, killRepeatedly, pullAndComplete, requireBuiltCli, runToCompletion } from './sigkill-harness';

const ORDERS = 40;
const KILLS = 50;
const SEED = Number(process.env.BANCADA_KILL_SEED ?? 20261123);
let peer: MedusaPeer;
let admin: PeerAdmin;
let dataDir: string;
const orderIds: string[] = [];

beforeAll(async () => {
  requireBuiltCli();
  peer = await startMedusaPeer();
  admin = new PeerAdmin(peer);
  const store = await seedStore(admin);
  for (let i = 0; i < ORDERS; i++) orderIds.push(await createOrder(admin, store, [{ variantId: store.products[i % 2]!.variantId, quantity: 1 }]));
  dataDir = await mkdtemp(join(tmpdir(), 'bancada-sigkill-medusa-'));
  await configureStore(dataDir, ['--platform', 'medusa', '--base-url', peer.baseUrl, '--location', store.stockLocationId], { kind: 'medusa-api-key', apiKey: peer.apiKey });
  expect(await pullAndComplete(dataDir, platformFactories({}), 'MKILL')).toBe(ORDERS);
}, 900_000);

afterAll(async () => {
  await peer?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function liveFulfilments(): Promise<number[]> {
  return Promise.all(orderIds.map(async (id) => (await fulfilmentsOf(admin, id)).filter((f) => f.canceledAt === null).length));
}

describe('SIGKILL during outbox delivery to Medusa', () => {
  it(`loses and repeats nothing across ${KILLS} kills at random points (seed ${SEED})`, async () => {
    // Progress from the station's own outbox (two rows per order); the server is read once, at the end.
    const delivered = () => deliveredRows(dataDir);
    // Medusa takes longer per operation than the emulator: a longer window lets each run deliver some.
    const report = await killRepeatedly(dataDir, {}, KILLS, SEED, delivered, ORDERS * 2, { minMs: 300, maxMs: 1500 });
    console.log(`sigkill medusa: ${report.kills} kills, ${report.midDelivery} before delivery was complete, ${report.progressed} after progress; ${await delivered()}/${ORDERS * 2} operations recorded as delivered when the last one landed`);
    expect(report.midDelivery).toBeGreaterThanOrEqual(KILLS / 2);
    expect(report.progressed).toBeGreaterThanOrEqual(5);
    await runToCompletion(dataDir, {});
    expect(await liveFulfilments()).toEqual(orderIds.map(() => 1));
  }, 900_000);
});
