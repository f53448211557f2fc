import type { OrderStatus } from '../../../src-shared/domain/types';
import type { Queryable } from '../database';
import { sql } from '../sql';
import type { NewOrder } from './orders';

/** An order as the packing bench opens it: header, ship-to and lines with their product's details. */
export interface PackOrder extends Pick<NewOrder, 'id' | 'platform' | 'externalId' | 'number' | 'status' | 'customerName' | 'shipTo' | 'carrier' | 'service'> {
  readonly claimedStationId: string | null;
  readonly claimedOperatorId: string | null;
  readonly lines: readonly PackOrderLine[];
}

export interface PackOrderLine {
  readonly id: string;
  readonly externalId: string | null;
  readonly productId: string | null;
  readonly sku: string;
  readonly title: string;
  readonly variant: string | null;
  readonly quantity: number;
  readonly bin: string | null;
  readonly imageUrl: string | null;
  readonly unitWeightMg: number | null;
  readonly weightIsEstimate: boolean;
  readonly requiresSerial: boolean;
  readonly requiresLot: boolean;
  readonly dims: readonly [number, number, number] | null;
}

interface OrderRaw {
  id: string;
  platform: string;
  external_id: string;
  number: string;
  status: OrderStatus;
  customer_name: string;
  ship_name: string;
  ship_line1: string;
  ship_line2: string | null;
  ship_city: string;
  ship_region: string | null;
  ship_postal: string | null;
  ship_country: string;
  carrier: string | null;
  service: string | null;
  claimed_station_id: string | null;
  claimed_operator_id: string | null;
}

interface LineRaw {
  id: string;
  external_id: string | null;
  product_id: string | null;
  sku: string;
  title: string;
  variant: string | null;
  quantity: number;
  bin: string | null;
  image_url: string | null;
  unit_weight_mg: number | null;
  weight_is_estimate: number | null;
  requires_serial: number | null;
  requires_lot: number | null;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
}

function toLine(r: LineRaw): PackOrderLine {
  const dims = r.length_mm && r.width_mm && r.height_mm ? ([r.length_mm, r.width_mm, r.height_mm] as const) : null;
  return {
    id: r.id,
    externalId: r.external_id,
    productId: r.product_id,
    sku: r.sku,
    title: r.title,
    variant: r.variant,
    quantity: r.quantity,
    bin: r.bin,
    imageUrl: r.image_url,
    unitWeightMg: r.unit_weight_mg,
    weightIsEstimate: r.weight_is_estimate === 1,
    requiresSerial: r.requires_serial === 1,
    requiresLot: r.requires_lot === 1,
    dims,
  };
}

/** The order with its lines; the product's current weight wins over the one copied onto the line. */
export async function loadPackOrder(db: Queryable, orderId: string): Promise<PackOrder | null> {
  const o = await db.get<OrderRaw>(sql`SELECT id, platform, external_id, number, status, customer_name, ship_name, ship_line1, ship_line2, ship_city, ship_region, ship_postal,
      ship_country, carrier, service, claimed_station_id, claimed_operator_id FROM orders WHERE id = ${orderId}`);
  if (!o) return null;
  const lines = await db.all<LineRaw>(sql`SELECT l.id, l.external_id, l.product_id, l.sku, l.title, l.variant, l.quantity, p.bin, p.image_url,
      coalesce(p.unit_weight_mg, l.unit_weight_mg) AS unit_weight_mg, p.weight_is_estimate, p.requires_serial, p.requires_lot, p.length_mm, p.width_mm, p.height_mm
    FROM order_lines l LEFT JOIN products p ON p.id = l.product_id WHERE l.order_id = ${orderId} ORDER BY l.line_no`);
  return {
    id: o.id,
    platform: o.platform,
    externalId: o.external_id,
    number: o.number,
    status: o.status,
    customerName: o.customer_name,
    shipTo: { name: o.ship_name, line1: o.ship_line1, line2: o.ship_line2, city: o.ship_city, region: o.ship_region, postalCode: o.ship_postal, country: o.ship_country },
    carrier: o.carrier,
    service: o.service,
    claimedStationId: o.claimed_station_id,
    claimedOperatorId: o.claimed_operator_id,
    lines: lines.map(toLine),
  };
}

/**
 * The order a scanned order number, slip barcode or tote names. Order numbers are matched as printed
 * and with or without the platform's leading '#', since slips print "#1001" and scanners drop it.
 */
export async function findOrderIdByCode(db: Queryable, code: string, kind: 'order' | 'tote'): Promise<string | null> {
  if (kind === 'tote') return (await db.get<{ id: string }>(sql`SELECT id FROM orders WHERE tote = ${code} ORDER BY created_at DESC LIMIT 1`))?.id ?? null;
  const bare = code.startsWith('#') ? code.slice(1) : code;
  const row = await db.get<{ id: string }>(sql`SELECT id FROM orders WHERE number IN (${code}, ${bare}, ${'#' + bare}) OR id = ${code} ORDER BY created_at DESC LIMIT 1`);
  return row?.id ?? null;
}

export async function setOrderClaim(db: Queryable, orderId: string, claim: { stationId: string; operatorId: string } | null, status: OrderStatus, now: string): Promise<void> {
  await db.run(sql`UPDATE orders SET claimed_station_id = ${claim?.stationId ?? null}, claimed_operator_id = ${claim?.operatorId ?? null}, status = ${status}, updated_at = ${now} WHERE id = ${orderId}`);
}

export async function markOrderPacked(db: Queryable, orderId: string, now: string): Promise<void> {
  await db.run(sql`UPDATE orders SET status = 'packed', packed_at = ${now}, claimed_station_id = NULL, claimed_operator_id = NULL, updated_at = ${now} WHERE id = ${orderId}`);
}

export async function setOrderTote(db: Queryable, orderId: string, tote: string | null): Promise<void> {
  await db.run(sql`UPDATE orders SET tote = ${tote} WHERE id = ${orderId}`);
}

/** The next waiting order for "open the next order" after a completion. */
export async function nextWaitingOrderId(db: Queryable, stationId: string): Promise<string | null> {
  const row = await db.get<{ id: string }>(sql`SELECT o.id FROM orders o WHERE o.status IN ('open', 'in-progress')
      AND (o.claimed_station_id IS NULL OR o.claimed_station_id = ${stationId})
    ORDER BY o.priority DESC, o.ship_by IS NULL, o.ship_by, o.created_at LIMIT 1`);
  return row?.id ?? null;
}
