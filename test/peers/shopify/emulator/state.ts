/**
 * The emulated shop's data: locations, products and variants, orders with their fulfillment
 * orders, holds, fulfillments, returns with reverse fulfillment orders. Plain data plus the seeding
 * helpers tests use; the GraphQL view of it is in resolvers.ts, the rules of each mutation in
 * mutations.ts. Shapes follow the 2026-10 types (store-platforms.md §1.4–1.7).
 */
export const gid = (type: string, id: number): string => `gid://shopify/${type}/${id}`;

export function idOf(type: string, value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = new RegExp(`^gid://shopify/${type}/(\\d+)$`).exec(value);
  return m ? Number(m[1]) : null;
}

export type FoStatus = 'OPEN' | 'IN_PROGRESS' | 'ON_HOLD' | 'SCHEDULED' | 'INCOMPLETE' | 'CLOSED' | 'CANCELLED';
export type DispositionType = 'RESTOCKED' | 'NOT_RESTOCKED' | 'MISSING' | 'PROCESSING_REQUIRED';

export interface Location { id: number; name: string; isActive: boolean }
export interface Product { id: number; title: string; imageUrl: string | null; updatedAt: string }
export interface Variant { id: number; productId: number; sku: string | null; barcode: string | null; title: string; grams: number | null; updatedAt: string }
export interface FoLine { id: number; variantId: number | null; sku: string | null; productTitle: string; variantTitle: string | null; totalQuantity: number; remainingQuantity: number; grams: number | null; barcode: string | null }
export interface Hold { id: number; reason: string; reasonNotes: string | null; handle: string | null; byThisApp: boolean }
export interface Fulfillment { id: number; foId: number; status: 'SUCCESS' | 'CANCELLED'; tracking: { number: string; company: string | null; url: string | null }[]; lines: { foLineId: number; quantity: number }[]; createdAt: string; notifyCustomer: boolean }
export interface Destination { firstName: string | null; lastName: string | null; company: string | null; address1: string | null; address2: string | null; city: string | null; province: string | null; zip: string | null; countryCode: string | null; email: string | null }
export interface FulfillmentOrder { id: number; orderId: number; locationId: number; status: FoStatus; createdAt: string; updatedAt: string; fulfillBy: string | null; holds: Hold[]; destination: Destination | null; deliveryMethod: { methodType: string; serviceCode: string | null; presentedName: string | null } | null; lines: FoLine[]; fulfillmentIds: number[] }
export interface Order { id: number; name: string; createdAt: string; updatedAt: string; cancelledAt: string | null; shippingName: string | null; foIds: number[]; returnIds: number[] }
export interface ReturnLine { id: number; fulfillmentLineItemId: number; quantity: number; processedQuantity: number; reasonNote: string; reasonName: string | null; sku: string | null; title: string; variantTitle: string | null }
export interface RfoLine { id: number; fulfillmentLineItemId: number; totalQuantity: number; dispositions: { id: number; type: DispositionType; quantity: number; locationId: number | null; createdAt: string }[] }
export interface Return { id: number; orderId: number; name: string; status: 'REQUESTED' | 'OPEN' | 'DECLINED' | 'CANCELED' | 'CLOSED'; createdAt: string; lines: ReturnLine[]; rfo: { id: number; status: 'OPEN' | 'CLOSED' | 'CANCELED'; lines: RfoLine[] } }

export interface SeedLine { sku: string; title?: string; variantTitle?: string | null; quantity: number; grams?: number | null; barcode?: string | null }

export class ShopState {
  shopName = 'Bancada Emulated Shop';
  shopDomain = 'bancada-emulated.myshopify.com';
  readonly locations = new Map<number, Location>();
  readonly products = new Map<number, Product>();
  readonly variants = new Map<number, Variant>();
  readonly orders = new Map<number, Order>();
  readonly fulfillmentOrders = new Map<number, FulfillmentOrder>();
  readonly fulfillments = new Map<number, Fulfillment>();
  readonly returns = new Map<number, Return>();
  private nextId = 1000;
  private orderNumber = 1000;

  constructor(private readonly clock: () => number) {}

  id(): number {
    return ++this.nextId;
  }

  nowIso(): string {
    return new Date(this.clock()).toISOString();
  }

  addLocation(name: string, isActive = true): Location {
    const loc = { id: this.id(), name, isActive };
    this.locations.set(loc.id, loc);
    return loc;
  }

