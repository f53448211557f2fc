/**
 * Test harness: the emulator plus adapters wired to it. Tests that care about throttling share a
 * virtual clock between the emulator's bucket and the adapter's sleep, so budgets of minutes run in
 * milliseconds and stay deterministic; the rest use real time.
 */
import { createShopifyAdapter, type ShopifyAdapter } from '../../../src-main/sync/shopify';
import type { ShopifyAdapterConfig } from '../../../src-main/sync/shopify';
import type { OutboxPayload } from '../../../src-main/sync/operations';
import { gid } from './emulator/state';
import { startShopifyEmulator, type EmulatorOptions, type ShopifyEmulator } from './emulator/server';

export class VirtualClock {
  t = Date.parse('2026-11-23T09:00:00Z');
  slept = 0;
  readonly now = (): number => this.t;
  readonly sleep = async (ms: number): Promise<void> => {
    this.t += ms;
    this.slept += ms;
  };
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface Peer {
  readonly emulator: ShopifyEmulator;
  readonly locationGid: string;
  readonly locationId: number;
  adapter(overrides?: Partial<ShopifyAdapterConfig>): ShopifyAdapter;
  close(): Promise<void>;
}

export async function startPeer(options: EmulatorOptions & { clock?: () => number; virtual?: VirtualClock } = {}): Promise<Peer> {
  const virtual = options.virtual;
  const emulator = await startShopifyEmulator({ ...options, ...(virtual ? { clock: virtual.now } : {}) });
  const location = emulator.state.addLocation('Galpão Guarulhos');
  emulator.state.addLocation('Loja Paulista');
  emulator.state.addLocation('Old warehouse', false);
  const adapters: ShopifyAdapter[] = [];
  return {
    emulator,
    locationGid: gid('Location', location.id),
    locationId: location.id,
    adapter(overrides = {}) {
      const adapter = createShopifyAdapter({
        shopDomain: emulator.shopDomain,
        apiVersion: '2026-10',
        auth: { kind: 'token', token: emulator.accessToken },
        locationId: gid('Location', location.id),
        endpoint: emulator.url,
        ...(virtual ? { now: virtual.now, sleep: virtual.sleep } : {}),
        ...overrides,
      });
      adapters.push(adapter);
      return adapter;
    },
    async close() {
      await Promise.all(adapters.map((a) => a.close()));
      await emulator.close();
    },
  };
}

export const op = (idempotencyKey: string, payload: OutboxPayload) => ({
  idempotencyKey,
  payload,
  stationId: 'station-07',
  operatorId: 'op-1',
  createdAt: '2026-11-23T10:00:00Z',
});
