import type { OrderStatus, OrderSummary } from '../../../src-shared/domain/types';
import type { Queryable } from '../database';
import { sql } from '../sql';

export interface NewOrderLine {
  readonly id: string;
  readonly lineNo: number;
  readonly productId: string | null;
  readonly sku: string;
  readonly title: string;
  readonly variant: string | null;
  readonly quantity: number;
  readonly unitWeightMg: number | null;
}

export interface NewOrder {
  readonly id: string;
  readonly platform: string;
  readonly externalId: string;
  readonly number: string;
  readonly status: OrderStatus;
  readonly customerName: string;
  readonly email: string | null;
  readonly shipTo: { name: string; line1: string; line2: string | null; city: string; region: string | null; postalCode: string | null; country: string };
  readonly carrier: string | null;
  readonly service: string | null;
  readonly priority: number;
  readonly shipBy: string | null;
  readonly createdAt: string;
  readonly lines: readonly NewOrderLine[];
}

/** Inserts orders with their lines; callers wrap large batches in one transaction. */
export async function insertOrders(db: Queryable, orders: readonly NewOrder[]): Promise<void> {
  for (const o of orders) {
    const s = o.shipTo;
    await db.run(sql`INSERT INTO orders (id, platform, external_id, number, status, customer_name, email, ship_name, ship_line1, ship_line2,
        ship_city, ship_region, ship_postal, ship_country, carrier, service, priority, ship_by, created_at, updated_at)
      VALUES (${o.id}, ${o.platform}, ${o.externalId}, ${o.number}, ${o.status}, ${o.customerName}, ${o.email}, ${s.name}, ${s.line1}, ${s.line2},
        ${s.city}, ${s.region}, ${s.postalCode}, ${s.country}, ${o.carrier}, ${o.service}, ${o.priority}, ${o.shipBy}, ${o.createdAt}, ${o.createdAt})`);
    for (const l of o.lines) {
      await db.run(sql`INSERT INTO order_lines (id, order_id, line_no, product_id, sku, title, variant, quantity, unit_weight_mg)
        VALUES (${l.id}, ${o.id}, ${l.lineNo}, ${l.productId}, ${l.sku}, ${l.title}, ${l.variant}, ${l.quantity}, ${l.unitWeightMg})`);
    }
  }
}

const WAITING = sql.raw(`('open', 'in-progress')`);

/** The packing queue: most urgent first (priority, then ship-by), optionally filtered by number or customer. */
export async function listOrderQueue(db: Queryable, query: { limit: number; search?: string | undefined }): Promise<OrderSummary[]> {
  const search = query.search?.trim();
  const filter = search ? sql`AND (o.number LIKE ${'%' + escapeLike(search) + '%'} ESCAPE '\\' OR o.customer_name LIKE ${'%' + escapeLike(search) + '%'} ESCAPE '\\')` : sql.raw('');
  const rows = await db.all<{
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
  }>(sql`SELECT o.id, o.number, o.customer_name, o.ship_city, o.ship_country, o.priority, o.ship_by, o.status,
      (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS line_count,
      (SELECT coalesce(sum(quantity), 0) FROM order_lines l WHERE l.order_id = o.id) AS unit_count
    FROM orders o
    WHERE o.status IN ${WAITING} ${filter}
    ORDER BY o.priority DESC, o.ship_by IS NULL, o.ship_by, o.created_at
    LIMIT ${query.limit}`);
  return rows.map((r) => ({
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
  }));
}

export async function countWaitingOrders(db: Queryable): Promise<number> {
  return (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM orders WHERE status IN ${WAITING}`))?.n ?? 0;
}

export async function countPackedSince(db: Queryable, sinceIso: string): Promise<number> {
  return (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM orders WHERE packed_at >= ${sinceIso}`))?.n ?? 0;
}

/** `%` and `_` typed into the search box match literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}
