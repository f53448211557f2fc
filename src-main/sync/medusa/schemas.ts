/**
 * The parts of Medusa v2 Admin API answers the adapter reads, as zod schemas. Objects are not strict
 * (Medusa adds fields between minor versions) but every field we use is checked for type and size,
 * so a hostile or broken answer is a `sync.malformed-response`, never a half-read record. Shapes
 * measured against @medusajs/medusa 2.21.2 (store-platforms.md §3.1).
 */
import { z } from 'zod';

const Id = z.string().min(1).max(200);
const Text = z.string().max(1_000);
const ShortText = z.string().max(300);
const Timestamp = z.iso.datetime({ offset: true });
const Count = z.number().int().min(0).max(10_000_000);
const Metadata = z.record(z.string().max(200), z.unknown()).nullish();
/** Medusa's default page size is 15; the adapter asks for `limit` and reads `count` to know the end. */
const PageInfo = { count: Count, offset: Count, limit: Count };

export const MedusaErrorBodySchema = z.object({ type: ShortText.optional(), message: Text.optional() });

export const AddressSchema = z.object({
  first_name: ShortText.nullish(),
  last_name: ShortText.nullish(),
  company: ShortText.nullish(),
  address_1: ShortText.nullish(),
  address_2: ShortText.nullish(),
  city: ShortText.nullish(),
  province: ShortText.nullish(),
  postal_code: z.string().max(40).nullish(),
  country_code: z.string().regex(/^[A-Za-z]{2}$/).nullish(),
});

export const OrderItemSchema = z.object({
  id: Id,
  title: ShortText,
  subtitle: ShortText.nullish(),
  variant_sku: ShortText.nullish(),
  variant_barcode: z.string().max(100).nullish(),
  variant_title: ShortText.nullish(),
  quantity: Count,
  requires_shipping: z.boolean().nullish(),
  detail: z.object({ fulfilled_quantity: Count }).nullish(),
  variant: z.object({ weight: z.number().min(0).max(1e9).nullish() }).nullish(),
});

export const FulfillmentSchema = z.object({
  id: Id,
  location_id: Id.nullish(),
  shipped_at: Timestamp.nullish(),
  canceled_at: Timestamp.nullish(),
  metadata: Metadata,
  labels: z.array(z.object({ tracking_number: z.string().max(200) })).max(1_000).nullish(),
  items: z.array(z.object({ line_item_id: Id.nullish(), quantity: Count })).max(10_000).nullish(),
});
export type MedusaFulfillment = z.infer<typeof FulfillmentSchema>;

export const OrderStatusSchema = z.enum(['pending', 'completed', 'draft', 'archived', 'canceled', 'requires_action']);

export const OrderSchema = z.object({
  id: Id,
  display_id: Count,
  status: OrderStatusSchema,
  email: z.string().max(320).nullish(),
  metadata: Metadata,
  created_at: Timestamp,
  updated_at: Timestamp,
  items: z.array(OrderItemSchema).max(10_000).nullish(),
  shipping_address: AddressSchema.nullish(),
  shipping_methods: z.array(z.object({ name: ShortText })).max(100).nullish(),
  fulfillments: z.array(FulfillmentSchema).max(10_000).nullish(),
});
export type MedusaOrder = z.infer<typeof OrderSchema>;

export const OrderListSchema = z.object({ orders: z.array(OrderSchema).max(1_000), ...PageInfo });
export const OrderEnvelopeSchema = z.object({ order: OrderSchema });

export const ReturnStatusSchema = z.enum(['open', 'requested', 'received', 'partially_received', 'canceled']);

export const ReturnItemSchema = z.object({
  id: Id,
  item_id: Id,
  quantity: Count,
  received_quantity: Count.nullish(),
  damaged_quantity: Count.nullish(),
  reason: z.object({ value: ShortText, label: ShortText }).nullish(),
  item: z.object({ title: ShortText, variant_sku: ShortText.nullish() }).nullish(),
});

export const ReturnSchema = z.object({
  id: Id,
  display_id: Count,
  status: ReturnStatusSchema,
  location_id: Id.nullish(),
  order_id: Id,
  created_at: Timestamp,
  updated_at: Timestamp,
  items: z.array(ReturnItemSchema).max(10_000),
  order: z.object({ display_id: Count, shipping_address: AddressSchema.nullish() }).nullish(),
});
export type MedusaReturn = z.infer<typeof ReturnSchema>;

export const ReturnOrderSchema = z.object({ id: Id, display_id: Count, shipping_address: AddressSchema.nullish() });
export type ReturnOrder = z.infer<typeof ReturnOrderSchema>;
export const ReturnOrderListSchema = z.object({ orders: z.array(ReturnOrderSchema).max(1_000) });

export const ReturnListSchema = z.object({ returns: z.array(ReturnSchema).max(1_000), ...PageInfo });
export const ReturnEnvelopeSchema = z.object({ return: ReturnSchema });

export const OrderChangeSchema = z.object({
  id: Id,
  change_type: ShortText.nullish(),
  status: ShortText,
  return_id: Id.nullish(),
  internal_note: Text.nullish(),
});
export const OrderChangeListSchema = z.object({ order_changes: z.array(OrderChangeSchema).max(10_000) });

export const VariantSchema = z.object({
  id: Id,
  title: ShortText.nullish(),
  sku: ShortText.nullish(),
  barcode: z.string().max(100).nullish(),
  ean: z.string().max(100).nullish(),
  upc: z.string().max(100).nullish(),
  weight: z.number().min(0).max(1e9).nullish(),
  updated_at: Timestamp,
});

export const ProductSchema = z.object({
  id: Id,
  title: ShortText,
  thumbnail: z.string().max(2_000).nullish(),
  updated_at: Timestamp,
  variants: z.array(VariantSchema).max(10_000).nullish(),
});
export const ProductListSchema = z.object({ products: z.array(ProductSchema).max(1_000), ...PageInfo });

export const StoreListSchema = z.object({ stores: z.array(z.object({ id: Id, name: ShortText })).max(100) });

export const StockLocationSchema = z.object({
  id: Id,
  name: ShortText,
  sales_channels: z.array(z.object({ id: Id })).max(1_000).nullish(),
});
export const StockLocationListSchema = z.object({ stock_locations: z.array(StockLocationSchema).max(1_000), ...PageInfo });
export const StockLocationEnvelopeSchema = z.object({ stock_location: StockLocationSchema });

/** A POST whose answer we only need to be a JSON object (the next step re-reads what matters). */
export const AnyObjectSchema = z.object({}).passthrough();
