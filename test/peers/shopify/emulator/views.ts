/**
 * The GraphQL view of the emulated shop: plain objects whose function-valued fields graphql-js's
 * default resolver calls with the field's arguments. Only the subset of the 2026-10 schema the
 * adapter reads is filled in; any other non-null field fails execution as it should — a document
 * outside the subset is noticed, not answered with invented data.
 */
import { connection, idKey, type ConnectionArgs } from './connection';
import { gid, type Fulfillment, type FulfillmentOrder, type FoLine, type Hold, type Location, type Order, type Return, type ShopState, type Variant } from './state';

export function returnStatusOf(state: ShopState, order: Order): string {
  const rs = order.returnIds.map((id) => state.mustGet(state.returns, id));
  if (rs.length === 0) return 'NO_RETURN';
  if (rs.some((r) => r.status === 'OPEN')) return 'IN_PROGRESS';
  if (rs.some((r) => r.status === 'REQUESTED')) return 'RETURN_REQUESTED';
  return 'RETURNED';
}

export function makeViews(state: ShopState) {
  const locationView = (l: Location) => ({ id: gid('Location', l.id), name: l.name, isActive: l.isActive });

  const holdView = (h: Hold) => ({ id: gid('FulfillmentHold', h.id), reason: h.reason, reasonNotes: h.reasonNotes, handle: h.handle, heldByRequestingApp: h.byThisApp, displayReason: h.reason });

  const variantView = (v: Variant) => {
    const product = state.mustGet(state.products, v.productId);
    return {
      id: gid('ProductVariant', v.id),
      sku: v.sku,
      barcode: v.barcode,
      title: v.title,
      displayName: `${product.title} - ${v.title}`,
      updatedAt: v.updatedAt,
      product: {
        id: gid('Product', product.id),
        title: product.title,
        updatedAt: product.updatedAt,
        featuredMedia: product.imageUrl ? { __typename: 'MediaImage', id: gid('MediaImage', product.id), preview: { status: 'READY', image: { url: product.imageUrl } } } : null,
      },
      inventoryItem: { id: gid('InventoryItem', v.id), measurement: { id: gid('InventoryItemMeasurement', v.id), weight: v.grams === null ? null : { unit: 'GRAMS', value: v.grams } } },
    };
  };

  const lineView = (l: FoLine) => ({
    id: gid('FulfillmentOrderLineItem', l.id),
    sku: l.sku,
    productTitle: l.productTitle,
    variantTitle: l.variantTitle,
    totalQuantity: l.totalQuantity,
    remainingQuantity: l.remainingQuantity,
    requiresShipping: true,
    weight: l.grams === null ? null : { unit: 'GRAMS', value: l.grams },
    variant: l.variantId !== null ? variantView(state.mustGet(state.variants, l.variantId)) : null,
  });

  const fulfillmentView = (f: Fulfillment) => ({
    id: gid('Fulfillment', f.id),
    status: f.status,
    createdAt: f.createdAt,
    trackingInfo: ({ first }: { first?: number | null }) => f.tracking.slice(0, first ?? undefined).map((t) => ({ number: t.number, company: t.company, url: t.url })),
  });

  const orderView = (o: Order) => ({
    id: gid('Order', o.id),
    name: o.name,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    cancelledAt: o.cancelledAt,
    returnStatus: returnStatusOf(state, o),
    shippingAddress: { id: gid('MailingAddress', o.id), name: o.shippingName },
    returns: (args: ConnectionArgs) => connection(o.returnIds.map((id) => state.mustGet(state.returns, id)), args, (r) => idKey(r.id), returnView),
  });

  const foView = (fo: FulfillmentOrder) => {
    const loc = state.mustGet(state.locations, fo.locationId);
    return {
      id: gid('FulfillmentOrder', fo.id),
      status: fo.status,
      requestStatus: 'UNSUBMITTED',
      createdAt: fo.createdAt,
      updatedAt: fo.updatedAt,
      fulfillBy: fo.fulfillBy,
      fulfillmentHolds: fo.holds.map(holdView),
      assignedLocation: { name: loc.name, countryCode: 'BR', location: locationView(loc) },
      destination: fo.destination && { id: gid('FulfillmentOrderDestination', fo.id), ...fo.destination },
      deliveryMethod: fo.deliveryMethod && { id: gid('DeliveryMethod', fo.id), ...fo.deliveryMethod },
      orderId: gid('Order', fo.orderId),
      orderName: state.mustGet(state.orders, fo.orderId).name,
      order: () => orderView(state.mustGet(state.orders, fo.orderId)),
      lineItems: (args: ConnectionArgs) => connection(fo.lines, args, (l) => idKey(l.id), lineView),
      fulfillments: (args: ConnectionArgs) => connection(fo.fulfillmentIds.map((id) => state.mustGet(state.fulfillments, id)), args, (f) => idKey(f.id), fulfillmentView),
    };
  };

  const returnView = (r: Return) => ({
    id: gid('Return', r.id),
    name: r.name,
    status: r.status,
    createdAt: r.createdAt,
    totalQuantity: r.lines.reduce((n, l) => n + l.quantity, 0),
    order: () => orderView(state.mustGet(state.orders, r.orderId)),
    returnLineItems: (args: ConnectionArgs) =>
      connection(r.lines, args, (l) => idKey(l.id), (l) => ({
        __typename: 'ReturnLineItem',
        id: gid('ReturnLineItem', l.id),
        quantity: l.quantity,
        processedQuantity: l.processedQuantity,
        processableQuantity: l.quantity - l.processedQuantity,
        unprocessedQuantity: l.quantity - l.processedQuantity,
        returnReasonNote: l.reasonNote,
        returnReasonDefinition: l.reasonName ? { id: gid('ReturnReasonDefinition', l.id), name: l.reasonName, handle: l.reasonName.toLowerCase().replace(/\W+/g, '-') } : null,
        fulfillmentLineItem: { id: gid('FulfillmentLineItem', l.fulfillmentLineItemId), quantity: l.quantity, lineItem: { id: gid('LineItem', l.fulfillmentLineItemId), sku: l.sku, title: l.title, variantTitle: l.variantTitle } },
      })),
    reverseFulfillmentOrders: (args: ConnectionArgs) =>
      connection([r.rfo], args, (o) => idKey(o.id), (o) => ({
        id: gid('ReverseFulfillmentOrder', o.id),
        status: o.status,
        lineItems: (a: ConnectionArgs) =>
          connection(o.lines, a, (l) => idKey(l.id), (l) => ({
            id: gid('ReverseFulfillmentOrderLineItem', l.id),
            totalQuantity: l.totalQuantity,
            dispositions: l.dispositions.map((d) => ({ id: gid('ReverseFulfillmentOrderDisposition', d.id), type: d.type, quantity: d.quantity, createdAt: d.createdAt, location: d.locationId === null ? null : locationView(state.mustGet(state.locations, d.locationId)) })),
            fulfillmentLineItem: { id: gid('FulfillmentLineItem', l.fulfillmentLineItemId) },
          })),
      })),
  });

  return { locationView, holdView, variantView, lineView, fulfillmentView, orderView, foView, returnView };
}
export type Views = ReturnType<typeof makeViews>;
