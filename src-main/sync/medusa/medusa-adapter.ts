/**
 * The Medusa v2 Admin API as a SyncAdapter (adapter.ts). Work for one stock location: Medusa orders
 * carry no location, so the orders pulled are those of the sales channel(s) the stock location
 * serves (or the configured one), and every fulfillment is made at the configured location.
 * Pagination is keyset-style over `updated_at` (keyset.ts): an offset into a list that changes
 * while it is paged skips records.
 */
import type { ConnectionInfo, Page, PullRequest, PushResult, RemoteOrder, RemoteProduct, RemoteReturn, SyncAdapter, SyncResult } from '../adapter';
import type { OutboxOperation } from '../operations';
import { MedusaClient, ORDER_FIELDS, RETURN_FIELDS } from './client';
import type { MedusaConfig } from './config';
import { failure, type MedusaHttpOptions } from './http';
import { keysetPage } from './keyset';
import { toRemoteOrder, toRemoteProducts, toRemoteReturn } from './map';
import { pushFulfil } from './push-fulfil';
import { pushOrderFlag } from './push-order-flags';
import { pushDispose, pushReceive } from './push-return';
import { OrderListSchema, ProductListSchema, ReturnListSchema, StockLocationEnvelopeSchema, StockLocationListSchema, StoreListSchema } from './schemas';

export class MedusaAdapter implements SyncAdapter {
  readonly platform = 'medusa' as const;
  private readonly client: MedusaClient;
  private channels: readonly string[] | null = null;

  constructor(private readonly config: MedusaConfig, http: MedusaHttpOptions) {
    this.client = new MedusaClient(http);
  }

  async testConnection(): Promise<SyncResult<ConnectionInfo>> {
    const stores = await this.client.request('GET', 'admin/stores', StoreListSchema, { query: { fields: 'id,name' } });
    if (!stores.ok) return stores;
    const locations = await this.client.request('GET', 'admin/stock-locations', StockLocationListSchema, { query: { fields: 'id,name', limit: 200 } });
    if (!locations.ok) return locations;
    const store = stores.value.stores[0];
    if (!store) return failure('sync.malformed-response', 'GET admin/stores: Medusa listed no store', false);
    return { ok: true, value: { storeName: store.name, locations: locations.value.stock_locations.map(({ id, name }) => ({ id, name })) } };
  }

  /** The configured channel, or those the stock location serves (read once). */
  private async salesChannels(locationId: string): Promise<SyncResult<readonly string[]>> {
    if (this.config.salesChannelId) return { ok: true, value: [this.config.salesChannelId] };
    if (this.channels) return { ok: true, value: this.channels };
    const location = await this.client.request('GET', `admin/stock-locations/${encodeURIComponent(locationId)}`, StockLocationEnvelopeSchema, { query: { fields: 'id,name,*sales_channels' } });
    if (!location.ok) return location;
    const ids = (location.value.stock_location.sales_channels ?? []).map((channel) => channel.id);
    if (ids.length === 0) return failure('sync.not-configured', `stock location ${locationId} serves no sales channel in Medusa, so no order can be shipped from it`, false);
    this.channels = ids;
    return { ok: true, value: ids };
  }

  private location(request: PullRequest | null): SyncResult<string> {
    const id = request?.locationId ?? this.config.stockLocationId;
    return id ? { ok: true, value: id } : failure('sync.not-configured', 'no Medusa stock location chosen for this station yet', false);
  }

  async pullOrders(request: PullRequest): Promise<SyncResult<Page<RemoteOrder>>> {
    const location = this.location(request);
    if (!location.ok) return location;
    const channels = await this.salesChannels(location.value);
    if (!channels.ok) return channels;
    const listed = await keysetPage(request.page, request.since, this.config.pageSize, async (paging) => {
      const answer = await this.client.request('GET', 'admin/orders', OrderListSchema, {
        query: {
          fields: ORDER_FIELDS,
          sales_channel_id: channels.value,
          // A first pull wants work to do; an incremental one must also see cancellations and completions.
          status: request.since === null ? ['pending', 'requires_action'] : undefined,
          ...paging,
        },
      });
      return answer.ok ? { ok: true, value: { rows: answer.value.orders, count: answer.value.count } } : answer;
    });
    if (!listed.ok) return listed;
    return { ok: true, value: { items: listed.value.rows.map(toRemoteOrder), next: listed.value.next } };
  }

  async pullReturns(request: PullRequest): Promise<SyncResult<Page<RemoteReturn>>> {
    const location = this.location(request);
    if (!location.ok) return location;
    const locationId = location.value;
    const listed = await keysetPage(request.page, request.since, this.config.pageSize, async (paging) => {
      const answer = await this.client.request('GET', 'admin/returns', ReturnListSchema, {
        query: { fields: RETURN_FIELDS, status: request.since === null ? ['requested', 'partially_received'] : undefined, ...paging },
      });
      return answer.ok ? { ok: true, value: { rows: answer.value.returns, count: answer.value.count } } : answer;
    });
    if (!listed.ok) return listed;
    const { rows: returns, next } = listed.value;
    // Returns name the location they come back to; one without a location may come here too.
    const here = returns.filter((record) => !record.location_id || record.location_id === locationId);
    const orders = await this.client.returnOrders(here.map((record) => record.order_id));
    if (!orders.ok) return orders;
    const items = here.map((record) => toRemoteReturn(record, orders.value.get(record.order_id)));
    return { ok: true, value: { items, next } };
  }

  async pullProducts(request: PullRequest): Promise<SyncResult<Page<RemoteProduct>>> {
    const listed = await keysetPage(request.page, request.since, this.config.pageSize, async (paging) => {
      const answer = await this.client.request('GET', 'admin/products', ProductListSchema, {
        query: { fields: 'id,title,thumbnail,updated_at,variants.id,variants.title,variants.sku,variants.barcode,variants.ean,variants.upc,variants.weight,variants.updated_at', ...paging },
      });
      return answer.ok ? { ok: true, value: { rows: answer.value.products, count: answer.value.count } } : answer;
    });
    if (!listed.ok) return listed;
    return { ok: true, value: { items: listed.value.rows.flatMap(toRemoteProducts), next: listed.value.next } };
  }

  async getOrder(externalId: string): Promise<SyncResult<RemoteOrder | null>> {
    const read = await this.client.order(externalId, ORDER_FIELDS);
    if (!read.ok) return read;
    return { ok: true, value: read.value ? toRemoteOrder(read.value) : null };
  }

  async push(op: OutboxOperation): Promise<PushResult> {
    const { payload } = op;
    switch (payload.kind) {
      case 'order.fulfil': {
        const location = this.location(null);
        return location.ok ? pushFulfil({ client: this.client, stockLocationId: location.value }, op, payload) : location;
      }
      case 'order.claim':
      case 'order.hold':
      case 'order.release':
        return pushOrderFlag(this.client, op, payload);
      case 'return.receive':
        return pushReceive(this.client, payload);
      case 'return.dispose':
        return pushDispose(this.client, op, payload);
      default: {
        const unknown: never = payload;
        return failure('sync.unsupported-operation', `Medusa adapter: no operation ${(unknown as { kind?: string }).kind ?? '?'}`, false);
      }
    }
  }

  async close(): Promise<void> {
    // Nothing held: every request uses the injected fetch and its own timeout signal.
  }
}
