/** The Admin API calls the adapter makes, each a validated request (http.ts). */
import type { SyncResult } from '../adapter';
import { medusaRequest, type MedusaHttpOptions, type QueryValue } from './http';
import { AnyObjectSchema, OrderChangeListSchema, OrderEnvelopeSchema, ReturnEnvelopeSchema, type MedusaOrder, type MedusaReturn } from './schemas';
import type { z } from 'zod';

/** What an order read for the bench needs: lines with what is fulfilled, address, our metadata, fulfilments. */
export const ORDER_FIELDS = [
  'id', 'display_id', 'status', 'email', 'metadata', 'created_at', 'updated_at',
  '*items', 'items.detail.fulfilled_quantity', 'items.variant.weight',
  '*shipping_address', 'shipping_methods.name',
].join(',');

export const ORDER_WITH_FULFILMENTS_FIELDS = `${ORDER_FIELDS},*fulfillments,*fulfillments.labels,*fulfillments.items`;

export const RETURN_FIELDS = [
  'id', 'display_id', 'status', 'location_id', 'order_id', 'created_at', 'updated_at',
  '*items', '*items.reason', 'order.display_id', '*order.shipping_address', 'order.items.id', 'order.items.title', 'order.items.variant_sku',
].join(',');

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
    const result = await this.request('GET', `admin/returns/${encodeURIComponent(id)}`, ReturnEnvelopeSchema, { query: { fields: RETURN_FIELDS } });
    if (!result.ok) return result.code === 'sync.not-found' ? { ok: true, value: null } : result;
    return { ok: true, value: result.value.return };
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
