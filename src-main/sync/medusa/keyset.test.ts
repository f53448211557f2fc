import { describe, expect, test } from 'vitest';
import type { RemoteOrder, SyncAdapter } from '../adapter';
import { createMedusaAdapter } from './index';
import { decodeToken } from './keyset';

interface FakeOrder {
  id: string;
  display_id: number;
  status: 'pending' | 'completed';
  created_at: string;
  updated_at: string;
}

/**
 * The platform boundary we do not own: `GET admin/orders` as Medusa 2.21.2 answers it — filters
 * (`status[]`, `updated_at[$gte|$lt]`), one sort field, offset/limit and `count`. Rows sharing an
 * `updated_at` come back in a different order on every request, as PostgreSQL is free to do with no
 * tie-breaker. `beforeList` runs before each answer: the store changing while the station pages.
 */
class FakeMedusa {
  readonly orders = new Map<string, FakeOrder>();
  readonly requests: URL[] = [];
  beforeList: (request: number) => void = () => undefined;
  private clock = Date.parse('2026-11-22T10:00:00.000Z');
  private shuffle = 0;

  add(count: number, sameInstant = false): void {
    const at = this.tick();
    for (let n = 0; n < count; n++) {
      const id = `order_${String(this.orders.size + 1).padStart(4, '0')}`;
      this.orders.set(id, { id, display_id: this.orders.size + 1, status: 'pending', created_at: at, updated_at: sameInstant ? at : this.tick() });
    }
  }

  update(id: string, change: Partial<FakeOrder> = {}): void {
    this.orders.set(id, { ...this.orders.get(id)!, ...change, updated_at: this.tick() });
  }

  private tick(): string {
    this.clock += 7;
    return new Date(this.clock).toISOString();
  }

  readonly fetch: typeof fetch = async (input) => {
    const url = new URL(String(input));
    this.requests.push(url);
    if (url.pathname !== '/admin/orders') return Response.json({ message: 'no such route' }, { status: 404 });
    this.beforeList(this.requests.length);
    const q = url.searchParams;
    const statuses = q.getAll('status[]');
    const from = q.get('updated_at[$gte]');
    const before = q.get('updated_at[$lt]');
    const matching = [...this.orders.values()].filter(
      (o) => (statuses.length === 0 || statuses.includes(o.status)) && (from === null || Date.parse(o.updated_at) >= Date.parse(from)) && (before === null || Date.parse(o.updated_at) < Date.parse(before)),
    );
    const flip = this.shuffle++ % 2 === 0 ? 1 : -1;
    const order = q.get('order');
    matching.sort(order === 'id' ? (a, b) => a.id.localeCompare(b.id) : (a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at) || flip * a.id.localeCompare(b.id));
    const offset = Number(q.get('offset') ?? 0);
    const limit = Number(q.get('limit') ?? 15);
    return Response.json({ orders: matching.slice(offset, offset + limit), count: matching.length, offset, limit });
  };
}

function adapterFor(store: FakeMedusa, pageSize: number): SyncAdapter {
  return createMedusaAdapter({ baseUrl: 'http://127.0.0.1:9000', apiKey: 'sk_4f1c2a9be0d34c7e8a6b5d1f0e2c3b4a', stockLocationId: 'sloc_1', salesChannelId: 'sc_1', pageSize, fetch: store.fetch });
}

async function pullAll(adapter: SyncAdapter, since: string | null = null): Promise<RemoteOrder[]> {
  const seen: RemoteOrder[] = [];
  let page: string | null = null;
  for (let n = 0; n < 1_000; n++) {
    const result = await adapter.pullOrders({ since, page, locationId: 'sloc_1' });
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    seen.push(...result.value.items);
    page = result.value.next;
    if (page === null) return seen;
  }
  throw new Error('the pull never ended');
}

const ids = (orders: readonly RemoteOrder[]) => [...new Set(orders.map((o) => o.externalId))].sort();

describe('Medusa pulls page by updated_at, not by offset', () => {
  test('every order once, in updated_at order, when nothing changes', async () => {
    const store = new FakeMedusa();
    store.add(11);
    const seen = await pullAll(adapterFor(store, 3));
    expect(seen.map((o) => o.externalId)).toEqual([...store.orders.keys()]);
    expect(store.requests).toHaveLength(4);
  });

  test('an order updated between two page requests does not push an unread order out of the pull', async () => {
    const store = new FakeMedusa();
    store.add(9);
    // After the first page (orders 1–3) the customer edits order 2: with offsets, order 4 slid into page one and was lost.
    store.beforeList = (request) => {
      if (request === 2) store.update('order_0002');
    };
    const seen = await pullAll(adapterFor(store, 3));
    expect(ids(seen)).toEqual([...store.orders.keys()].sort());
    expect(seen.filter((o) => o.externalId === 'order_0002').map((o) => o.updatedAt)).toEqual([expect.any(String), store.orders.get('order_0002')!.updated_at]);
  });

  test('an order leaving the first pull\'s filter (completed elsewhere) mid-pull skips nothing', async () => {
    const store = new FakeMedusa();
    store.add(8);
    store.beforeList = (request) => {
      if (request === 2) store.update('order_0001', { status: 'completed' });
    };
    const seen = await pullAll(adapterFor(store, 3));
    expect(ids(seen)).toEqual([...store.orders.keys()].filter((id) => id !== 'order_0001').concat('order_0001').sort());
  });

  test('more orders with one updated_at than a page holds are read through, even while some of them change', async () => {
    const store = new FakeMedusa();
    store.add(2);
    store.add(10, true);
    store.add(3);
    store.beforeList = (request) => {
      if (request === 3) store.update('order_0004');
      if (request === 5) store.update('order_0003');
    };
    const seen = await pullAll(adapterFor(store, 3));
    expect(ids(seen)).toEqual([...store.orders.keys()].sort());
    expect(seen.find((o) => o.externalId === 'order_0004' && o.updatedAt === store.orders.get('order_0004')!.updated_at)).toBeDefined();
    // The batch is read by id within its millisecond.
    expect(store.requests.some((url) => url.searchParams.get('order') === 'id' && url.searchParams.has('updated_at[$lt]'))).toBe(true);
  });

  test('random edits while paging never lose an order (seeded)', async () => {
    let seed = 20_261_122;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 40; round++) {
      const store = new FakeMedusa();
      for (let batch = 0; batch < 6; batch++) store.add(1 + Math.floor(random() * 6), random() < 0.5);
      const all = [...store.orders.keys()];
      store.beforeList = () => {
        if (random() < 0.6) store.update(all[Math.floor(random() * all.length)]!);
      };
      const seen = await pullAll(adapterFor(store, 1 + Math.floor(random() * 4)), '2026-11-22T09:00:00.000Z');
      expect(ids(seen), `round ${round}`).toEqual([...all].sort());
    }
  });

  test('the page token is opaque to the engine, and one it cannot read starts again from since', async () => {
    const store = new FakeMedusa();
    store.add(4);
    const adapter = adapterFor(store, 2);
    const first = await adapter.pullOrders({ since: null, page: null, locationId: 'sloc_1' });
    if (!first.ok) throw new Error(first.message);
    expect(decodeToken(first.value.next)).toMatchObject({ mode: 'after', at: store.orders.get('order_0002')!.updated_at, seen: ['order_0002'] });
    const garbled = await adapter.pullOrders({ since: null, page: '50', locationId: 'sloc_1' });
    expect(garbled.ok && garbled.value.items.map((o) => o.externalId)).toEqual(['order_0001', 'order_0002']);
  });
});
