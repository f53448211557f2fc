/** A Shopify return (with its reverse fulfillment orders) as the returns desk's RemoteReturn (pure). */
import type { RemoteReturn, RemoteReturnState } from '../adapter';
import type { ReturnDetail } from './response-schemas';

export function returnState(r: ReturnDetail): RemoteReturnState {
  switch (r.status) {
    case 'REQUESTED':
    case 'OPEN': {
      const lines = r.returnLineItems.nodes;
      const allProcessed = lines.length > 0 && lines.every((l) => l.processableQuantity === 0 && l.processedQuantity > 0);
      return allProcessed ? 'received' : 'expected';
    }
    case 'CLOSED':
      return 'closed';
    case 'CANCELED':
    case 'DECLINED':
      return 'cancelled';
    default: {
      const never: never = r.status;
      return never;
    }
  }
}

export function mapReturn(r: ReturnDetail): RemoteReturn {
  return {
    externalId: r.id,
    rmaNumber: r.name,
    orderExternalId: r.order.id,
    orderNumber: r.order.name,
    customerName: r.order.shippingAddress?.name ?? '',
    state: returnState(r),
    createdAt: r.createdAt,
    // A Return has no updatedAt of its own in 2026-10; its order's changes with it.
    updatedAt: r.order.updatedAt,
    items: r.returnLineItems.nodes.map((l) => ({
      externalId: l.id,
      sku: l.fulfillmentLineItem.lineItem.sku ?? '',
      title: l.fulfillmentLineItem.lineItem.title,
      quantity: l.quantity,
      reason: l.returnReasonDefinition?.name || l.returnReasonNote || null,
    })),
  };
}
