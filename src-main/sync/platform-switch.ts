/**
 * What changing the configured store does to the station's own data, inside the transaction that
 * saves the new store (and its audit row). Without it a station that trained on the demo store and
 * then connects its real Shopify store would keep demo orders in the packing queue, and a packed
 * demo order would be sent to the real store as a fulfilment.
 *
 * - A pack open on an order of the store being left: refused, finish or cancel that pack first.
 * - Operations not yet delivered to a real store: refused, deliver or discard them on the Sync tab
 *   first (switching must never lose work a store is owed). The demo store is owed nothing: its
 *   undelivered operations are discarded, each marked why.
 * - The left store's waiting orders (open, on hold, in exception) and returns leave the queues
 *   (orders as cancelled, returns as closed), and the orders' open exceptions close. Their version stamp and the store's pull cursors are cleared, so coming back
 *   to that store pulls everything again and the platform's state wins over "retired" here.
 */
import type { Platform } from './adapter';
import { AppError } from '../../src-shared/errors/codes';
import type { Queryable } from '../db/database';
import { countOutbox, discardUndelivered } from '../db/repos/outbox';
import { LIVE_STATES } from '../db/repos/pack-sessions';
import { sql } from '../db/sql';

export interface SwitchReport {
  readonly ordersRetired: number;
  readonly returnsRetired: number;
  readonly operationsDiscarded: number;
}

/** 'in-progress' too: once no pack is live (checked first), that is a released pack's leftover. */
const WAITING = sql`('open', 'in-progress', 'on-hold', 'exception')`;

export async function leavePlatform(tx: Queryable, from: Platform, to: Platform, operatorId: string | null, at: string): Promise<SwitchReport> {
  if (from === to) return { ordersRetired: 0, returnsRetired: 0, operationsDiscarded: 0 };
  const packing = await tx.get<{ number: string }>(sql`SELECT o.number FROM orders o JOIN pack_sessions s ON s.order_id = o.id
    WHERE o.platform = ${from} AND s.state IN ${LIVE_STATES} ORDER BY o.number LIMIT 1`);
  if (packing) throw new AppError('sync.switch-pack-open', `order ${packing.number} is being packed; finish or cancel that pack before changing the store`);

  const owed = await countOutbox(tx, 'platform');
  const undelivered = owed.pending + owed.rejected;
  if (undelivered > 0 && from !== 'demo') {
    throw new AppError('sync.switch-undelivered', `${undelivered} operation(s) are still owed to the ${from} store; deliver or discard them on the Sync tab before changing the store`);
  }
  const discarded = await discardUndelivered(tx, 'platform', 'sync.store-switched', `the station left the demo store for ${to}`);

  await tx.run(sql`UPDATE pack_exceptions SET resolved_at = ${at}, resolved_by = ${operatorId}
    WHERE resolved_at IS NULL AND order_id IN (SELECT id FROM orders WHERE platform = ${from} AND status IN ${WAITING})`);
  const retired = await tx.run(sql`UPDATE orders SET status = 'cancelled', claimed_station_id = NULL, claimed_operator_id = NULL, remote_updated_at = NULL, updated_at = ${at}
    WHERE platform = ${from} AND status IN ${WAITING}`);
  const returns = await tx.run(sql`UPDATE returns SET status = 'closed', remote_updated_at = NULL, updated_at = ${at}
    WHERE platform = ${from} AND status IN ('expected', 'received', 'inspecting')`);
  await tx.run(sql`DELETE FROM sync_cursors WHERE platform = ${from}`);
  return { ordersRetired: retired.changes, returnsRetired: returns.changes, operationsDiscarded: discarded };
}
