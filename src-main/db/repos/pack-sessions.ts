import type { PackPhase } from '../../../src-shared/domain/pack';
import type { Queryable } from '../database';
import { sql } from '../sql';

/** The coarse state column of 0001 (the live-session index reads it); the fine phase is in `control`. */
export type SessionState = 'scanning' | 'weighing' | 'labelling' | 'complete' | 'abandoned' | 'exception';

export function coarseState(phase: PackPhase, previous: SessionState): SessionState {
  switch (phase) {
    case 'scanning':
      return 'scanning';
    case 'weighing':
    case 'weight-off':
    case 'ready':
      return 'weighing';
    case 'complete':
      return 'complete';
    case 'exception':
      return 'exception';
    case 'released':
      return 'abandoned';
    case 'interrupted':
      // Still live until the packer has read what happened and released it.
      return previous;
    default: {
      const never: never = phase;
      throw new Error(`unknown phase ${String(never)}`);
    }
  }
}

export interface SessionRow {
  readonly id: string;
  readonly orderId: string;
  readonly stationId: string;
  readonly operatorId: string;
  readonly state: SessionState;
  readonly startedAt: string;
  readonly control: string | null;
  readonly misScans: number;
  readonly overrides: number;
  readonly reopens: number;
}

interface Raw {
  id: string;
  order_id: string;
  station_id: string;
  operator_id: string;
  state: SessionState;
  started_at: string;
  control: string | null;
  mis_scans: number;
  overrides: number;
  reopens: number;
}

const COLUMNS = sql`id, order_id, station_id, operator_id, state, started_at, control, mis_scans, overrides, reopens`;
/** The states of a pack still open on its order (index pack_sessions_live): `state IN ${LIVE_STATES}`. */
export const LIVE_STATES = sql`('scanning', 'weighing', 'labelling')`;
const LIVE = sql`state IN ${LIVE_STATES}`;

function toRow(r: Raw): SessionRow {
  return { id: r.id, orderId: r.order_id, stationId: r.station_id, operatorId: r.operator_id, state: r.state, startedAt: r.started_at, control: r.control, misScans: r.mis_scans, overrides: r.overrides, reopens: r.reopens };
}

export async function insertSession(db: Queryable, s: { id: string; orderId: string; stationId: string; operatorId: string; startedAt: string; control: string; reopens: number }): Promise<void> {
  await db.run(sql`INSERT INTO pack_sessions (id, order_id, station_id, operator_id, state, started_at, control, reopens)
    VALUES (${s.id}, ${s.orderId}, ${s.stationId}, ${s.operatorId}, 'scanning', ${s.startedAt}, ${s.control}, ${s.reopens})`);
}

/** The order's live session (at most one: index pack_sessions_live). */
export async function liveSessionForOrder(db: Queryable, orderId: string): Promise<SessionRow | null> {
  const raw = await db.get<Raw>(sql`SELECT ${COLUMNS} FROM pack_sessions WHERE order_id = ${orderId} AND ${LIVE}`);
  return raw ? toRow(raw) : null;
}

/** The pack this station had open when it stopped, to resume after a restart. */
export async function liveSessionForStation(db: Queryable, stationId: string): Promise<SessionRow | null> {
  const raw = await db.get<Raw>(sql`SELECT ${COLUMNS} FROM pack_sessions WHERE station_id = ${stationId} AND ${LIVE} ORDER BY started_at DESC LIMIT 1`);
  return raw ? toRow(raw) : null;
}

/** Earlier sessions of the order that ended without completing: the pack is a reopen. */
export async function countEndedSessions(db: Queryable, orderId: string): Promise<number> {
  return (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM pack_sessions WHERE order_id = ${orderId} AND state IN ('abandoned', 'exception')`))?.n ?? 0;
}

export async function saveSession(db: Queryable, id: string, s: { state: SessionState; control: string; misScans: number; overrides: number }): Promise<void> {
  await db.run(sql`UPDATE pack_sessions SET state = ${s.state}, control = ${s.control}, mis_scans = ${s.misScans}, overrides = ${s.overrides} WHERE id = ${id}`);
}

/** Ends a session with its metrics: seconds from open to end and units packed. */
export async function endSession(db: Queryable, id: string, s: { state: SessionState; control: string; endedAt: string; seconds: number; units: number }): Promise<void> {
  await db.run(sql`UPDATE pack_sessions SET state = ${s.state}, control = ${s.control}, ended_at = ${s.endedAt}, seconds = ${s.seconds}, units = ${s.units} WHERE id = ${id}`);
}

export interface PackMetrics {
  readonly sessionId: string;
  readonly seconds: number | null;
  readonly units: number | null;
  readonly misScans: number;
  readonly overrides: number;
  readonly reopens: number;
}

export async function sessionMetrics(db: Queryable, id: string): Promise<PackMetrics | null> {
  const r = await db.get<{ id: string; seconds: number | null; units: number | null; mis_scans: number; overrides: number; reopens: number }>(
    sql`SELECT id, seconds, units, mis_scans, overrides, reopens FROM pack_sessions WHERE id = ${id}`,
  );
  return r ? { sessionId: r.id, seconds: r.seconds, units: r.units, misScans: r.mis_scans, overrides: r.overrides, reopens: r.reopens } : null;
}

export interface PackMetricsRow extends PackMetrics {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly operatorId: string;
  readonly state: SessionState;
  readonly endedAt: string | null;
}

/** Packs that ended since `sinceIso`, newest first: what the supervisor dashboard reads. */
export async function listPackMetrics(db: Queryable, sinceIso: string, limit = 500): Promise<PackMetricsRow[]> {
  const rows = await db.all<{ id: string; order_id: string; number: string; operator_id: string; state: SessionState; ended_at: string | null; seconds: number | null; units: number | null; mis_scans: number; overrides: number; reopens: number }>(
    sql`SELECT s.id, s.order_id, o.number, s.operator_id, s.state, s.ended_at, s.seconds, s.units, s.mis_scans, s.overrides, s.reopens
      FROM pack_sessions s JOIN orders o ON o.id = s.order_id WHERE s.ended_at >= ${sinceIso} ORDER BY s.ended_at DESC LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    sessionId: r.id,
    orderId: r.order_id,
    orderNumber: r.number,
    operatorId: r.operator_id,
    state: r.state,
    endedAt: r.ended_at,
    seconds: r.seconds,
    units: r.units,
    misScans: r.mis_scans,
    overrides: r.overrides,
    reopens: r.reopens,
  }));
}
