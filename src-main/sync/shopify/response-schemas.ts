/**
 * What each document's `data` must look like before a field is trusted (adapter.ts rules). Bounds
 * are generous for real shops and tight enough that a hostile answer (megabyte strings, control
 * characters, negative quantities, ids that are not Shopify gids) is refused as malformed.
 */
import { z } from 'zod';

/** Printable text: no C0 controls except tab, no DEL (they would reach labels and logs). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const Text = (max: number) => z.string().max(max).regex(/^[^\u0000-\u0008\u000a-\u001f\u007f]*$/u, 'control characters');
const MaybeText = (max: number) => Text(max).nullable();
/** Free notes written by people may hold line breaks; still no other controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const Note = (max: number) => z.string().max(max).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/u, 'control characters');
export const Gid = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/[0-9]{1,20}$`), `a ${type} gid`);
const DateTime = z.iso.datetime({ offset: true });
const Quantity = z.number().int().min(0).max(1_000_000);
const Cursor = z.string().min(1).max(2000).regex(/^[A-Za-z0-9+/=_:.-]+$/, 'a cursor');

export const PageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: Cursor.nullable() });

export const WeightSchema = z.object({
  unit: z.enum(['GRAMS', 'KILOGRAMS', 'OUNCES', 'POUNDS']),
  value: z.number().min(0).max(1_000_000),
});

export const HoldSchema = z.object({
  id: Gid('FulfillmentHold'),
  reason: z.string().max(60),
  reasonNotes: Note(5000).nullable(),
  handle: MaybeText(500),
  heldByRequestingApp: z.boolean(),
});

export const WorkLineSchema = z.object({
  id: Gid('FulfillmentOrderLineItem'),
  sku: MaybeText(255),
  productTitle: Text(1000),
  variantTitle: MaybeText(1000),
  totalQuantity: Quantity,
  remainingQuantity: Quantity,
  weight: WeightSchema.nullable(),
  variant: z.object({ barcode: MaybeText(255) }).nullable(),
});
export type WorkLine = z.infer<typeof WorkLineSchema>;

const LinesSchema = z.object({ pageInfo: PageInfoSchema, nodes: z.array(WorkLineSchema).max(250) });

export const FULFILLMENT_ORDER_STATUSES = ['OPEN', 'IN_PROGRESS', 'ON_HOLD', 'SCHEDULED', 'INCOMPLETE', 'CLOSED', 'CANCELLED'] as const;

export const WorkOrderSchema = z.object({
  id: Gid('FulfillmentOrder'),
  status: z.enum(FULFILLMENT_ORDER_STATUSES),
  requestStatus: z.string().max(60),
  createdAt: DateTime,
  updatedAt: DateTime,
  fulfillBy: DateTime.nullable(),
  fulfillmentHolds: z.array(HoldSchema).max(100),
  assignedLocation: z.object({ location: z.object({ id: Gid('Location') }).nullable() }),
  destination: z
    .object({
      firstName: MaybeText(255),
      lastName: MaybeText(255),
      company: MaybeText(255),
      address1: MaybeText(255),
      address2: MaybeText(255),
      city: MaybeText(255),
      province: MaybeText(255),
      zip: MaybeText(40),
      countryCode: z.string().regex(/^[A-Z]{2}$/).nullable(),
      email: MaybeText(320),
    })
    .nullable(),
  deliveryMethod: z.object({ methodType: z.string().max(40), serviceCode: MaybeText(255), presentedName: MaybeText(255) }).nullable(),
  order: z.object({ id: Gid('Order'), name: Text(64), cancelledAt: DateTime.nullable() }),
  lineItems: LinesSchema,
});
export type WorkOrder = z.infer<typeof WorkOrderSchema>;

export const FulfillmentOrdersPageSchema = z.object({
  fulfillmentOrders: z.object({ pageInfo: PageInfoSchema, nodes: z.array(WorkOrderSchema).max(250) }),
});

const TrackingSchema = z.object({ number: MaybeText(255) });

export const FulfillmentOrderStateSchema = z.object({
  fulfillmentOrder: WorkOrderSchema.extend({
    fulfillments: z.object({
      pageInfo: z.object({ hasNextPage: z.boolean() }),
      nodes: z.array(z.object({ id: Gid('Fulfillment'), status: z.string().max(40), trackingInfo: z.array(TrackingSchema).max(100) })).max(250),
    }),
  }).nullable(),
});
export type FulfillmentOrderState = NonNullable<z.infer<typeof FulfillmentOrderStateSchema>['fulfillmentOrder']>;

export const FulfillmentOrderLinesSchema = z.object({
  fulfillmentOrder: z.object({ id: Gid('FulfillmentOrder'), lineItems: LinesSchema }).nullable(),
});

const UserErrorsSchema = z
  .array(z.object({ field: z.array(Text(200)).max(20).nullable().optional(), message: Text(2000), code: z.string().max(100).nullable().optional() }))
  .max(100);

export const FulfillmentCreateSchema = z.object({
  fulfillmentCreate: z.object({
    fulfillment: z.object({ id: Gid('Fulfillment'), status: z.string().max(40), trackingInfo: z.array(TrackingSchema).max(100) }).nullable(),
    userErrors: UserErrorsSchema,
  }),
});

export const FulfillmentOrderHoldSchema = z.object({
  fulfillmentOrderHold: z.object({
    fulfillmentHold: z.object({ id: Gid('FulfillmentHold'), handle: MaybeText(500) }).nullable(),
    fulfillmentOrder: z.object({ id: Gid('FulfillmentOrder'), status: z.enum(FULFILLMENT_ORDER_STATUSES) }).nullable(),
    userErrors: UserErrorsSchema,
  }),
});

export const FulfillmentOrderReleaseHoldSchema = z.object({
  fulfillmentOrderReleaseHold: z.object({
    fulfillmentOrder: z.object({ id: Gid('FulfillmentOrder'), status: z.enum(FULFILLMENT_ORDER_STATUSES) }).nullable(),
    userErrors: UserErrorsSchema,
  }),
});

export const ShopConnectionSchema = z.object({
  shop: z.object({ name: Text(255), myshopifyDomain: Text(255) }),
  locations: z.object({ nodes: z.array(z.object({ id: Gid('Location'), name: Text(255), isActive: z.boolean() })).max(250) }),
});

export const RETURN_STATUSES = ['REQUESTED', 'OPEN', 'DECLINED', 'CANCELED', 'CLOSED'] as const;

export const OrdersWithReturnsSchema = z.object({
  orders: z.object({
    pageInfo: PageInfoSchema,
    nodes: z
      .array(
        z.object({
          id: Gid('Order'),
          name: Text(64),
          updatedAt: DateTime,
          shippingAddress: z.object({ name: MaybeText(255) }).nullable(),
          returns: z.object({ pageInfo: z.object({ hasNextPage: z.boolean() }), nodes: z.array(z.object({ id: Gid('Return'), status: z.enum(RETURN_STATUSES) })).max(250) }),
        }),
      )
      .max(250),
  }),
});

export const DISPOSITION_TYPES = ['RESTOCKED', 'NOT_RESTOCKED', 'MISSING', 'PROCESSING_REQUIRED'] as const;

export const ReturnDetailSchema = z.object({
  return: z
    .object({
      id: Gid('Return'),
      name: Text(64),
      status: z.enum(RETURN_STATUSES),
      createdAt: DateTime,
      order: z.object({ id: Gid('Order'), name: Text(64), updatedAt: DateTime, shippingAddress: z.object({ name: MaybeText(255) }).nullable() }),
      returnLineItems: z.object({
        pageInfo: z.object({ hasNextPage: z.boolean() }),
        nodes: z
          .array(
            z.object({
              id: Gid('ReturnLineItem'),
              quantity: Quantity,
              processableQuantity: Quantity,
              processedQuantity: Quantity,
              returnReasonNote: Note(5000),
              returnReasonDefinition: z.object({ name: Text(255) }).nullable(),
              fulfillmentLineItem: z.object({
                id: Gid('FulfillmentLineItem'),
                lineItem: z.object({ sku: MaybeText(255), title: Text(1000), variantTitle: MaybeText(1000) }),
              }),
            }),
          )
          .max(250),
      }),
      reverseFulfillmentOrders: z.object({
        pageInfo: z.object({ hasNextPage: z.boolean() }),
        nodes: z
          .array(
            z.object({
              id: Gid('ReverseFulfillmentOrder'),
              status: z.string().max(40),
              lineItems: z.object({
                pageInfo: z.object({ hasNextPage: z.boolean() }),
                nodes: z
                  .array(
                    z.object({
                      id: Gid('ReverseFulfillmentOrderLineItem'),
                      totalQuantity: Quantity,
                      dispositions: z.array(z.object({ type: z.enum(DISPOSITION_TYPES), quantity: Quantity })).max(250),
                      fulfillmentLineItem: z.object({ id: Gid('FulfillmentLineItem') }).nullable(),
                    }),
                  )
                  .max(250),
              }),
            }),
          )
          .max(50),
      }),
    })
    .nullable(),
});
export type ReturnDetail = NonNullable<z.infer<typeof ReturnDetailSchema>['return']>;

/** True when one of the return's lists did not fit in the page ReturnDetail reads. */
export function returnTruncated(r: ReturnDetail): boolean {
  return r.returnLineItems.pageInfo.hasNextPage || r.reverseFulfillmentOrders.pageInfo.hasNextPage || r.reverseFulfillmentOrders.nodes.some((o) => o.lineItems.pageInfo.hasNextPage);
}

export const ReturnProcessSchema = z.object({
  returnProcess: z.object({
    return: z.object({ id: Gid('Return'), status: z.enum(RETURN_STATUSES) }).nullable(),
    userErrors: UserErrorsSchema,
  }),
});

export const ProductVariantsSchema = z.object({
  productVariants: z.object({
    pageInfo: PageInfoSchema,
    nodes: z
      .array(
        z.object({
          id: Gid('ProductVariant'),
          sku: MaybeText(255),
          barcode: MaybeText(255),
          title: Text(1000),
          updatedAt: DateTime,
          product: z.object({
            title: Text(1000),
            featuredMedia: z.object({ preview: z.object({ image: z.object({ url: z.url({ protocol: /^https?$/ }).max(2000) }).nullable() }).nullable() }).nullable(),
          }),
          inventoryItem: z.object({ measurement: z.object({ weight: WeightSchema.nullable() }) }),
        }),
      )
      .max(250),
  }),
});
export type ProductVariantNode = z.infer<typeof ProductVariantsSchema>['productVariants']['nodes'][number];
