/**
 * A Shopify fulfillment order as the bench's RemoteOrder (pure). The FO, not the order, is the unit
 * of work: it is what is assigned to a location and what fulfillments are made against
 * (store-platforms.md §1.4).
 */
import type { RemoteOrder, RemoteOrderLine, RemoteOrderState } from '../adapter';
import type { WorkLine, WorkOrder } from './response-schemas';
import { weightToMg } from './weight';

/** reasonNotes of the holds that mean "being packed at a Bancada station" (push-hold.ts). */
export const CLAIM_NOTE_PREFIX = 'Bancada: being packed at station ';

export function isOurClaim(hold: WorkOrder['fulfillmentHolds'][number]): boolean {
  return hold.heldByRequestingApp && (hold.reasonNotes ?? '').startsWith(CLAIM_NOTE_PREFIX);
}

export function orderState(fo: Pick<WorkOrder, 'status' | 'order' | 'fulfillmentHolds'>): RemoteOrderState {
  if (fo.status === 'CANCELLED' || fo.order.cancelledAt !== null) return 'cancelled';
  switch (fo.status) {
    case 'CLOSED':
      return 'fulfilled';
    case 'ON_HOLD':
      // Held only by our own claim: it is ours to pack, not an interruption.
      return fo.fulfillmentHolds.length > 0 && fo.fulfillmentHolds.every(isOurClaim) ? 'open' : 'on-hold';
    case 'SCHEDULED':
    case 'INCOMPLETE':
      return 'on-hold';
    case 'OPEN':
    case 'IN_PROGRESS':
      return 'open';
    default: {
      const never: never = fo.status;
      return never;
    }
  }
}

export function mapLine(line: WorkLine): RemoteOrderLine {
  return {
    externalId: line.id,
    sku: line.sku ?? '',
    title: line.productTitle,
    variant: line.variantTitle && line.variantTitle !== 'Default Title' ? line.variantTitle : null,
    quantity: line.remainingQuantity,
    barcode: line.variant?.barcode || null,
    unitWeightMg: weightToMg(line.weight),
  };
}

export function mapOrder(fo: WorkOrder, lines: readonly WorkLine[] = fo.lineItems.nodes): RemoteOrder {
  const d = fo.destination;
  const name = [d?.firstName, d?.lastName].filter(Boolean).join(' ') || d?.company || '';
  return {
    externalId: fo.id,
    number: fo.order.name,
    state: orderState(fo),
    customerName: name,
    email: d?.email || null,
    shipTo: {
      name,
      line1: d?.address1 ?? '',
      line2: d?.address2 || null,
      city: d?.city ?? '',
      region: d?.province || null,
      postalCode: d?.zip || null,
      country: d?.countryCode ?? '',
    },
    carrier: null,
    service: fo.deliveryMethod?.presentedName || fo.deliveryMethod?.serviceCode || null,
    priority: 0,
    shipBy: fo.fulfillBy,
    createdAt: fo.createdAt,
    updatedAt: fo.updatedAt,
    lines: lines.filter((l) => l.remainingQuantity > 0).map(mapLine),
  };
}