  addProduct(title: string, variants: { sku: string; barcode?: string | null; title?: string; grams?: number | null }[], imageUrl: string | null = null): { product: Product; variants: Variant[] } {
    const product = { id: this.id(), title, imageUrl, updatedAt: this.nowIso() };
    this.products.set(product.id, product);
    const made = variants.map((v) => {
      const variant: Variant = { id: this.id(), productId: product.id, sku: v.sku, barcode: v.barcode ?? null, title: v.title ?? 'Default Title', grams: v.grams ?? null, updatedAt: this.nowIso() };
      this.variants.set(variant.id, variant);
      return variant;
    });
    return { product, variants: made };
  }

  /** An order routed to `locationId`: one order, one fulfillment order at that location. */
  addOrder(locationId: number, lines: readonly SeedLine[], customer: Partial<Destination> = {}): { order: Order; fo: FulfillmentOrder } {
    const at = this.nowIso();
    const order: Order = { id: this.id(), name: `#${++this.orderNumber}`, createdAt: at, updatedAt: at, cancelledAt: null, shippingName: null, foIds: [], returnIds: [] };
    const destination: Destination = { firstName: 'Ana', lastName: 'Souza', company: null, address1: 'Rua Augusta 1500', address2: null, city: 'São Paulo', province: 'SP', zip: '01304-001', countryCode: 'BR', email: 'ana@example.com', ...customer };
    order.shippingName = [destination.firstName, destination.lastName].filter(Boolean).join(' ') || null;
    const fo: FulfillmentOrder = {
      id: this.id(),
      orderId: order.id,
      locationId,
      status: 'OPEN',
      createdAt: at,
      updatedAt: at,
      fulfillBy: null,
      holds: [],
      destination,
      deliveryMethod: { methodType: 'SHIPPING', serviceCode: 'STANDARD', presentedName: 'Standard' },
      lines: lines.map((l) => {
        const variant = [...this.variants.values()].find((v) => v.sku === l.sku) ?? null;
        return { id: this.id(), variantId: variant?.id ?? null, sku: l.sku, productTitle: l.title ?? l.sku, variantTitle: l.variantTitle ?? null, totalQuantity: l.quantity, remainingQuantity: l.quantity, grams: l.grams ?? variant?.grams ?? null, barcode: l.barcode ?? variant?.barcode ?? null };
      }),
      fulfillmentIds: [],
    };
    order.foIds.push(fo.id);
    this.orders.set(order.id, order);
    this.fulfillmentOrders.set(fo.id, fo);
    return { order, fo };
  }

  /** The merchant cancels the order upstream: its open FOs are cancelled with it. */
  cancelOrder(orderId: number): void {
    const order = this.mustGet(this.orders, orderId);
    order.cancelledAt = order.updatedAt = this.nowIso();
    for (const foId of order.foIds) {
      const fo = this.mustGet(this.fulfillmentOrders, foId);
      if (fo.status !== 'CLOSED') this.touch(fo, 'CANCELLED');
    }
  }

  /** An approved (OPEN) return of some units of the order, with its reverse fulfillment order. */
  addReturn(orderId: number, lines: readonly { sku: string; title?: string; quantity: number; reason?: string }[]): Return {
    const order = this.mustGet(this.orders, orderId);
    const at = this.nowIso();
    const ret: Return = {
      id: this.id(),
      orderId,
      name: `${order.name}-R${order.returnIds.length + 1}`,
      status: 'OPEN',
      createdAt: at,
      lines: [],
      rfo: { id: this.id(), status: 'OPEN', lines: [] },
    };
    for (const l of lines) {
      const fulfillmentLineItemId = this.id();
      ret.lines.push({ id: this.id(), fulfillmentLineItemId, quantity: l.quantity, processedQuantity: 0, reasonNote: '', reasonName: l.reason ?? null, sku: l.sku, title: l.title ?? l.sku, variantTitle: null });
      ret.rfo.lines.push({ id: this.id(), fulfillmentLineItemId, totalQuantity: l.quantity, dispositions: [] });
    }
    order.returnIds.push(ret.id);
    order.updatedAt = at;
    this.returns.set(ret.id, ret);
    return ret;
  }

  touch(fo: FulfillmentOrder, status: FoStatus = fo.status): void {
    fo.status = status;
    fo.updatedAt = this.nowIso();
    this.mustGet(this.orders, fo.orderId).updatedAt = fo.updatedAt;
  }

  mustGet<T>(map: Map<number, T>, id: number): T {
    const v = map.get(id);
    if (!v) throw new Error(`emulator: no record ${id}`);
    return v;
  }
}
