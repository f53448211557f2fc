/**
 * The embedded demo store: the platform a station talks to when no real store is configured. Orders
 * keep arriving, returns come in, fulfilments and return decisions are accepted — all in its own
 * SQLite file — so a fresh install is fully usable offline and trainees practise without touching
 * real orders. It implements SyncAdapter like Shopify and Medusa, so the station exercises the same
 * pull and outbox paths in demo mode as in production.
 */
import { Database, type Queryable } from '../../db/database';
import type { DemoData, DemoProduct } from '../../demo/demo-data';
import type { ConnectionInfo, Page, PullRequest, PushResult, RemoteOrder, RemoteProduct, RemoteReturn, SyncAdapter, SyncResult } from '../adapter';
import type { OutboxOperation, OutboxPayload } from '../operations';
import { arrivingOrder, arrivingReturn, seedOrder, seedReturn, type StoredOrder } from './demo-records';
import { countOperations, createDemoStoreSchema, findOperation, getMeta, getRecord, listOrderIdsInState, listRecords, putRecord, recordOperation, setMeta } from './demo-store-db';

export const DEMO_STORE_FILE = 'demo-store.sqlite';
export const DEMO_LOCATION = { id: 'demo-location-1', name: 'Depósito Central' } as const;

export interface DemoStoreOptions {
  /** Loaded only when the store file is new (seeding) or orders arrive. */
  readonly data: () => Promise<DemoData>;
  readonly now?: () => Date;
  readonly random?: () => number;
  /** A new order arrives this often while the station pulls (default 4 minutes; 0 turns arrivals off). */
  readonly arrivalEveryMs?: number;
  /** Every n-th arrival also brings a return of something shipped (default 3). */
  readonly returnEveryArrivals?: number;
  readonly pageSize?: number;
}

type Failure = Extract<PushResult, { ok: false }>;
const reject = (code: Failure['code'], message: string): Failure => ({ ok: false, code, message, retryable: false });

export class DemoStore implements SyncAdapter {
  readonly platform = 'demo' as const;
  readonly #db: Database;
  readonly #options: DemoStoreOptions;
  #data: DemoData | null = null;

  private constructor(db: Database, options: DemoStoreOptions) {
    this.#db = db;
    this.#options = options;
  }

