/**
 * The Mutation root of the emulator: the write side of the subset the adapter uses, with the
 * refusals Shopify answers as `userErrors` (store-platforms.md §1.5–1.7). Messages follow Shopify's
 * wording where it is known; codes come from the 2026-10 enums (FulfillmentOrderHoldUserErrorCode,
 * ReturnErrorCode…).
 */
import { gid, idOf, type DispositionType, type FulfillmentOrder, type ShopState } from './state';
import type { Views } from './views';

interface UserError {
  field: string[] | null;
  message: string;
  code?: string | null;
}
const err = (field: string[] | null, message: string, code: string | null = null): UserError => ({ field, message, code });

interface FulfillmentInput {
  notifyCustomer?: boolean | null;
  trackingInfo?: { company?: string | null; number?: string | null; numbers?: string[] | null; url?: string | null; urls?: string[] | null } | null;
  lineItemsByFulfillmentOrder: { fulfillmentOrderId: string; fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null }[];
}

const FULFILLABLE = new Set(['OPEN', 'IN_PROGRESS']);
const HOLDABLE = new Set(['OPEN', 'IN_PROGRESS', 'ON_HOLD', 'SCHEDULED']);
/** Shopify's limit of holds per FO (FULFILLMENT_ORDER_HOLD_LIMIT_REACHED). */
const MAX_HOLDS = 10;

