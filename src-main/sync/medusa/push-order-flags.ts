/**
 * `order.claim`, `order.hold`, `order.release` on Medusa, which has neither claims nor holds: its
 * order statuses are pending, completed, draft, archived, canceled and requires_action
 * (@medusajs/utils OrderStatus, 2.21.2). Decisions:
 * - claim: the claim is the station's own lock, nothing on Medusa can carry it. The order is re-read
 *   so a claim on an order cancelled upstream is rejected (the packer hears about it), otherwise it
 *   is done with no remote change (`remoteRef` null). Answering `sync.unsupported-operation` would
 *   park every claim in "needs attention" for a supervisor to discard, which is noise.
 * - hold: the merchant must see that a packer stopped, so the hold is written where Medusa's admin
 *   shows it, the order's metadata: `bancada_hold = { key, reason, station, at }`. Setting it twice
 *   is harmless; an order already holding our key answers `alreadyApplied`.
 * - release: removes `bancada_hold` (Medusa deletes a metadata key set to ""), a no-op when absent.
 */
import type { PushResult } from '../adapter';
import type { OutboxOperation } from '../operations';
import type { MedusaClient } from './client';
import { ORDER_FIELDS } from './client';
import { failure } from './http';
import { HOLD_METADATA_KEY, holdOf } from './map';
import type { MedusaOrder } from './schemas';

type FlagPayload = Extract<OutboxOperation['payload'], { kind: 'order.claim' | 'order.hold' | 'order.release' }>;

function refuse(order: MedusaOrder | null, payload: FlagPayload): PushResult | null {
  if (order === null) return failure('sync.not-found', `order ${payload.orderNumber} (${payload.orderExternalId}) no longer exists in Medusa`, false);
  if (order.status === 'canceled') return failure('sync.rejected', `order ${payload.orderNumber} was cancelled in Medusa`, false);
  return null;
}

export async function pushOrderFlag(client: MedusaClient, op: OutboxOperation, payload: FlagPayload): Promise<PushResult> {
  const read = await client.order(payload.orderExternalId, ORDER_FIELDS);
  if (!read.ok) return read;
  const order = read.value;
  const path = `admin/orders/${encodeURIComponent(payload.orderExternalId)}`;
  switch (payload.kind) {
    case 'order.claim':
      return refuse(order, payload) ?? { ok: true, remoteRef: null, alreadyApplied: false };
    case 'order.hold': {
      const refused = refuse(order, payload);
      if (refused || order === null) return refused ?? failure('sync.not-found', 'order missing', false);
      if (holdOf(order)?.key === op.idempotencyKey) return { ok: true, remoteRef: order.id, alreadyApplied: true };
      const hold = { key: op.idempotencyKey, reason: payload.reason, station: op.stationId, at: op.createdAt };
      const written = await client.post(path, { metadata: { [HOLD_METADATA_KEY]: hold } });
      return written.ok ? { ok: true, remoteRef: order.id, alreadyApplied: false } : written;
    }
    case 'order.release': {
      if (order === null) return failure('sync.not-found', `order ${payload.orderNumber} (${payload.orderExternalId}) no longer exists in Medusa`, false);
      if (!holdOf(order)) return { ok: true, remoteRef: order.id, alreadyApplied: true };
      const written = await client.post(path, { metadata: { [HOLD_METADATA_KEY]: '' } });
      return written.ok ? { ok: true, remoteRef: order.id, alreadyApplied: false } : written;
    }
    default: {
      const never: never = payload;
      return never;
    }
  }
}