  /** Opens (and on first use seeds) the store file. */
  static async open(file: string, options: DemoStoreOptions): Promise<DemoStore> {
    const db = await Database.open(file);
    try {
      await createDemoStoreSchema(db);
      const store = new DemoStore(db, options);
      await store.#seedOnce();
      return store;
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  async testConnection(): Promise<SyncResult<ConnectionInfo>> {
    return { ok: true, value: { storeName: 'Bancada demo store', locations: [DEMO_LOCATION] } };
  }

  async pullOrders(request: PullRequest): Promise<SyncResult<Page<RemoteOrder>>> {
    await this.#arrivals();
    const page = await this.#page<StoredOrder>('store_orders', request);
    return { ok: true, value: { items: page.items.map(served), next: page.next } };
  }

  async pullReturns(request: PullRequest): Promise<SyncResult<Page<RemoteReturn>>> {
    return { ok: true, value: await this.#page<RemoteReturn>('store_returns', request) };
  }

  /** The demo catalog is seeded into the station with everything else; nothing to pull. */
  async pullProducts(): Promise<SyncResult<Page<RemoteProduct>>> {
    return { ok: true, value: { items: [], next: null } };
  }

  async getOrder(externalId: string): Promise<SyncResult<RemoteOrder | null>> {
    const order = await getRecord<StoredOrder>(this.#db, 'store_orders', externalId);
    return { ok: true, value: order ? served(order) : null };
  }

  async push(op: OutboxOperation): Promise<PushResult> {
    return this.#db.transaction(async (tx) => {
      const seen = await findOperation(tx, op.idempotencyKey);
      if (seen) return { ok: true, remoteRef: `${seen.kind}:${seen.subject}`, alreadyApplied: true };
      const result = await this.#apply(tx, op.payload);
      if (result.ok) await recordOperation(tx, op.idempotencyKey, op.payload.kind, subjectOf(op.payload), op.payload, this.#now().toISOString());
      return result;
    });
  }

  /** For tests: the customer cancels an order (a packer who has it open is interrupted at the next pull). */
  async cancelOrder(externalId: string): Promise<boolean> {
    return (await this.simulateCustomer(externalId, 'cancelled')).outcome === 'changed';
  }

  /**
   * For trainers (Supervisor → Store → Training) and tests: the customer cancels an order, or the
   * shop puts it on hold, as would happen on a real platform while the order is being packed. The
   * number is taken as typed or scanned, with or without its "#". `already`: it was in that state.
   */
  async simulateCustomer(orderNumber: string, change: 'cancelled' | 'on-hold'): Promise<{ outcome: 'changed' | 'already' | 'not-found' | 'closed'; orderNumber: string }> {
    const typed = orderNumber.trim();
    const candidates = typed.startsWith('#') ? [typed] : [typed, `#${typed}`];
    return this.#db.transaction(async (tx) => {
      for (const candidate of candidates) {
        const order = await getRecord<StoredOrder>(tx, 'store_orders', candidate);
        if (!order) continue;
        if (order.state === change) return { outcome: 'already', orderNumber: order.number };
        if (order.state === 'fulfilled' || order.state === 'cancelled') return { outcome: 'closed', orderNumber: order.number };
        await this.#saveOrder(tx, { ...order, state: change });
        return { outcome: 'changed', orderNumber: order.number };
      }
      return { outcome: 'not-found', orderNumber: typed };
    });
  }

  /** How many operations of a kind the store accepted (tests check exactly-once with it). */
  countApplied(kind?: OutboxPayload['kind']): Promise<number> {
    return countOperations(this.#db, kind);
  }

  async close(): Promise<void> {
    await this.#db.close();
  }

  async #apply(q: Queryable, payload: OutboxPayload): Promise<PushResult> {
    switch (payload.kind) {
      case 'order.claim':
      case 'order.release':
      case 'order.hold': {
        const order = await getRecord<StoredOrder>(q, 'store_orders', payload.orderExternalId);
        if (!order) return reject('sync.not-found', `the demo store has no order ${payload.orderNumber}`);
        if (order.state === 'cancelled' || order.state === 'fulfilled') return reject('sync.rejected', `order ${payload.orderNumber} is ${order.state} in the demo store`);
        if (payload.kind === 'order.hold') await this.#saveOrder(q, { ...order, state: 'on-hold' });
        // Like Shopify (push-hold.ts releaseClaims): a release lifts only the holds the station placed
        // and names, never one the shop put on (a trainer's "customer holds the order").
        if (payload.kind === 'order.release' && order.state === 'on-hold' && (await namesOwnHold(q, payload.holdKeys ?? [], order.externalId))) await this.#saveOrder(q, { ...order, state: 'open' });
        return done(payload.kind, order.externalId);
      }
      case 'order.fulfil':
        return this.#fulfil(q, payload);
      case 'return.receive':
      case 'return.dispose': {
        const ret = await getRecord<RemoteReturn>(q, 'store_returns', payload.returnExternalId);
        if (!ret) return reject('sync.not-found', `the demo store has no return ${payload.returnExternalId}`);
        const known = new Set(ret.items.map((i) => i.externalId));
        const unknown = payload.items.find((i) => !known.has(i.itemExternalId));
        if (unknown) return reject('sync.rejected', `return ${ret.rmaNumber} has no item ${unknown.itemExternalId}`);
        const state = payload.kind === 'return.receive' ? 'received' : 'closed';
        await putRecord(q, 'store_returns', ret.externalId, this.#now().toISOString(), { ...ret, state, updatedAt: this.#now().toISOString() });
        return done(payload.kind, ret.externalId);
      }
    }
  }

  async #fulfil(q: Queryable, payload: Extract<OutboxPayload, { kind: 'order.fulfil' }>): Promise<PushResult> {
    const order = await getRecord<StoredOrder>(q, 'store_orders', payload.orderExternalId);
    if (!order) return reject('sync.not-found', `the demo store has no order ${payload.orderNumber}`);
    if (order.state === 'cancelled') return reject('sync.rejected', `order ${payload.orderNumber} was cancelled by the customer`);
    const fulfilled: Record<string, number> = { ...order.fulfilled };
    for (const pkg of payload.packages) {
      for (const line of pkg.lines) {
        const ordered = order.lines.find((l) => l.externalId === line.lineExternalId);
        if (!ordered) return reject('sync.rejected', `order ${payload.orderNumber} has no line ${line.lineExternalId}`);
        const total = (fulfilled[line.lineExternalId] ?? 0) + line.quantity;
        if (total > ordered.quantity) return reject('sync.rejected', `order ${payload.orderNumber} line ${ordered.sku}: ${total} units fulfilled, ${ordered.quantity} ordered`);
        fulfilled[line.lineExternalId] = total;
      }
    }
    const complete = order.lines.every((l) => (fulfilled[l.externalId] ?? 0) >= l.quantity);
    await this.#saveOrder(q, { ...order, fulfilled, state: complete ? 'fulfilled' : order.state });
    return done('order.fulfil', order.externalId);
  }

  async #page<T>(table: 'store_orders' | 'store_returns', request: PullRequest): Promise<Page<T>> {
    const size = this.#options.pageSize ?? 100;
    const offset = request.page === null ? 0 : Number.parseInt(request.page, 10) || 0;
    const items = await listRecords<T>(this.#db, table, request.since, offset, size + 1);
    return { items: items.slice(0, size), next: items.length > size ? String(offset + size) : null };
  }

  async #saveOrder(q: Queryable, order: StoredOrder): Promise<void> {
    const updatedAt = this.#now().toISOString();
    await putRecord(q, 'store_orders', order.externalId, updatedAt, { ...order, updatedAt });
  }

