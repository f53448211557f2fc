/**
 * Pull: per platform and resource a cursor (the newest updated-at seen) minus an overlap window, so
 * a record updated while the last pull was paging is read again rather than missed
 * (reference/store-platforms.md §5.2; Shopify's own advice for updated_at polling, §1.10). The cursor
 * moves only after a complete pull, and only forward. Each record is applied in its own transaction:
 * one that cannot be stored is logged and counted, never allowed to stall the rest.
 */
import type { Database } from '../db/database';
import { advanceCursor, getCursor } from '../db/repos/sync-cursors';
import { listAppliableAside } from '../db/repos/upstream';
import type { Logger } from '../log/logger';
import type { Page, PullRequest, SyncAdapter, SyncFailure, SyncResult } from './adapter';
import { applyRemoteProduct, applyRemoteReturn } from './apply-catalog';
import { applyKeptAside, applyRemoteOrder, type UpstreamChange } from './apply-order';

export const PULL_RESOURCES = ['products', 'orders', 'returns'] as const;
export type PullResource = (typeof PULL_RESOURCES)[number];

export interface PullDeps {
  readonly db: Database;
  readonly adapter: SyncAdapter;
  readonly locationId: string | null;
  readonly now?: () => Date;
  readonly logger?: Logger;
  /** How far behind the cursor each pull starts again (default 5 minutes). */
  readonly overlapMs?: number;
  /** The pack workflow is told at once when an order it is packing changes upstream. */
  readonly onInterruption?: (orderId: string, change: UpstreamChange) => Promise<void>;
  /** After every page: how many records of this resource have been read so far (a long first pull shows progress). */
  readonly onProgress?: (resource: PullResource, read: number) => void;
}

export interface PullReport {
  readonly resource: PullResource;
  readonly read: number;
  readonly inserted: number;
  readonly updated: number;
  readonly interrupted: number;
  /** Records that could not be stored (logged with the reason). */
  readonly failed: number;
}

export type PullOutcome = { readonly ok: true; readonly report: PullReport } | (SyncFailure & { readonly report: PullReport });

const DEFAULT_OVERLAP_MS = 5 * 60_000;
const MAX_PAGES = 100_000;

export async function pullResource(resource: PullResource, deps: PullDeps): Promise<PullOutcome> {
  const now = deps.now ?? (() => new Date());
  const platform = deps.adapter.platform;
  const cursor = await getCursor(deps.db, platform, resource);
  const since = cursor === null ? null : new Date(Date.parse(cursor) - (deps.overlapMs ?? DEFAULT_OVERLAP_MS)).toISOString();
  const counts = { read: 0, inserted: 0, updated: 0, interrupted: 0, failed: 0 };
  let newest = cursor;
  let page: string | null = null;
  for (let n = 0; n < MAX_PAGES; n++) {
    const request: PullRequest = { since, page, locationId: deps.locationId };
    const result = await fetchPage(resource, deps.adapter, request);
    if (!result.ok) return { ...result, report: { resource, ...counts } };
    for (const item of result.value.items) {
      counts.read++;
      if (newest === null || item.updatedAt > newest) newest = item.updatedAt;
      await applyOne(resource, item, deps, counts, now().toISOString());
    }
    deps.onProgress?.(resource, counts.read);
    page = result.value.next;
    if (page === null) break;
  }
  if (newest !== null && counts.failed === 0) await advanceCursor(deps.db, platform, resource, notAfter(newest, now()), now().toISOString());
  else if (newest !== null) deps.logger?.warn('pull left its cursor where it was: some records could not be stored and will be read again', { resource, failed: counts.failed });
  return { ok: true, report: { resource, ...counts } };
}

type Item = { readonly updatedAt: string; readonly externalId: string };

/**
 * The mark never passes the station's clock: one record stamped in the future (a broken or hostile
 * answer, a platform clock gone wrong) would otherwise make every later pull ask for nothing, for
 * good. A station clock behind the platform's only makes the overlap longer (records read again).
 */
function notAfter(mark: string, now: Date): string {
  return Date.parse(mark) > now.getTime() ? now.toISOString() : mark;
}

function fetchPage(resource: PullResource, adapter: SyncAdapter, request: PullRequest): Promise<SyncResult<Page<Item>>> {
  if (resource === 'orders') return adapter.pullOrders(request);
  if (resource === 'returns') return adapter.pullReturns(request);
  return adapter.pullProducts(request);
}

async function applyOne(resource: PullResource, item: Item, deps: PullDeps, counts: { inserted: number; updated: number; interrupted: number; failed: number }, nowIso: string): Promise<void> {
  const platform = deps.adapter.platform;
  try {
    if (resource === 'orders') {
      const applied = await deps.db.transaction((tx) => applyRemoteOrder(tx, platform, item as never, nowIso));
      if (applied.kind === 'inserted') counts.inserted++;
      else if (applied.kind === 'updated') counts.updated++;
      else if (applied.kind === 'interrupted') {
        counts.interrupted++;
        await deps.onInterruption?.(applied.orderId, applied.change);
      }
      return;
    }
    const applied = await deps.db.transaction((tx) => (resource === 'returns' ? applyRemoteReturn(tx, platform, item as never, nowIso) : applyRemoteProduct(tx, platform, item as never, nowIso)));
    if (applied === 'inserted') counts.inserted++;
    else if (applied === 'updated') counts.updated++;
  } catch (error) {
    counts.failed++;
    deps.logger?.error('a pulled record could not be stored', { resource, externalId: item.externalId, error });
  }
}

/** Versions kept aside while orders were being packed, applied now that their packs have ended. */
export async function applyKeptAsideOrders(deps: Pick<PullDeps, 'db' | 'adapter' | 'now' | 'logger' | 'onInterruption'>): Promise<number> {
  const now = deps.now ?? (() => new Date());
  let applied = 0;
  for (const row of await listAppliableAside(deps.db, 500)) {
    try {
      const outcome = await deps.db.transaction((tx) => applyKeptAside(tx, deps.adapter.platform, row.id, JSON.parse(row.upstreamPending) as never, now().toISOString()));
      // Opened again between the list and the write: kept aside once more, and that pack is told.
      if (outcome.kind === 'interrupted') await deps.onInterruption?.(outcome.orderId, outcome.change);
      applied++;
    } catch (error) {
      deps.logger?.error('an upstream change kept aside could not be applied', { orderId: row.id, error });
    }
  }
  return applied;
}
