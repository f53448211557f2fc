/**
 * Seeding and inspection helpers for the Medusa peer (not a test file itself): what a merchant and
 * their customers would do in Medusa's admin (a region, a stock location that ships, products with
 * stock, orders, cancellations, return requests), and reads of what the station's pushes did.
 * Endpoints and payloads as measured on 2.21.2 (store-platforms.md §3.1, "Endpoints used").
 * These talk to Medusa directly with the peer's secret key, never through the adapter under test.
 */
import type { MedusaPeer } from './medusa-peer';

export class PeerAdmin {
  private readonly auth: string;

  constructor(private readonly peer: Pick<MedusaPeer, 'baseUrl' | 'apiKey'>) {
    this.auth = `Basic ${Buffer.from(`${peer.apiKey}:`).toString('base64')}`;
  }

  async call<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.peer.baseUrl}${path}`, {
      method,
      headers: { authorization: this.auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`seed ${method} ${path}: HTTP ${response.status} ${text.slice(0, 600)}`);
    return JSON.parse(text) as T;
  }
}

export interface SeededProduct {
  readonly productId: string;
  readonly variantId: string;
  readonly inventoryItemId: string;
  readonly sku: string;
  readonly barcode: string;
  readonly title: string;
  readonly weightGrams: number;
}

export interface SeededStore {
  readonly regionId: string;
  readonly salesChannelId: string;
  readonly stockLocationId: string;
  readonly shippingOptionId: string;
  readonly returnShippingOptionId: string;
  readonly returnReasonId: string;
  readonly products: readonly SeededProduct[];
}

type Row = Record<string, unknown> & { id: string };

const CATALOG = [
  { title: 'Camiseta Algodão Azul', sku: 'CAM-AZ-M', barcode: '7891234567895', weightGrams: 180, stock: 400 },
  { title: 'Caneca Cerâmica 300 ml', sku: 'CAN-300-BR', barcode: '7894900011517', weightGrams: 320, stock: 250 },
  { title: 'Livro: Cem Anos de Solidão', sku: 'LIV-9788501012074', barcode: '9788501012074', weightGrams: 410, stock: 120 },
] as const;

async function seedShipping(admin: PeerAdmin, stockLocationId: string, salesChannelId: string) {
  await admin.call('POST', `/admin/stock-locations/${stockLocationId}/sales-channels`, { add: [salesChannelId] });
  await admin.call('POST', `/admin/stock-locations/${stockLocationId}/fulfillment-providers`, { add: ['manual_manual'] });
  const withSet = await admin.call<{ stock_location: { fulfillment_sets: Row[] } }>('POST', `/admin/stock-locations/${stockLocationId}/fulfillment-sets?fields=*fulfillment_sets`, { name: 'Bancada CD shipping', type: 'shipping' });
  const setId = withSet.stock_location.fulfillment_sets[0]!.id;
  const withZone = await admin.call<{ fulfillment_set: { service_zones: Row[] } }>('POST', `/admin/fulfillment-sets/${setId}/service-zones?fields=*service_zones`, { name: 'Brasil', geo_zones: [{ type: 'country', country_code: 'br' }] });
  const zoneId = withZone.fulfillment_set.service_zones[0]!.id;
  const profileId = (await admin.call<{ shipping_profiles: Row[] }>('GET', '/admin/shipping-profiles')).shipping_profiles[0]!.id;
  const option = async (isReturn: boolean) =>
    (await admin.call<{ shipping_option: Row }>('POST', '/admin/shipping-options', {
      name: isReturn ? 'Devolução Correios' : 'Correios PAC',
      service_zone_id: zoneId,
      shipping_profile_id: profileId,
      provider_id: 'manual_manual',
      price_type: 'flat',
      type: { label: isReturn ? 'Return' : 'PAC', description: isReturn ? 'Customer return' : 'Standard', code: isReturn ? 'return' : 'pac' },
      prices: [{ currency_code: 'brl', amount: 19.9 }],
      rules: [
        { attribute: 'enabled_in_store', value: 'true', operator: 'eq' },
        { attribute: 'is_return', value: isReturn ? 'true' : 'false', operator: 'eq' },
      ],
    })).shipping_option.id;
  return { profileId, shippingOptionId: await option(false), returnShippingOptionId: await option(true) };
}

async function seedProduct(admin: PeerAdmin, item: (typeof CATALOG)[number], ctx: { profileId: string; salesChannelId: string; stockLocationId: string }): Promise<SeededProduct> {
  const { product } = await admin.call<{ product: Row & { variants: (Row & { inventory_items: { inventory_item_id: string }[] })[] } }>(
    'POST',
    '/admin/products?fields=id,*variants,*variants.inventory_items',
    {
      title: item.title,
      status: 'published',
      shipping_profile_id: ctx.profileId,
      sales_channels: [{ id: ctx.salesChannelId }],
      options: [{ title: 'Padrão', values: ['Único'] }],
      variants: [{ title: 'Único', sku: item.sku, barcode: item.barcode, weight: item.weightGrams, manage_inventory: true, options: { Padrão: 'Único' }, prices: [{ currency_code: 'brl', amount: 49.9 }] }],
    },
  );
  const variant = product.variants[0]!;
  const inventoryItemId = variant.inventory_items[0]!.inventory_item_id;
  await admin.call('POST', `/admin/inventory-items/${inventoryItemId}/location-levels`, { location_id: ctx.stockLocationId, stocked_quantity: item.stock });
  return { productId: product.id, variantId: variant.id, inventoryItemId, sku: item.sku, barcode: item.barcode, title: item.title, weightGrams: item.weightGrams };
}

/** A store as a merchant sets one up: region BRL/BR, a shipping stock location, three products in stock. */
export async function seedStore(admin: PeerAdmin): Promise<SeededStore> {
  const salesChannelId = (await admin.call<{ sales_channels: Row[] }>('GET', '/admin/sales-channels')).sales_channels[0]!.id;
  const regionId = (await admin.call<{ region: Row }>('POST', '/admin/regions', { name: 'Brasil', currency_code: 'brl', countries: ['br'] })).region.id;
  const stockLocationId = (await admin.call<{ stock_location: Row }>('POST', '/admin/stock-locations', {
    name: 'CD Guarulhos',
    address: { address_1: 'Rodovia Presidente Dutra km 225', city: 'Guarulhos', country_code: 'br', postal_code: '07034-911' },
  })).stock_location.id;
  const shipping = await seedShipping(admin, stockLocationId, salesChannelId);
  const products: SeededProduct[] = [];
  for (const item of CATALOG) products.push(await seedProduct(admin, item, { profileId: shipping.profileId, salesChannelId, stockLocationId }));
  const returnReasonId = (await admin.call<{ return_reason: Row }>('POST', '/admin/return-reasons', { value: 'wrong_size', label: 'Tamanho errado' })).return_reason.id;
  return { regionId, salesChannelId, stockLocationId, shippingOptionId: shipping.shippingOptionId, returnShippingOptionId: shipping.returnShippingOptionId, returnReasonId, products };
}

/** A customer's order (draft order converted, as Medusa's admin does it), lines by variant. */
export async function createOrder(admin: PeerAdmin, store: SeededStore, lines: readonly { variantId: string; quantity: number }[], customer = { first: 'Ana', last: 'Souza', email: 'ana.souza@example.com' }): Promise<string> {
  const { draft_order: draft } = await admin.call<{ draft_order: Row }>('POST', '/admin/draft-orders', {
    email: customer.email,
    region_id: store.regionId,
    sales_channel_id: store.salesChannelId,
    items: lines.map((line) => ({ variant_id: line.variantId, quantity: line.quantity })),
    shipping_address: { first_name: customer.first, last_name: customer.last, address_1: 'Av. Paulista 1578', city: 'São Paulo', province: 'SP', postal_code: '01310-200', country_code: 'br' },
    shipping_methods: [{ shipping_option_id: store.shippingOptionId, name: 'Correios PAC', amount: 19.9 }],
  });
  return (await admin.call<{ order: Row }>('POST', `/admin/draft-orders/${draft.id}/convert-to-order`, {})).order.id;
}

export async function cancelOrder(admin: PeerAdmin, orderId: string): Promise<void> {
  await admin.call('POST', `/admin/orders/${orderId}/cancel`, {});
}

/** A person cancels a fulfilment in Medusa's admin (possible while it is not shipped). */
export async function cancelFulfilment(admin: PeerAdmin, orderId: string, fulfilmentId: string): Promise<void> {
  await admin.call('POST', `/admin/orders/${orderId}/fulfillments/${fulfilmentId}/cancel`, {});
}

/** The customer asks to return units of a shipped order (requested, with a reason and return shipping). */
export async function requestReturn(admin: PeerAdmin, store: SeededStore, orderId: string, items: readonly { lineItemId: string; quantity: number }[]): Promise<string> {
  const { return: created } = await admin.call<{ return: Row }>('POST', '/admin/returns', { order_id: orderId, location_id: store.stockLocationId, description: 'Cliente pediu devolução' });
  await admin.call('POST', `/admin/returns/${created.id}/request-items`, { items: items.map((item) => ({ id: item.lineItemId, quantity: item.quantity, reason_id: store.returnReasonId })) });
  await admin.call('POST', `/admin/returns/${created.id}/shipping-method`, { shipping_option_id: store.returnShippingOptionId });
  await admin.call('POST', `/admin/returns/${created.id}/request`, {});
  return created.id;
}

export interface ServerFulfilment {
  readonly id: string;
  readonly shippedAt: string | null;
  readonly canceledAt: string | null;
  readonly tracking: readonly string[];
  readonly items: readonly { lineItemId: string; quantity: number }[];
  readonly metadata: Record<string, unknown> | null;
}

export async function fulfilmentsOf(admin: PeerAdmin, orderId: string): Promise<ServerFulfilment[]> {
  const { order } = await admin.call<{ order: { fulfillments: (Row & { shipped_at: string | null; canceled_at: string | null; labels: { tracking_number: string }[]; items: { line_item_id: string; quantity: number }[]; metadata: Record<string, unknown> | null })[] } }>(
    'GET',
    `/admin/orders/${orderId}?fields=id,*fulfillments,*fulfillments.labels,*fulfillments.items`,
  );
  return order.fulfillments.map((f) => ({
    id: f.id,
    shippedAt: f.shipped_at,
    canceledAt: f.canceled_at,
    tracking: f.labels.map((label) => label.tracking_number),
    items: f.items.map((item) => ({ lineItemId: item.line_item_id, quantity: item.quantity })),
    metadata: f.metadata,
  }));
}

export async function stockAt(admin: PeerAdmin, inventoryItemId: string, locationId: string): Promise<{ stocked: number; reserved: number; available: number }> {
  const { inventory_levels: levels } = await admin.call<{ inventory_levels: { location_id: string; stocked_quantity: number; reserved_quantity: number; available_quantity: number }[] }>(
    'GET',
    `/admin/inventory-items/${inventoryItemId}/location-levels?fields=location_id,stocked_quantity,reserved_quantity,available_quantity`,
  );
  const level = levels.find((candidate) => candidate.location_id === locationId);
  if (!level) throw new Error(`no inventory level for ${inventoryItemId} at ${locationId}`);
  return { stocked: level.stocked_quantity, reserved: level.reserved_quantity, available: level.available_quantity };
}

export async function returnOnServer(admin: PeerAdmin, returnId: string) {
  const { return: record } = await admin.call<{ return: { status: string; items: { item_id: string; quantity: number; received_quantity: number; damaged_quantity: number }[] } }>(
    'GET',
    `/admin/returns/${returnId}?fields=id,status,*items`,
  );
  return record;
}
