/**
 * The adapter's GraphQL documents, one `.graphql` file each, inlined at build time with `?raw`.
 * Documents that read fulfillment orders get the shared fragments appended, so every document here
 * is complete and test/peers/shopify/documents-schema.test.ts validates exactly what is sent.
 */
import shopConnection from './documents/shop-connection.graphql?raw';
import workOrderFields from './documents/work-order-fields.graphql?raw';
import fulfillmentOrders from './documents/fulfillment-orders.graphql?raw';
import fulfillmentOrder from './documents/fulfillment-order.graphql?raw';
import fulfillmentOrderLines from './documents/fulfillment-order-lines.graphql?raw';
import fulfillmentCreate from './documents/fulfillment-create.graphql?raw';
import fulfillmentOrderHold from './documents/fulfillment-order-hold.graphql?raw';
import fulfillmentOrderReleaseHold from './documents/fulfillment-order-release-hold.graphql?raw';
import ordersWithReturns from './documents/orders-with-returns.graphql?raw';
import returnDetail from './documents/return-detail.graphql?raw';
import returnProcess from './documents/return-process.graphql?raw';
import productVariants from './documents/product-variants.graphql?raw';

const withFragments = (doc: string): string => `${doc}\n${workOrderFields}`;

export const DOCUMENTS = {
  ShopConnection: shopConnection,
  FulfillmentOrdersForLocation: withFragments(fulfillmentOrders),
  FulfillmentOrderState: withFragments(fulfillmentOrder),
  // Uses only WorkLineFields; the unused WorkOrderFields fragment would fail NoUnusedFragments.
  FulfillmentOrderLines: `${fulfillmentOrderLines}\n${workOrderFields.slice(workOrderFields.indexOf('fragment WorkLineFields'))}`,
  FulfillmentCreate: fulfillmentCreate,
  FulfillmentOrderHold: fulfillmentOrderHold,
  FulfillmentOrderReleaseHold: fulfillmentOrderReleaseHold,
  OrdersWithReturns: ordersWithReturns,
  ReturnDetail: returnDetail,
  ReturnProcess: returnProcess,
  ProductVariants: productVariants,
} as const;

export type DocumentName = keyof typeof DOCUMENTS;
