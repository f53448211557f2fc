import type { OrderStatus, OrderSummary } from '../../../src-shared/domain/types';
import type { Queryable } from '../database';
import { sql, type SqlFragment } from '../sql';
import { insertRows } from './bulk';
import { containsPattern, foldedContainsPattern } from './search';

export interface NewOrderLine {
  readonly id: string;
  readonly lineNo: number;
  readonly productId: string | null;
  readonly sku: string;
  readonly title: string;
  readonly variant: string | null;
  readonly quantity: number;
  readonly unitWeightMg: number | null;
  /** The platform's id of the line (migration 0003); null for lines no platform knows. */
  readonly externalId?: string | null;
}

export interface ShipTo {
  readonly name: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly region: string | null;
  readonly postalCode: string | null;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
}

export interface NewOrder {
  readonly id: string;
  readonly platform: string;
  readonly externalId: string;
  readonly number: string;
  readonly status: OrderStatus;
  readonly customerName: string;
  readonly email: string | null;
  readonly shipTo: ShipTo;
  readonly carrier: string | null;
  readonly service: string | null;
  readonly priority: number;
  readonly shipBy: string | null;
  readonly createdAt: string;
  readonly lines: readonly NewOrderLine[];
}

function orderRow(o: NewOrder): SqlFragment {
  const s = o.shipTo;
  return sql`(${o.id}, ${o.platform}, ${o.externalId}, ${o.number}, ${o.status}, ${o.customerName}, ${o.email}, ${s.name}, ${s.line1}, ${s.line2},
    ${s.city}, ${s.region}, ${s.postalCode}, ${s.country}, ${o.carrier}, ${o.service}, ${o.priority}, ${o.shipBy}, ${o.createdAt}, ${o.createdAt})`;
}

function lineRow(orderId: string, l: NewOrderLine): SqlFragment {
  return sql`(${l.id}, ${orderId}, ${l.lineNo}, ${l.productId}, ${l.sku}, ${l.title}, ${l.variant}, ${l.quantity}, ${l.unitWeightMg}, ${l.externalId ?? null})`;
}

/** Inserts orders with their lines in multi-row statements; wrap large batches in one transaction. */
export async function insertOrders(db: Queryable, orders: readonly NewOrder[]): Promise<void> {
  await insertRows(
    db,
    sql`INSERT INTO orders (id, platform, external_id, number, status, customer_name, email, ship_name, ship_line1, ship_line2,
      ship_city, ship_region, ship_postal, ship_country, carrier, service, priority, ship_by, created_at, updated_at)`,
    orders.map(orderRow),
  );
  const lines = orders.flatMap((o) => o.lines.map((l) => lineRow(o.id, l)));
  await insertRows(db, sql`INSERT INTO order_lines (id, order_id, line_no, product_id, sku, title, variant, quantity, unit_weight_mg, external_id)`, lines);
}

/**
 * Waiting = on the packing queue. The text must stay identical to the WHERE of the partial index
 * `orders_queue` (migration 0002): SQLite uses a partial index only when the query repeats its terms.
 */
const WAITING = sql`o.status IN ('open', 'in-progress')`;
const QUEUE_ORDER = sql`o.priority DESC, o.ship_by IS NULL, o.ship_by, o.created_at`;

interface QueueRaw {
  id: string;
  number: string;
  customer_name: string;
  ship_city: string;
  ship_country: string;
  line_count: number;
  unit_count: number;
  priority: number;
  ship_by: string | null;
  status: OrderStatus;
}

function toSummary(r: QueueRaw): OrderSummary {
  return {
    id: r.id,
    number: r.number,
    customerName: r.customer_name,
    city: r.ship_city,
    country: r.ship_country,
    lineCount: r.line_count,
    unitCount: r.unit_count,
    priority: r.priority,
    shipBy: r.ship_by,
    status: r.status,
  };
}

/** The queue's statement, exported so a test can check SQLite reads it from `orders_queue`. */
export function orderQueueQuery(query: { limit: number; search?: string | undefined }): SqlFragment {
  const like = containsPattern(query.search);
  const folded = foldedContainsPattern(query.search);
  const filter = like ? sql`AND (o.number LIKE ${like} ESCAPE '\\' OR o.customer_folded LIKE ${folded} ESCAPE '\\')` : sql``;
  return sql`SELECT o.id, o.number, o.customer_name, o.ship_city, o.ship_country, o.priority, o.ship_by, o.status,
      (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS line_count,
      (SELECT coalesce(sum(l.quantity), 0) FROM order_lines l WHERE l.order_id = o.id) AS unit_count
    FROM orders o
    WHERE ${WAITING} ${filter}
    ORDER BY ${QUEUE_ORDER}
    LIMIT ${query.limit}`;
}

/**
 * The packing queue: open and in-progress orders, most urgent first (priority, then the earliest
 * ship-by, orders without one last), optionally filtered by order number or customer name.
 */
export async function listOrderQueue(db: Queryable, query: { limit: number; search?: string | undefined }): Promise<OrderSummary[]> {
  const rows = await db.all<QueueRaw>(orderQueueQuery(query));
  return rows.map(toSummary);
}

export async function countWaitingOrders(db: Queryable): Promise<number> {
  return (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM orders o WHERE ${WAITING}`))?.n ?? 0;
}

/** Orders whose packing finished at or after `sinceIso` (e.g. local midnight for "packed today"). */
export async function countPackedSince(db: Queryable, sinceIso: string): Promise<number> {
  return (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM orders WHERE packed_at >= ${sinceIso}`))?.n ?? 0;
}
