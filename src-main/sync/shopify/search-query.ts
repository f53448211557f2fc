/**
 * Shopify search syntax for the `query:` arguments (store-platforms.md §1.4, §1.10), built only from
 * validated values: a numeric location id and an ISO-8601 instant. Nothing typed by a person or
 * sent by the platform is pasted into a query string.
 */
import { z } from 'zod';

const Since = z.iso.datetime({ offset: true });

/** `gid://shopify/Location/123` → `123`; null when it is not a location gid. */
export function numericLocationId(gid: string): string | null {
  return /^gid:\/\/shopify\/Location\/(\d{1,20})$/.exec(gid)?.[1] ?? null;
}

/** `updated_at:>='…'`: at or after, so the engine's overlap window re-reads the boundary record. */
export function updatedSince(since: string): string {
  const iso = Since.parse(since);
  return `updated_at:>='${iso}'`;
}

export function fulfillmentOrdersQuery(locationGid: string, since: string | null): string {
  const id = numericLocationId(locationGid);
  if (!id) throw new Error('not a location gid');
  return since ? `assigned_location_id:${id} AND ${updatedSince(since)}` : `assigned_location_id:${id}`;
}

export function ordersWithReturnsQuery(since: string | null): string {
  // First pull: orders whose return is under way. Later pulls: every updated order that ever had a
  // return, so closed and cancelled returns reach the station too.
  return since ? `${updatedSince(since)} AND -return_status:no_return` : 'return_status:in_progress';
}

export function productVariantsQuery(since: string | null): string | null {
  return since ? updatedSince(since) : null;
}
