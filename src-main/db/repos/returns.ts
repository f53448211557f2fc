import type { ReturnStatus, ReturnSummary } from '../../../src-shared/domain/types';
import type { Queryable } from '../database';
import { sql } from '../sql';
import { insertRows } from './bulk';
import { containsPattern, foldedContainsPattern } from './search';

export interface NewReturnItem {
  readonly id: string;
  readonly productId: string | null;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly reason: string | null;
  /** The platform's id of the item (migration 0003). */
  readonly externalId?: string | null;
}

export interface NewReturn {
  readonly id: string;
  readonly platform: string;
  readonly externalId: string;
  readonly rmaNumber: string;
  readonly orderNumber: string;
  readonly customerName: string;
  readonly status: ReturnStatus;
  readonly createdAt: string;
  readonly items: readonly NewReturnItem[];
}

/** Inserts returns with their items in multi-row statements; wrap large batches in one transaction. */
export async function insertReturns(db: Queryable, returns: readonly NewReturn[]): Promise<void> {
  await insertRows(
    db,
    sql`INSERT INTO returns (id, platform, external_id, rma_number, order_number, customer_name, status, created_at, updated_at)`,
    returns.map((r) => sql`(${r.id}, ${r.platform}, ${r.externalId}, ${r.rmaNumber}, ${r.orderNumber}, ${r.customerName}, ${r.status}, ${r.createdAt}, ${r.createdAt})`),
  );
  const items = returns.flatMap((r) => r.items.map((i) => sql`(${i.id}, ${r.id}, ${i.productId}, ${i.sku}, ${i.title}, ${i.quantity}, ${i.reason}, ${i.externalId ?? null})`));
  await insertRows(db, sql`INSERT INTO return_items (id, return_id, product_id, sku, title, quantity, reason, external_id)`, items);
}

const WAITING = sql`r.status IN ('expected', 'received', 'inspecting')`;

/** Returns still to handle at the desk (expected, received, inspecting), oldest first; search by RMA, order or customer. */
export async function listReturnQueue(db: Queryable, query: { limit: number; search?: string | undefined }): Promise<ReturnSummary[]> {
  const like = containsPattern(query.search);
  const folded = foldedContainsPattern(query.search);
  const filter = like ? sql`AND (r.rma_number LIKE ${like} ESCAPE '\\' OR r.order_number LIKE ${like} ESCAPE '\\' OR r.customer_folded LIKE ${folded} ESCAPE '\\')` : sql``;
  const rows = await db.all<{ id: string; rma_number: string; order_number: string; customer_name: string; item_count: number; status: ReturnStatus; created_at: string }>(
    sql`SELECT r.id, r.rma_number, r.order_number, r.customer_name, r.status, r.created_at,
        (SELECT coalesce(sum(quantity), 0) FROM return_items i WHERE i.return_id = r.id) AS item_count
      FROM returns r WHERE ${WAITING} ${filter}
      ORDER BY r.created_at LIMIT ${query.limit}`,
  );
  return rows.map((r) => ({ id: r.id, rmaNumber: r.rma_number, orderNumber: r.order_number, customerName: r.customer_name, itemCount: r.item_count, status: r.status, createdAt: r.created_at }));
}

export async function countWaitingReturns(db: Queryable): Promise<number> {
  return (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM returns r WHERE ${WAITING}`))?.n ?? 0;
}