  async #seedOnce(): Promise<void> {
    if ((await getMeta(this.#db, 'seededAt')) !== null) return;
    const data = await this.#loadData();
    const now = this.#now();
    const bySku = new Map<string, DemoProduct>(data.products.map((p) => [p.sku, p]));
    await this.#db.transaction(async (tx) => {
      for (const o of data.orders) await putRecord(tx, 'store_orders', o.number, now.toISOString(), seedOrder(o, bySku, now));
      for (const r of data.returns) await putRecord(tx, 'store_returns', r.rmaNumber, now.toISOString(), seedReturn(r, bySku, now));
      await setMeta(tx, 'seededAt', now.toISOString());
      await setMeta(tx, 'lastArrivalAt', now.toISOString());
      await setMeta(tx, 'arrivals', '0');
    });
  }

  /** Orders that arrived since the last look (at most three at once: a station back from a weekend is not flooded). */
  async #arrivals(): Promise<void> {
    const every = this.#options.arrivalEveryMs ?? 4 * 60_000;
    if (every <= 0) return;
    const now = this.#now();
    const last = Date.parse((await getMeta(this.#db, 'lastArrivalAt')) ?? now.toISOString());
    const due = Math.min(3, Math.floor((now.getTime() - last) / every));
    if (due <= 0) return;
    const data = await this.#loadData();
    const random = this.#options.random ?? Math.random;
    await this.#db.transaction(async (tx) => {
      let arrivals = Number((await getMeta(tx, 'arrivals')) ?? '0');
      for (let i = 0; i < due; i++) {
        arrivals++;
        const order = arrivingOrder(arrivals, data, random, now);
        await putRecord(tx, 'store_orders', order.externalId, now.toISOString(), order);
        if (arrivals % (this.#options.returnEveryArrivals ?? 3) === 0) {
          const [shippedId] = await listOrderIdsInState(tx, 'fulfilled', 1);
          const shipped = shippedId ? await getRecord<StoredOrder>(tx, 'store_orders', shippedId) : null;
          if (shipped) {
            const ret = arrivingReturn(arrivals, shipped, random, now);
            await putRecord(tx, 'store_returns', ret.externalId, now.toISOString(), ret);
          }
        }
      }
      await setMeta(tx, 'arrivals', String(arrivals));
      await setMeta(tx, 'lastArrivalAt', new Date(last + due * every).toISOString());
    });
  }

  async #loadData(): Promise<DemoData> {
    this.#data ??= await this.#options.data();
    return this.#data;
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }
}

/** What the platform serves: units still to fulfil (all of them once fulfilled), without the store's bookkeeping. */
function served(order: StoredOrder): RemoteOrder {
  const { fulfilled, ...rest } = order;
  if (rest.state === 'fulfilled') return rest;
  return { ...rest, lines: rest.lines.map((l) => ({ ...l, quantity: l.quantity - (fulfilled[l.externalId] ?? 0) })).filter((l) => l.quantity > 0) };
}

async function namesOwnHold(q: Queryable, holdKeys: readonly string[], orderExternalId: string): Promise<boolean> {
  for (const key of holdKeys) {
    const hold = await findOperation(q, key);
    if (hold?.kind === 'order.hold' && hold.subject === orderExternalId) return true;
  }
  return false;
}

function done(kind: string, subject: string): PushResult {
  return { ok: true, remoteRef: `${kind}:${subject}`, alreadyApplied: false };
}

function subjectOf(payload: OutboxPayload): string {
  return 'orderExternalId' in payload ? payload.orderExternalId : payload.returnExternalId;
}
