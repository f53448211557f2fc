/**
 * Writes of what the platform sent (pulled orders, returns and catalog) into the station's tables.
 * The sync engine decides what to write (src-main/sync/apply-*.ts); this file only knows SQL.
 */
import type { OrderStatus, ReturnStatus } from '../../../src-shared/domain/types';
import type { Queryable } from '../database';
import { sql } from '../sql';
import { LIVE_STATES } from './pack-sessions';

export interface LocalOrderState {
  readonly id: string;
  readonly status: OrderStatus;
  readonly remoteUpdatedAt: string | null;
  readonly upstreamPending: string | null;
}

export async function findOrderByExternalId(db: Queryable, platform: string, externalId: string): Promise<LocalOrderState | null> {
  return (
    (await db.get<LocalOrderState>(sql`SELECT id, status, remote_updated_at AS remoteUpdatedAt, upstream_pending AS upstreamPending
      FROM orders WHERE platform = ${platform} AND external_id = ${externalId}`)) ?? null
  );
}

export interface UpstreamLine {
  readonly id: string;
  readonly externalId: string;
  readonly productId: string | null;
  readonly sku: string;
  readonly title: string;
  readonly variant: string | null;
  readonly quantity: number;
  readonly unitWeightMg: number | null;
}

export interface UpstreamOrder {
  readonly id: string;
  readonly platform: string;
  readonly externalId: string;
  readonly number: string;
  readonly status: OrderStatus;
  readonly customerName: string;
  readonly email: string | null;
  readonly shipName: string;
  readonly shipLine1: string;
  readonly shipLine2: string | null;
  readonly shipCity: string;
  readonly shipRegion: string | null;
  readonly shipPostal: string | null;
  readonly shipCountry: string;
  readonly carrier: string | null;
  readonly service: string | null;
  readonly priority: number;
  readonly shipBy: string | null;
  readonly createdAt: string;
  readonly remoteUpdatedAt: string;
  readonly lines: readonly UpstreamLine[];
}

export interface LocalLine {
  readonly id: string;
  readonly externalId: string | null;
  readonly lineNo: number;
  readonly sku: string;
  readonly quantity: number;
}

export async function listOrderLines(db: Queryable, orderId: string): Promise<LocalLine[]> {
  return db.all<LocalLine>(sql`SELECT id, external_id AS externalId, line_no AS lineNo, sku, quantity FROM order_lines WHERE order_id = ${orderId} ORDER BY line_no`);
}

export interface LocalShipTo {
  readonly shipName: string;
  readonly shipLine1: string;
  readonly shipLine2: string | null;
  readonly shipCity: string;
  readonly shipRegion: string | null;
  readonly shipPostal: string | null;
  readonly shipCountry: string;
}

export async function getOrderShipTo(db: Queryable, orderId: string): Promise<LocalShipTo | null> {
  return (
    (await db.get<LocalShipTo>(sql`SELECT ship_name AS shipName, ship_line1 AS shipLine1, ship_line2 AS shipLine2, ship_city AS shipCity,
      ship_region AS shipRegion, ship_postal AS shipPostal, ship_country AS shipCountry FROM orders WHERE id = ${orderId}`)) ?? null
  );
}

export async function insertUpstreamOrder(db: Queryable, o: UpstreamOrder, nowIso: string): Promise<void> {
  await db.run(sql`INSERT INTO orders (id, platform, external_id, number, status, customer_name, email, ship_name, ship_line1, ship_line2, ship_city,
      ship_region, ship_postal, ship_country, carrier, service, priority, ship_by, created_at, updated_at, remote_updated_at)
    VALUES (${o.id}, ${o.platform}, ${o.externalId}, ${o.number}, ${o.status}, ${o.customerName}, ${o.email}, ${o.shipName}, ${o.shipLine1}, ${o.shipLine2},
      ${o.shipCity}, ${o.shipRegion}, ${o.shipPostal}, ${o.shipCountry}, ${o.carrier}, ${o.service}, ${o.priority}, ${o.shipBy}, ${o.createdAt}, ${nowIso}, ${o.remoteUpdatedAt})`);
  for (const [i, line] of o.lines.entries()) await insertUpstreamLine(db, o.id, i + 1, line);
}

export async function insertUpstreamLine(db: Queryable, orderId: string, lineNo: number, l: UpstreamLine): Promise<void> {
  await db.run(sql`INSERT INTO order_lines (id, order_id, line_no, product_id, sku, title, variant, quantity, unit_weight_mg, external_id)
    VALUES (${l.id}, ${orderId}, ${lineNo}, ${l.productId}, ${l.sku}, ${l.title}, ${l.variant}, ${l.quantity}, ${l.unitWeightMg}, ${l.externalId})`);
}

