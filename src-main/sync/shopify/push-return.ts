/**
 * Returns (store-platforms.md §1.7). Shopify records no separate "received" step: the inspection
 * result is the receipt, sent as dispositions through returnProcess. `return.receive` therefore
 * only checks that the return is still open on Shopify (a cancelled or declined return needs a
 * person). `return.dispose` has no idempotency key (§1.9): the return is read first and only the
 * lines not yet processed are sent.
 */
import type { PushResult } from '../adapter';
import type { OutboxOperation } from '../operations';
import { failure, rejected, userErrorsFailure } from './errors';
import type { GraphqlClient } from './graphql-client';
import { returnTruncated, ReturnDetailSchema, ReturnProcessSchema, type ReturnDetail } from './response-schemas';

type Receive = Extract<OutboxOperation['payload'], { kind: 'return.receive' }>;
type Dispose = Extract<OutboxOperation['payload'], { kind: 'return.dispose' }>;

const DISPOSITION = {
  restocked: 'RESTOCKED',
  'not-restocked': 'NOT_RESTOCKED',
  missing: 'MISSING',
  'processing-required': 'PROCESSING_REQUIRED',
} as const;

async function readReturn(client: GraphqlClient, id: string) {
  if (!/^gid:\/\/shopify\/Return\/\d{1,20}$/.test(id)) return failure('sync.not-found', 'Not a Shopify return id', false);
  const res = await client.request('ReturnDetail', { id }, ReturnDetailSchema);
  if (!res.ok) return res;
  if (!res.value.return) return failure('sync.not-found', `Shopify has no return ${id}`, false);
  if (returnTruncated(res.value.return)) return rejected(`Return ${res.value.return.name} has more lines than the station reads (50); process it in the Shopify admin`);
  return { ok: true as const, value: res.value.return };
}

function refuseClosed(r: ReturnDetail) {
  if (r.status === 'CANCELED' || r.status === 'DECLINED') return rejected(`Return ${r.name} was ${r.status.toLowerCase()} on Shopify`);
  if (r.status === 'REQUESTED') return rejected(`Return ${r.name} is not approved on Shopify yet`);
  return null;
}

export async function pushReceive(client: GraphqlClient, payload: Receive): Promise<PushResult> {
  const read = await readReturn(client, payload.returnExternalId);
  if (!read.ok) return read;
  const refusal = refuseClosed(read.value);
  if (refusal) return refusal;
  const known = new Set(read.value.returnLineItems.nodes.map((l) => l.id));
  const unknown = payload.items.find((i) => !known.has(i.itemExternalId));
  if (unknown) return rejected(`Return ${read.value.name} has no line ${unknown.itemExternalId} on Shopify`);
  return { ok: true, remoteRef: read.value.id, alreadyApplied: read.value.status === 'CLOSED' };
}

interface LineToProcess {
  id: string;
  quantity: number;
  dispositions: { reverseFulfillmentOrderLineItemId: string; quantity: number; dispositionType: (typeof DISPOSITION)[keyof typeof DISPOSITION]; locationId?: string }[];
}

export async function pushDispose(client: GraphqlClient, payload: Dispose, stationLocation: string | null): Promise<PushResult> {
  const read = await readReturn(client, payload.returnExternalId);
  if (!read.ok) return read;
  const ret = read.value;
  const refusal = refuseClosed(ret);
  if (refusal) return refusal;
  const plan = planProcess(ret, payload, stationLocation);
  if (!plan.ok) return plan;
  if (plan.value.length === 0) return { ok: true, remoteRef: ret.id, alreadyApplied: true };
  if (ret.status === 'CLOSED') return rejected(`Return ${ret.name} is closed on Shopify; its items can no longer be processed`);
  const res = await client.request('ReturnProcess', { input: { returnId: ret.id, returnLineItems: plan.value, notifyCustomer: false } }, ReturnProcessSchema);
  if (!res.ok) return res;
  const { userErrors } = res.value.returnProcess;
  if (userErrors.length > 0) return userErrorsFailure(`the processing of return ${ret.name}`, userErrors);
  return { ok: true, remoteRef: ret.id, alreadyApplied: false };
}

/**
 * Groups the decisions by return line and drops lines already done. A line counts as done when
 * Shopify can no longer process the quantity asked for and its reverse-FO line already holds
 * dispositions of each asked type for at least the asked quantity.
 */
export function planProcess(ret: ReturnDetail, payload: Dispose, stationLocation: string | null) {
  const byLine = new Map<string, LineToProcess>();
  for (const item of payload.items) {
    const line = ret.returnLineItems.nodes.find((l) => l.id === item.itemExternalId);
    if (!line) return rejected(`Return ${ret.name} has no line ${item.itemExternalId} on Shopify`);
    const rfoLine = ret.reverseFulfillmentOrders.nodes.flatMap((o) => o.lineItems.nodes).find((l) => l.fulfillmentLineItem?.id === line.fulfillmentLineItem.id);
    if (!rfoLine) return rejected(`Return ${ret.name} line ${line.id} has no reverse fulfillment order line on Shopify`);
    const locationId = item.locationId ?? stationLocation;
    if (item.disposition === 'restocked' && !locationId) return failure('sync.not-configured', 'A restocked unit needs a location and the station has none', false);
    const entry = byLine.get(line.id) ?? { id: line.id, quantity: 0, dispositions: [] };
    entry.quantity += item.quantity;
    entry.dispositions.push({
      reverseFulfillmentOrderLineItemId: rfoLine.id,
      quantity: item.quantity,
      dispositionType: DISPOSITION[item.disposition],
      ...(locationId && item.disposition === 'restocked' ? { locationId } : {}),
    });
    byLine.set(line.id, entry);
  }
  const pending = [...byLine.values()].filter((entry) => !lineDone(ret, entry));
  return { ok: true as const, value: pending };
}

function lineDone(ret: ReturnDetail, entry: LineToProcess): boolean {
  const line = ret.returnLineItems.nodes.find((l) => l.id === entry.id);
  if (!line || line.processableQuantity >= entry.quantity) return false;
  const rfoLines = ret.reverseFulfillmentOrders.nodes.flatMap((o) => o.lineItems.nodes);
  return entry.dispositions.every((d) => {
    const onShopify = rfoLines.find((l) => l.id === d.reverseFulfillmentOrderLineItemId)?.dispositions ?? [];
    return onShopify.filter((x) => x.type === d.dispositionType).reduce((n, x) => n + x.quantity, 0) >= d.quantity;
  });
}
