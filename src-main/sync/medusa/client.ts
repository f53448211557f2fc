/** The Admin API calls the adapter makes, each a validated request (http.ts). */
import type { SyncResult } from '../adapter';
import { medusaRequest, type MedusaHttpOptions, type QueryValue } from './http';
import { AnyObjectSchema, OrderChangeListSchema, OrderEnvelopeSchema, ReturnEnvelopeSchema, ReturnOrderListSchema, type MedusaOrder, type MedusaReturn, type ReturnOrder } from './schemas';
import type { z } from 'zod';

/** What an order read for the bench needs: lines with what is fulfilled, address, our metadata, fulfilments. */
export const ORDER_FIELDS = [
  'id', 'display_id', 'status', 'email', 'metadata', 'created_at', 'updated_at',
  '*items', 'items.detail.fulfilled_quantity', 'items.variant.weight',
  '*shipping_address', 'shipping_methods.name',
].join(',');

export const ORDER_WITH_FULFILMENTS_FIELDS = `${ORDER_FIELDS},*fulfillments,*fulfillments.labels,*fulfillments.items`;

/**
 * Two Medusa 2.21.2 faults shape this (both answer 500, measured): `order.items.<field>` fails in
 * @medusajs/order transform-order.js ("reading 'unit_price'"), so titles and SKUs come through the
 * return item's own `item` link; and any `order.<field>` together with the list's `order=updated_at`
 * sort fails in MikroORM ("not existing property Order.name"), so the list reads returns alone and
 * the orders' numbers and names come in one more request (RETURN_ORDER_FIELDS).
 */
export const RETURN_FIELDS = [
  'id', 'display_id', 'status', 'location_id', 'order_id', 'created_at', 'updated_at',
  '*items', '*items.reason', 'items.item.title', 'items.item.variant_sku',
].join(',');

export const RETURN_ORDER_FIELDS = 'id,display_id,*shipping_address';

export class MedusaClient {
  constructor(private readonly http: MedusaHttpOptions) {}

  request<S extends z.ZodType>(method: 'GET' | 'POST' | 'DELETE', path: string, schema: S, options: { query?: Record<string, QueryValue | undefined>; body?: unknown } = {}): Promise<SyncResult<z.infer<S>>> {
    return medusaRequest(this.http, { method, path, schema, ...options });
  }

  /** null when Medusa says 404. */
  async order(id: string, fields = ORDER_WITH_FULFILMENTS_FIELDS): Promise<SyncResult<MedusaOrder | null>> {
    const result = await this.request('GET', `admin/orders/${encodeURIComponent(id)}`, OrderEnvelopeSchema, { query: { fields } });
    if (!result.ok) return result.code === 'sync.not-found' ? { ok: true, value: null } : result;
    return { ok: true, value: result.value.order };
  }

  async returnRecord(id: string): Promise<SyncResult<MedusaReturn | null>> {
    const result = await this.request('GET', `admin/returns/${encodeURIComponent(id)}`, ReturnEnvelopeSchema, { query: { fields: `${RETURN_FIELDS},order.display_id` } });
    if (!result.ok) return result.code === 'sync.not-found' ? { ok: true, value: null } : result;
    return { ok: true, value: result.value.return };
  }

  /** Number and shipping name of the orders some returns belong to, by id. */
  async returnOrders(orderIds: readonly string[]): Promise<SyncResult<Map<string, ReturnOrder>>> {
    if (orderIds.length === 0) return { ok: true, value: new Map() };
    const result = await this.request('GET', 'admin/orders', ReturnOrderListSchema, { query: { id: [...new Set(orderIds)], fields: RETURN_ORDER_FIELDS, limit: orderIds.length } });
    if (!result.ok) return result;
    return { ok: true, value: new Map(result.value.orders.map((order) => [order.id, order])) };
  }

  orderChanges(orderId: string) {
    return this.request('GET', `admin/orders/${encodeURIComponent(orderId)}/changes`, OrderChangeListSchema, {
      query: { fields: 'id,change_type,status,return_id,internal_note' },
    });
  }

  post(path: string, body: unknown) {
    return this.request('POST', path, AnyObjectSchema, { body });
  }
}