/** Overwrites the order's header with the platform's version and clears any change kept aside. */
export async function updateUpstreamOrder(db: Queryable, o: UpstreamOrder, nowIso: string): Promise<void> {
  await db.run(sql`UPDATE orders SET number = ${o.number}, status = ${o.status}, customer_name = ${o.customerName}, email = ${o.email},
      ship_name = ${o.shipName}, ship_line1 = ${o.shipLine1}, ship_line2 = ${o.shipLine2}, ship_city = ${o.shipCity}, ship_region = ${o.shipRegion},
      ship_postal = ${o.shipPostal}, ship_country = ${o.shipCountry}, carrier = ${o.carrier}, service = ${o.service}, priority = ${o.priority},
      ship_by = ${o.shipBy}, updated_at = ${nowIso}, remote_updated_at = ${o.remoteUpdatedAt}, upstream_pending = NULL
    WHERE id = ${o.id}`);
}

export async function updateUpstreamLine(db: Queryable, l: UpstreamLine): Promise<void> {
  await db.run(sql`UPDATE order_lines SET product_id = ${l.productId}, sku = ${l.sku}, title = ${l.title}, variant = ${l.variant},
      quantity = ${l.quantity}, unit_weight_mg = coalesce(${l.unitWeightMg}, unit_weight_mg), external_id = ${l.externalId}
    WHERE id = ${l.id}`);
}

/** Deletes a line the platform removed, unless a pack already recorded scans against it (kept for the record). */
export async function deleteUnscannedLine(db: Queryable, lineId: string): Promise<boolean> {
  return (await db.run(sql`DELETE FROM order_lines WHERE id = ${lineId} AND NOT EXISTS (SELECT 1 FROM pack_scans s WHERE s.line_id = ${lineId})`)).changes === 1;
}

/** Keeps the platform's version of an order that is being packed aside, with its updated-at. */
export async function keepUpstreamAside(db: Queryable, orderId: string, upstreamJson: string, remoteUpdatedAt: string): Promise<void> {
  await db.run(sql`UPDATE orders SET upstream_pending = ${upstreamJson}, remote_updated_at = ${remoteUpdatedAt} WHERE id = ${orderId}`);
}

export async function setOrderStatusFromUpstream(db: Queryable, orderId: string, status: OrderStatus, remoteUpdatedAt: string, nowIso: string): Promise<void> {
  await db.run(sql`UPDATE orders SET status = ${status}, remote_updated_at = ${remoteUpdatedAt}, updated_at = ${nowIso} WHERE id = ${orderId}`);
}

/** Forgets a kept-aside version and the updated-at it carried, so it can be applied as if freshly pulled. */
export async function clearKeptAside(db: Queryable, orderId: string): Promise<void> {
  await db.run(sql`UPDATE orders SET upstream_pending = NULL, remote_updated_at = NULL WHERE id = ${orderId}`);
}

/** A pack session still open on the order. */
const PACK_LIVE = sql`EXISTS (SELECT 1 FROM pack_sessions s WHERE s.order_id = orders.id AND s.state IN ${LIVE_STATES})`;

/**
 * Orders with a change kept aside whose pack has ended: the change can be applied now. An order
 * still "in progress" with no live pack is one whose interrupted pack was released (the release
 * drops only the claim).
 */
export async function listAppliableAside(db: Queryable, limit: number): Promise<{ id: string; upstreamPending: string }[]> {
  return db.all(sql`SELECT id, upstream_pending AS upstreamPending FROM orders WHERE upstream_pending IS NOT NULL AND (status <> 'in-progress' OR NOT ${PACK_LIVE}) LIMIT ${limit}`);
}

/** An order left "in progress" by a pack that has ended is open again (checked in the same statement, so a pack opened meanwhile keeps it). */
export async function reopenIfPackEnded(db: Queryable, orderId: string, nowIso: string): Promise<void> {
  await db.run(sql`UPDATE orders SET status = 'open', claimed_station_id = NULL, claimed_operator_id = NULL, updated_at = ${nowIso} WHERE id = ${orderId} AND status = 'in-progress' AND NOT ${PACK_LIVE}`);
}

export interface LocalReturnState {
  readonly id: string;
  readonly status: ReturnStatus;
  readonly remoteUpdatedAt: string | null;
}

