/**
 * Pure translations from validated Medusa records to the adapter's remote types. No I/O, no clock.
 *
 * Choices (Medusa has no direct equivalent):
 * - An order is "on-hold" when it carries our `bancada_hold` metadata (Medusa 2.21 has no hold: its
 *   order statuses are pending, completed, draft, archived, canceled, requires_action — see
 *   push-order-flags.ts).
 * - A line's quantity is what is left to fulfil: `quantity − detail.fulfilled_quantity`.
 * - Weights: Medusa's `weight` is unit-less; the storefront convention (and our seed) is grams.
 * - Returns: receiving a unit in Medusa *is* its disposition (received → restocked, dismissed →
 *   damaged, not restocked), so a fully received return is "closed"; a partially received one still
 *   has units to come and stays "expected" with only the remaining units listed.
 */
import type { RemoteAddress, RemoteOrder, RemoteOrderLine, RemoteOrderState, RemoteProduct, RemoteReturn, RemoteReturnState } from '../adapter';
import type { MedusaOrder, MedusaReturn, ReturnOrder } from './schemas';
import type { z } from 'zod';
import type { AddressSchema, ProductSchema } from './schemas';

export const HOLD_METADATA_KEY = 'bancada_hold';
export const FULFILMENT_METADATA_KEY = 'bancada_key';

type Address = z.infer<typeof AddressSchema>;

export function personName(address: Address | null | undefined): string {
  const name = [address?.first_name, address?.last_name].filter((part): part is string => !!part && part.trim() !== '').join(' ');
  return name || address?.company || '';
}

function toAddress(address: Address | null | undefined): RemoteAddress {
  return {
    name: personName(address),
    line1: address?.address_1 ?? '',
    line2: address?.address_2 || null,
    city: address?.city ?? '',
    region: address?.province || null,
    postalCode: address?.postal_code || null,
    country: (address?.country_code ?? '').toUpperCase(),
  };
}

export function gramsToMg(grams: number | null | undefined): number | null {
  return grams === null || grams === undefined ? null : Math.round(grams * 1_000);
}

export function remainingLines(order: MedusaOrder): RemoteOrderLine[] {
  return (order.items ?? [])
    .filter((item) => item.requires_shipping !== false)
    .map((item) => ({
      externalId: item.id,
      sku: item.variant_sku ?? '',
      title: item.title,
      variant: item.variant_title ?? item.subtitle ?? null,
      quantity: Math.max(0, item.quantity - (item.detail?.fulfilled_quantity ?? 0)),
      barcode: item.variant_barcode || null,
      unitWeightMg: gramsToMg(item.variant?.weight),
    }))
    .filter((line) => line.quantity > 0);
}

export function holdOf(order: Pick<MedusaOrder, 'metadata'>): { key: string; reason: string } | null {
  const hold = order.metadata?.[HOLD_METADATA_KEY];
  if (typeof hold !== 'object' || hold === null) return null;
  const { key, reason } = hold as Record<string, unknown>;
  return typeof key === 'string' ? { key, reason: typeof reason === 'string' ? reason : '' } : null;
}

export function orderState(order: MedusaOrder, lines: readonly RemoteOrderLine[]): RemoteOrderState {
  switch (order.status) {
    case 'canceled':
      return 'cancelled';
    case 'completed':
    case 'archived':
      return 'fulfilled';
    case 'draft':
      // Not an order yet (the admin list leaves drafts out; measured): nothing to pack.
      return 'on-hold';
    case 'pending':
    case 'requires_action':
      if (holdOf(order)) return 'on-hold';
      return lines.length === 0 && (order.items ?? []).length > 0 ? 'fulfilled' : 'open';
    default: {
      const never: never = order.status;
      return never;
    }
  }
}

export function toRemoteOrder(order: MedusaOrder): RemoteOrder {
  const lines = remainingLines(order);
  return {
    externalId: order.id,
    number: `#${order.display_id}`,
    state: orderState(order, lines),
    customerName: personName(order.shipping_address),
    email: order.email || null,
    shipTo: toAddress(order.shipping_address),
    carrier: order.shipping_methods?.[0]?.name ?? null,
    service: null,
    priority: 0,
    shipBy: null,
    createdAt: order.created_at,
    updatedAt: order.updated_at,
    lines,
  };
}

export function returnState(status: MedusaReturn['status']): RemoteReturnState {
  switch (status) {
    case 'open':
    case 'requested':
    case 'partially_received':
      return 'expected';
    case 'received':
      return 'closed';
    case 'canceled':
      return 'cancelled';
    default: {
      const never: never = status;
      return never;
    }
  }
}

/** `order`: the return's order (number, shipping name), read with the return or in a second request. */
export function toRemoteReturn(record: MedusaReturn, order: Pick<ReturnOrder, 'display_id' | 'shipping_address'> | null | undefined = record.order): RemoteReturn {
  return {
    externalId: record.id,
    rmaNumber: `R${record.display_id}`,
    orderExternalId: record.order_id,
    orderNumber: order ? `#${order.display_id}` : '',
    customerName: personName(order?.shipping_address),
    state: returnState(record.status),
    createdAt: record.created_at,
    updatedAt: record.updated_at,
    items: record.items
      .map((item) => ({
        externalId: item.item_id,
        sku: item.item?.variant_sku ?? '',
        title: item.item?.title ?? '',
        quantity: Math.max(0, item.quantity - (item.received_quantity ?? 0)),
        reason: item.reason?.label ?? null,
      }))
      .filter((item) => item.quantity > 0),
  };
}

export function toRemoteProducts(product: z.infer<typeof ProductSchema>): RemoteProduct[] {
  return (product.variants ?? []).map((variant) => ({
    externalId: variant.id,
    sku: variant.sku ?? '',
    title: product.title,
    variant: variant.title ?? null,
    barcodes: [...new Set([variant.barcode, variant.ean, variant.upc].filter((code): code is string => !!code && code.trim() !== ''))],
    unitWeightMg: gramsToMg(variant.weight),
    imageUrl: product.thumbnail || null,
    updatedAt: variant.updated_at > product.updated_at ? variant.updated_at : product.updated_at,
  }));
}
