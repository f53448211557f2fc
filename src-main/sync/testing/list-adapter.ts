/** A platform that serves fixed lists, paged and filtered by updated-at like the real APIs, for pull tests. */
import type { Page, PullRequest, RemoteOrder, RemoteProduct, RemoteReturn, SyncResult } from '../adapter';
import { FakePlatform } from './fake-adapter';

export class ListPlatform extends FakePlatform {
  orders: RemoteOrder[] = [];
  returns: RemoteReturn[] = [];
  products: RemoteProduct[] = [];
  pageSize = 2;
  /** Every request the station made, to check cursors and overlap. */
  readonly requests: { resource: string; request: PullRequest }[] = [];

  override async pullOrders(request: PullRequest): Promise<SyncResult<Page<RemoteOrder>>> {
    return this.#page('orders', this.orders, request);
  }
  override async pullReturns(request: PullRequest): Promise<SyncResult<Page<RemoteReturn>>> {
    return this.#page('returns', this.returns, request);
  }
  override async pullProducts(request: PullRequest): Promise<SyncResult<Page<RemoteProduct>>> {
    return this.#page('products', this.products, request);
  }

  #page<T extends { updatedAt: string }>(resource: string, all: readonly T[], request: PullRequest): SyncResult<Page<T>> {
    this.requests.push({ resource, request });
    if (this.failure) return this.failure;
    const matching = all.filter((x) => request.since === null || x.updatedAt >= request.since).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    const start = request.page === null ? 0 : Number(request.page);
    const items = matching.slice(start, start + this.pageSize);
    const next = start + this.pageSize < matching.length ? String(start + this.pageSize) : null;
    return { ok: true, value: { items, next } };
  }
}

export function remoteOrder(n: number, updatedAt: string, patch: Partial<RemoteOrder> = {}): RemoteOrder {
  return {
    externalId: `gid://shopify/FulfillmentOrder/${n}`,
    number: `#${n}`,
    state: 'open',
    customerName: 'Lucía Pérez',
    email: 'lucia@example.com',
    shipTo: { name: 'Lucía Pérez', line1: 'Av. Corrientes 1234', line2: null, city: 'Buenos Aires', region: 'CABA', postalCode: 'C1043', country: 'AR' },
    carrier: 'OCA',
    service: 'Estándar',
    priority: 0,
    shipBy: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt,
    lines: [
      { externalId: `gid://shopify/FulfillmentOrderLineItem/${n}1`, sku: 'SKU-A', title: 'Mate', variant: null, quantity: 2, barcode: '7791234567898', unitWeightMg: 250_000 },
      { externalId: `gid://shopify/FulfillmentOrderLineItem/${n}2`, sku: 'SKU-B', title: 'Bombilla', variant: 'Plata', quantity: 1, barcode: null, unitWeightMg: null },
    ],
    ...patch,
  };
}