export async function findReturnByExternalId(db: Queryable, platform: string, externalId: string): Promise<LocalReturnState | null> {
  return (await db.get<LocalReturnState>(sql`SELECT id, status, remote_updated_at AS remoteUpdatedAt FROM returns WHERE platform = ${platform} AND external_id = ${externalId}`)) ?? null;
}

export interface UpstreamReturn {
  readonly id: string;
  readonly platform: string;
  readonly externalId: string;
  readonly rmaNumber: string;
  readonly orderNumber: string;
  readonly orderId: string | null;
  readonly customerName: string;
  readonly status: ReturnStatus;
  readonly createdAt: string;
  readonly remoteUpdatedAt: string;
  readonly items: readonly { id: string; externalId: string; productId: string | null; sku: string; title: string; quantity: number; reason: string | null }[];
}

export async function insertUpstreamReturn(db: Queryable, r: UpstreamReturn, nowIso: string): Promise<void> {
  await db.run(sql`INSERT INTO returns (id, platform, external_id, rma_number, order_number, order_id, customer_name, status, created_at, updated_at, remote_updated_at)
    VALUES (${r.id}, ${r.platform}, ${r.externalId}, ${r.rmaNumber}, ${r.orderNumber}, ${r.orderId}, ${r.customerName}, ${r.status}, ${r.createdAt}, ${nowIso}, ${r.remoteUpdatedAt})`);
  for (const i of r.items) {
    await db.run(sql`INSERT INTO return_items (id, return_id, product_id, sku, title, quantity, reason, external_id)
      VALUES (${i.id}, ${r.id}, ${i.productId}, ${i.sku}, ${i.title}, ${i.quantity}, ${i.reason}, ${i.externalId})`);
  }
}

export async function setReturnStatusFromUpstream(db: Queryable, id: string, status: ReturnStatus, remoteUpdatedAt: string, nowIso: string): Promise<void> {
  await db.run(sql`UPDATE returns SET status = ${status}, remote_updated_at = ${remoteUpdatedAt}, updated_at = ${nowIso} WHERE id = ${id}`);
}

export async function findOrderIdByNumber(db: Queryable, platform: string, number: string): Promise<string | null> {
  return (await db.get<{ id: string }>(sql`SELECT id FROM orders WHERE platform = ${platform} AND number = ${number} LIMIT 1`))?.id ?? null;
}

export interface UpstreamProduct {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly variant: string | null;
  readonly unitWeightMg: number | null;
  readonly imageUrl: string | null;
}

/** Inserts or refreshes a product by SKU; a weight from the platform replaces a learned estimate. Returns its id. */
export async function upsertUpstreamProduct(db: Queryable, p: UpstreamProduct, nowIso: string): Promise<string> {
  await db.run(sql`INSERT INTO products (id, sku, title, variant, unit_weight_mg, image_url, updated_at)
    VALUES (${p.id}, ${p.sku}, ${p.title}, ${p.variant}, ${p.unitWeightMg}, ${p.imageUrl}, ${nowIso})
    ON CONFLICT (sku) DO UPDATE SET title = excluded.title, variant = excluded.variant,
      unit_weight_mg = coalesce(excluded.unit_weight_mg, products.unit_weight_mg),
      weight_is_estimate = CASE WHEN excluded.unit_weight_mg IS NULL THEN products.weight_is_estimate ELSE 0 END,
      image_url = coalesce(excluded.image_url, products.image_url), updated_at = excluded.updated_at`);
  const row = await db.get<{ id: string }>(sql`SELECT id FROM products WHERE sku = ${p.sku}`);
  if (!row) throw new Error(`product ${p.sku} vanished after upsert`);
  return row.id;
}

/** Adds a barcode to a product unless the value already names a product (first owner wins; never silently moved). */
export async function addBarcodeIfNew(db: Queryable, productId: string, value: string, kind: 'gtin' | 'alias'): Promise<boolean> {
  return (await db.run(sql`INSERT INTO product_barcodes (value, product_id, kind, quantity) VALUES (${value}, ${productId}, ${kind}, 1) ON CONFLICT (value) DO NOTHING`)).changes === 1;
}

export async function findProductIdBySku(db: Queryable, sku: string): Promise<{ id: string; unitWeightMg: number | null } | null> {
  return (await db.get<{ id: string; unitWeightMg: number | null }>(sql`SELECT id, unit_weight_mg AS unitWeightMg FROM products WHERE sku = ${sku}`)) ?? null;
}
