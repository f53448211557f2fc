import type { Packed } from '../../workflows/pack/pack-machine';
import type { Queryable } from '../database';
import { sql } from '../sql';

export interface NewPackScan {
  readonly sessionId: string;
  readonly seq: number;
  readonly raw: string;
  readonly symbology: string | null;
  /** What the scan was read as: gtin, gs1, sku, command, box, serial, lot, manual… */
  readonly kind: string;
  readonly outcome: string;
  readonly lineId: string | null;
  readonly productId: string | null;
  readonly quantity: number;
  readonly packageIndex: number | null;
  readonly serial: string | null;
  readonly lot: string | null;
  readonly expiry: string | null;
  readonly manual: boolean;
  readonly at: string;
  readonly operatorId: string;
}

/** Every scan is recorded, refused ones too: the metrics and the supervisor read them. */
export async function insertPackScan(db: Queryable, s: NewPackScan): Promise<void> {
  await db.run(sql`INSERT INTO pack_scans (session_id, seq, raw, symbology, kind, outcome, line_id, product_id, quantity, package_index, serial, lot, expiry, manual, at, operator_id)
    VALUES (${s.sessionId}, ${s.seq}, ${s.raw}, ${s.symbology}, ${s.kind}, ${s.outcome}, ${s.lineId}, ${s.productId}, ${s.quantity}, ${s.packageIndex}, ${s.serial}, ${s.lot}, ${s.expiry},
      ${s.manual ? 1 : 0}, ${s.at}, ${s.operatorId})`);
}

export async function markScanUndone(db: Queryable, sessionId: string, seq: number): Promise<void> {
  await db.run(sql`UPDATE pack_scans SET undone = 1 WHERE session_id = ${sessionId} AND seq = ${seq}`);
}

export async function lastScanSeq(db: Queryable, sessionId: string): Promise<number> {
  return (await db.get<{ n: number | null }>(sql`SELECT max(seq) AS n FROM pack_scans WHERE session_id = ${sessionId}`))?.n ?? 0;
}

/**
 * A pack that ends without shipping (cancelled, released after an upstream change, held as an
 * exception) puts its units back: its packed scans stop counting, like undone ones, so their serials
 * can be packed again when the order is reopened or requeued (index pack_scans_unit would refuse
 * them otherwise). The rows stay for the record.
 */
export async function unpackSession(db: Queryable, sessionId: string): Promise<void> {
  await db.run(sql`UPDATE pack_scans SET undone = 1 WHERE session_id = ${sessionId} AND undone = 0 AND outcome IN ('ok', 'line-complete', 'order-complete')`);
}

/** The units a session has packed (not undone), in scan order: what a resumed pack starts from. */
export async function listPackedScans(db: Queryable, sessionId: string): Promise<Packed[]> {
  const rows = await db.all<{ seq: number; line_id: string; quantity: number; package_index: number; serial: string | null; lot: string | null; expiry: string | null; manual: number }>(
    sql`SELECT seq, line_id, quantity, package_index, serial, lot, expiry, manual FROM pack_scans
      WHERE session_id = ${sessionId} AND undone = 0 AND outcome IN ('ok', 'line-complete', 'order-complete') ORDER BY seq`,
  );
  return rows.map((r) => ({ seq: r.seq, lineId: r.line_id, quantity: r.quantity, packageIndex: r.package_index, serial: r.serial, lot: r.lot, expiry: r.expiry, manual: r.manual === 1 }));
}

/** Whether another session already packed this unit (index pack_scans_unit keeps it to one). */
export async function serialPackedElsewhere(db: Queryable, productId: string, serial: string, sessionId: string): Promise<boolean> {
  const row = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM pack_scans WHERE product_id = ${productId} AND serial = ${serial} AND session_id <> ${sessionId}
    AND undone = 0 AND outcome IN ('ok', 'line-complete', 'order-complete')`);
  return (row?.n ?? 0) > 0;
}
