import type { MachinePackage } from '../../workflows/pack/pack-machine';
import type { Queryable } from '../database';
import { sql } from '../sql';

export type LabelState = 'none' | 'pending' | 'printed' | 'failed';

/** A package row: the machine's package (box, tare, weights) with its label and tracking. */
export interface PackageRow extends MachinePackage {
  readonly id: string;
  readonly sessionId: string;
  readonly carrier: string | null;
  readonly tracking: string | null;
  readonly labelState: LabelState;
  readonly labelSource: 'station' | 'platform' | null;
  readonly labelJobId: string | null;
  readonly labelError: string | null;
}

interface Raw {
  id: string;
  session_id: string;
  package_index: number;
  box_code: string | null;
  tare_mg: number;
  weight_mg: number | null;
  expected_weight_mg: number | null;
  weighed: PackageRow['weighed'];
  carrier: string | null;
  tracking: string | null;
  label_state: LabelState;
  label_source: PackageRow['labelSource'];
  label_job_id: string | null;
  label_error: string | null;
}

function toRow(r: Raw): PackageRow {
  return {
    id: r.id,
    sessionId: r.session_id,
    index: r.package_index,
    boxCode: r.box_code,
    tareMg: r.tare_mg,
    weightMg: r.weight_mg,
    expectedWeightMg: r.expected_weight_mg,
    weighed: r.weighed,
    carrier: r.carrier,
    tracking: r.tracking,
    labelState: r.label_state,
    labelSource: r.label_source,
    labelJobId: r.label_job_id,
    labelError: r.label_error,
  };
}

/** Writes a package's box and weight as the state machine has them (insert or update by index). */
export async function upsertPackage(
  db: Queryable,
  p: MachinePackage & { readonly id: string; readonly sessionId: string },
): Promise<void> {
  await db.run(sql`INSERT INTO packages (id, session_id, package_index, box_code, tare_mg, weight_mg, expected_weight_mg, weighed)
    VALUES (${p.id}, ${p.sessionId}, ${p.index}, ${p.boxCode}, ${p.tareMg}, ${p.weightMg}, ${p.expectedWeightMg}, ${p.weighed})
    ON CONFLICT (session_id, package_index) DO UPDATE SET box_code = excluded.box_code, tare_mg = excluded.tare_mg, weight_mg = excluded.weight_mg,
      expected_weight_mg = excluded.expected_weight_mg, weighed = excluded.weighed`);
}

export async function deletePackagesAfter(db: Queryable, sessionId: string, lastIndex: number): Promise<void> {
  await db.run(sql`DELETE FROM packages WHERE session_id = ${sessionId} AND package_index > ${lastIndex}`);
}

export async function listPackages(db: Queryable, sessionId: string): Promise<PackageRow[]> {
  return (await db.all<Raw>(sql`SELECT * FROM packages WHERE session_id = ${sessionId} ORDER BY package_index`)).map(toRow);
}

export async function getPackage(db: Queryable, id: string): Promise<PackageRow | null> {
  const raw = await db.get<Raw>(sql`SELECT * FROM packages WHERE id = ${id}`);
  return raw ? toRow(raw) : null;
}

export async function setPackageTracking(db: Queryable, id: string, t: { carrier: string | null; tracking: string; source: 'station' | 'platform' }): Promise<void> {
  await db.run(sql`UPDATE packages SET carrier = ${t.carrier}, tracking = ${t.tracking}, label_source = ${t.source} WHERE id = ${id}`);
}

export async function setPackageLabel(db: Queryable, id: string, l: { state: LabelState; jobId: string | null; error: string | null }): Promise<void> {
  await db.run(sql`UPDATE packages SET label_state = ${l.state}, label_job_id = coalesce(${l.jobId}, label_job_id), label_error = ${l.error} WHERE id = ${id}`);
}

/** Packed orders whose label did not print: the bench shows them so nothing ships unlabelled. */
export async function listLabelPending(db: Queryable, stationId: string, limit = 20): Promise<{ packageId: string; orderId: string; orderNumber: string; index: number; labelState: LabelState }[]> {
  const rows = await db.all<{ id: string; order_id: string; number: string; package_index: number; label_state: LabelState }>(
    sql`SELECT k.id, s.order_id, o.number, k.package_index, k.label_state FROM packages k JOIN pack_sessions s ON s.id = k.session_id JOIN orders o ON o.id = s.order_id
      WHERE s.station_id = ${stationId} AND s.state = 'complete' AND k.label_state IN ('pending', 'failed') ORDER BY s.ended_at DESC LIMIT ${limit}`,
  );
  return rows.map((r) => ({ packageId: r.id, orderId: r.order_id, orderNumber: r.number, index: r.package_index, labelState: r.label_state }));
}

/** Bumps and returns the station's tracking counter for `prefix` (inside the printing transaction). */
export async function nextTrackingNumber(db: Queryable, prefix: string): Promise<number> {
  await db.run(sql`INSERT INTO tracking_counters (prefix, next) VALUES (${prefix}, 1) ON CONFLICT (prefix) DO UPDATE SET next = next + 1`);
  return (await db.get<{ next: number }>(sql`SELECT next FROM tracking_counters WHERE prefix = ${prefix}`))!.next;
}