export function mutationRoot(state: ShopState, views: Views) {
  const afterRelease = (fo: FulfillmentOrder) => (fo.lines.some((l) => l.remainingQuantity < l.totalQuantity) ? 'IN_PROGRESS' : 'OPEN');

  return {
    fulfillmentCreate: ({ fulfillment }: { fulfillment: FulfillmentInput }) => {
      const fail = (e: UserError) => ({ fulfillment: null, userErrors: [e] });
      if (fulfillment.lineItemsByFulfillmentOrder.length === 0) return fail(err(['fulfillment'], 'Line items by fulfillment order must not be empty.'));
      const planned: { fo: FulfillmentOrder; lines: { lineId: number; quantity: number }[] }[] = [];
      for (const group of fulfillment.lineItemsByFulfillmentOrder) {
        const fo = state.fulfillmentOrders.get(idOf('FulfillmentOrder', group.fulfillmentOrderId) ?? -1);
        if (!fo) return fail(err(['fulfillment'], 'Fulfillment order does not exist.'));
        if (!FULFILLABLE.has(fo.status)) return fail(err(['fulfillment'], `Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.`));
        const lines = group.fulfillmentOrderLineItems?.length
          ? group.fulfillmentOrderLineItems.map((l) => ({ lineId: idOf('FulfillmentOrderLineItem', l.id) ?? -1, quantity: l.quantity }))
          : fo.lines.filter((l) => l.remainingQuantity > 0).map((l) => ({ lineId: l.id, quantity: l.remainingQuantity }));
        for (const l of lines) {
          const line = fo.lines.find((x) => x.id === l.lineId);
          if (!line) return fail(err(['fulfillment'], 'Invalid fulfillment order line item id.'));
          if (l.quantity <= 0 || l.quantity > line.remainingQuantity) return fail(err(['fulfillment'], 'Invalid fulfillment order line item quantity requested.'));
        }
        planned.push({ fo, lines });
      }
      const first = planned[0]!.fo;
      if (planned.some((p) => p.fo.orderId !== first.orderId || p.fo.locationId !== first.locationId)) {
        return fail(err(['fulfillment'], 'All fulfillment orders must belong to the same order and be assigned to the same location.'));
      }
      const t = fulfillment.trackingInfo;
      const numbers = [...(t?.number ? [t.number] : []), ...(t?.numbers ?? [])];
      const urls = [...(t?.url ? [t.url] : []), ...(t?.urls ?? [])];
      const created = {
        id: state.id(),
        foId: first.id,
        status: 'SUCCESS' as const,
        tracking: numbers.map((number, i) => ({ number, company: t?.company ?? null, url: urls[i] ?? null })),
        lines: [] as { foLineId: number; quantity: number }[],
        createdAt: state.nowIso(),
        notifyCustomer: fulfillment.notifyCustomer ?? false,
      };
      for (const p of planned) {
        for (const l of p.lines) {
          p.fo.lines.find((x) => x.id === l.lineId)!.remainingQuantity -= l.quantity;
          created.lines.push({ foLineId: l.lineId, quantity: l.quantity });
        }
        p.fo.fulfillmentIds.push(created.id);
        state.touch(p.fo, p.fo.lines.every((l) => l.remainingQuantity === 0) ? 'CLOSED' : 'IN_PROGRESS');
      }
      state.fulfillments.set(created.id, created);
      return { fulfillment: views.fulfillmentView(created), userErrors: [] };
    },

    fulfillmentOrderHold: ({ id, fulfillmentHold }: { id: string; fulfillmentHold: { reason: string; reasonNotes?: string | null; handle?: string | null; externalId?: string | null } }) => {
      const fail = (e: UserError) => ({ fulfillmentHold: null, fulfillmentOrder: null, remainingFulfillmentOrder: null, userErrors: [e] });
      const fo = state.fulfillmentOrders.get(idOf('FulfillmentOrder', id) ?? -1);
      if (!fo) return fail(err(['id'], 'Fulfillment order not found.', 'FULFILLMENT_ORDER_NOT_FOUND'));
      const handle = fulfillmentHold.handle ?? null;
      if (handle !== null && fo.holds.some((h) => h.byThisApp && h.handle === handle)) {
        return fail(err(['fulfillmentHold', 'handle'], 'The handle provided for the fulfillment hold is already in use by this app for another hold on this fulfillment order.', 'DUPLICATE_FULFILLMENT_HOLD_HANDLE'));
      }
      if (!HOLDABLE.has(fo.status)) return fail(err(['id'], `The fulfillment order's status (${fo.status.toLowerCase()}) does not allow holding.`));
      if (fo.holds.length >= MAX_HOLDS) return fail(err(['id'], 'The maximum number of fulfillment holds for this fulfillment order has been reached.', 'FULFILLMENT_ORDER_HOLD_LIMIT_REACHED'));
      const hold = { id: state.id(), reason: fulfillmentHold.reason, reasonNotes: fulfillmentHold.reasonNotes ?? null, handle, byThisApp: true };
      fo.holds.push(hold);
      state.touch(fo, 'ON_HOLD');
      return { fulfillmentHold: views.holdView(hold), fulfillmentOrder: views.foView(fo), remainingFulfillmentOrder: null, userErrors: [] };
    },

    fulfillmentOrderReleaseHold: ({ id, holdIds }: { id: string; holdIds?: string[] | null }) => {
      const fail = (e: UserError) => ({ fulfillmentOrder: null, userErrors: [e] });
      const fo = state.fulfillmentOrders.get(idOf('FulfillmentOrder', id) ?? -1);
      if (!fo) return fail(err(['id'], 'Fulfillment order not found.', 'FULFILLMENT_ORDER_NOT_FOUND'));
      const ids = holdIds ? holdIds.map((h) => idOf('FulfillmentHold', h) ?? -1) : fo.holds.filter((h) => h.byThisApp).map((h) => h.id);
      for (const holdId of ids) {
        const hold = fo.holds.find((h) => h.id === holdId);
        if (!hold || !hold.byThisApp) return fail(err(['holdIds'], 'The app does not have access to release this hold.', 'INVALID_ACCESS'));
      }
      fo.holds = fo.holds.filter((h) => !ids.includes(h.id));
      if (fo.status === 'ON_HOLD' && fo.holds.length === 0) state.touch(fo, afterRelease(fo));
      else state.touch(fo);
      return { fulfillmentOrder: views.foView(fo), userErrors: [] };
    },

    returnProcess: ({ input }: { input: { returnId: string; notifyCustomer?: boolean | null; returnLineItems?: { id: string; quantity: number; dispositions?: { reverseFulfillmentOrderLineItemId: string; quantity: number; dispositionType: DispositionType; locationId?: string | null }[] | null }[] | null } }) => {
      const fail = (e: UserError) => ({ return: null, userErrors: [e] });
      const ret = state.returns.get(idOf('Return', input.returnId) ?? -1);
      if (!ret) return fail(err(['input', 'returnId'], 'Return not found.', 'NOT_FOUND'));
      if (ret.status !== 'OPEN') return fail(err(['input', 'returnId'], `Return is ${ret.status.toLowerCase()} and cannot be processed.`, 'INVALID_STATE'));
      const items = input.returnLineItems ?? [];
      for (const [i, item] of items.entries()) {
        const line = ret.lines.find((l) => l.id === idOf('ReturnLineItem', item.id));
        if (!line) return fail(err(['input', 'returnLineItems', String(i), 'id'], 'Return line item not found.', 'NOT_FOUND'));
        if (item.quantity <= 0 || item.quantity > line.quantity - line.processedQuantity) return fail(err(['input', 'returnLineItems', String(i), 'quantity'], 'Quantity is greater than the processable quantity.', 'GREATER_THAN'));
        const dispositions = item.dispositions ?? [];
        if (dispositions.reduce((n, d) => n + d.quantity, 0) !== item.quantity) return fail(err(['input', 'returnLineItems', String(i), 'dispositions'], 'Disposition quantities must add up to the return line item quantity.', 'INVALID'));
        for (const d of dispositions) {
          const rfoLine = ret.rfo.lines.find((l) => l.id === idOf('ReverseFulfillmentOrderLineItem', d.reverseFulfillmentOrderLineItemId));
          if (!rfoLine || rfoLine.fulfillmentLineItemId !== line.fulfillmentLineItemId) return fail(err(['input', 'returnLineItems', String(i), 'dispositions'], 'Reverse fulfillment order line item not found.', 'NOT_FOUND'));
          if (d.dispositionType === 'RESTOCKED' && (!d.locationId || !state.locations.has(idOf('Location', d.locationId) ?? -1))) return fail(err(['input', 'returnLineItems', String(i), 'dispositions', 'locationId'], 'A location is required to restock.', 'INVALID'));
        }
      }
      for (const item of items) {
        const line = ret.lines.find((l) => l.id === idOf('ReturnLineItem', item.id))!;
        line.processedQuantity += item.quantity;
        for (const d of item.dispositions ?? []) {
          const rfoLine = ret.rfo.lines.find((l) => l.id === idOf('ReverseFulfillmentOrderLineItem', d.reverseFulfillmentOrderLineItemId))!;
          rfoLine.dispositions.push({ id: state.id(), type: d.dispositionType, quantity: d.quantity, locationId: d.locationId ? idOf('Location', d.locationId) : null, createdAt: state.nowIso() });
        }
      }
      if (ret.lines.every((l) => l.processedQuantity === l.quantity)) {
        ret.status = 'CLOSED';
        ret.rfo.status = 'CLOSED';
      }
      state.mustGet(state.orders, ret.orderId).updatedAt = state.nowIso();
      return { return: { id: gid('Return', ret.id), status: ret.status }, userErrors: [] };
    },
  };
}
