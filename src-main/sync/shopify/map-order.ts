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

type Hold = WorkOrder['fulfillmentHolds'][number];

/** The station a hold of this app claims the FO for, or null when it is not a claim. */
export function claimStation(hold: Hold): string | null {
  const notes = hold.reasonNotes ?? '';
  return hold.heldByRequestingApp && notes.startsWith(CLAIM_NOTE_PREFIX) ? notes.slice(CLAIM_NOTE_PREFIX.length) : null;
}

/**
 * A claim by this station, or by any Bancada station when `stationId` is not known. Every station
 * of a warehouse uses the same app token, so "held by this app" alone cannot tell stations apart.
 */
export function isOurClaim(hold: Hold, stationId?: string): boolean {
  const station = claimStation(hold);
  return station !== null && (stationId === undefined || station === stationId);
}

/** Whose eyes an FO is seen through: this station, packing for this location. */
export interface Viewpoint {
  readonly stationId?: string | undefined;
  readonly locationId?: string | null | undefined;
}

export function orderState(fo: Pick<WorkOrder, 'status' | 'order' | 'fulfillmentHolds' | 'assignedLocation'>, view: Viewpoint = {}): RemoteOrderState {
  const state = baseState(fo, view.stationId);
  // Moved to another location (fulfillmentOrderMove, store-platforms.md §1.6): no longer this
  // bench's work. The interface has no "moved" state; on-hold is the one that stops packing.
  if (state === 'open' && view.locationId && fo.assignedLocation.location?.id !== view.locationId) return 'on-hold';
  return state;
}

function baseState(fo: Pick<WorkOrder, 'status' | 'order' | 'fulfillmentHolds'>, stationId: string | undefined): RemoteOrderState {
  if (fo.status === 'CANCELLED' || fo.order.cancelledAt !== null) return 'cancelled';
  switch (fo.status) {
    case 'CLOSED':
      return 'fulfilled';
    case 'ON_HOLD':
      // Held only by our own claim: it is ours to pack, not an interruption. Another station's
      // claim, or anyone else's hold, is.
      return fo.fulfillmentHolds.length > 0 && fo.fulfillmentHolds.every((h) => isOurClaim(h, stationId)) ? 'open' : 'on-hold';
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

export function mapOrder(fo: WorkOrder, lines: readonly WorkLine[] = fo.lineItems.nodes, view: Viewpoint = {}): RemoteOrder {
  const d = fo.destination;
  const name = [d?.firstName, d?.lastName].filter(Boolean).join(' ') || d?.company || '';
  return {
    externalId: fo.id,
    number: fo.order.name,
    state: orderState(fo, view),
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
