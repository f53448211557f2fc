import type { ErrorCode } from '../../../src-shared/errors/codes';
import type { Queryable } from '../database';
import { sql, type SqlFragment } from '../sql';

export type OutboxStatus = 'pending' | 'in-flight' | 'done' | 'rejected' | 'discarded';
export type OutboxDestination = 'platform' | 'hub';

export interface OutboxRow {
  readonly id: number;
  readonly destination: OutboxDestination;
  readonly aggregateType: 'order' | 'return';
  readonly aggregateId: string;
  readonly kind: string;
  /** The JSON payload as stored; the relay validates it before delivery. */
  readonly payload: string;
  readonly idempotencyKey: string;
  readonly stationId: string;
  readonly operatorId: string | null;
  readonly createdAt: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
  readonly lastErrorCode: ErrorCode | null;
  readonly doneAt: string | null;
  readonly remoteRef: string | null;
}

interface Raw {
  id: number;
  destination: OutboxDestination;
  aggregate_type: 'order' | 'return';
  aggregate_id: string;
  kind: string;
  payload: string;
  idempotency_key: string;
  station_id: string;
  operator_id: string | null;
  created_at: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  last_error_code: ErrorCode | null;
  done_at: string | null;
  remote_ref: string | null;
}

const toRow = (r: Raw): OutboxRow => ({
  id: r.id,
  destination: r.destination,
  aggregateType: r.aggregate_type,
  aggregateId: r.aggregate_id,
  kind: r.kind,
  payload: r.payload,
  idempotencyKey: r.idempotency_key,
  stationId: r.station_id,
  operatorId: r.operator_id,
  createdAt: r.created_at,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  lastErrorCode: r.last_error_code,
  doneAt: r.done_at,
  remoteRef: r.remote_ref,
});

export interface OutboxCounts {
  readonly pending: number;
  /** Rejected rows: they need a person. */
  readonly rejected: number;
  /** Pending rows that have failed at least once (the network is down, the platform is throttling…). */
  readonly failing: number;
}

/**
 * Read on every change of a row's state, so it must not grow with the history: delivered and
 * discarded rows (nearly all of them, after a year) are skipped through the `outbox_drain` index.
 */
export function outboxCountsQuery(destination: OutboxDestination): SqlFragment {
  return sql`SELECT
      coalesce(sum(status IN ('pending', 'in-flight')), 0) AS pending,
      coalesce(sum(status = 'rejected'), 0) AS rejected,
      coalesce(sum(status = 'pending' AND attempts > 0), 0) AS failing
    FROM outbox WHERE destination = ${destination} AND status IN ('pending', 'in-flight', 'rejected')`;
}

export async function countOutbox(db: Queryable, destination: OutboxDestination = 'platform'): Promise<OutboxCounts> {
  const row = await db.get<OutboxCounts>(outboxCountsQuery(destination));
  return row ?? { pending: 0, rejected: 0, failing: 0 };
}

export interface NewOutboxRow {
  /** 'platform' today; 'hub' when the warehouse hub exists. */
  readonly destination: OutboxDestination;
  /** 'order' | 'return': operations on one aggregate are delivered in order. */
  readonly aggregateType: 'order' | 'return';
  /** The local id of the order or return. */
  readonly aggregateId: string;
  /** The payload, already validated by the caller against OutboxPayloadSchema (src-main/sync/operations.ts). */
  readonly payload: { readonly kind: string } & Record<string, unknown>;
  /** Unique per operation: the same key twice is the same operation (a retried call), not a second one. */
  readonly idempotencyKey: string;
  readonly stationId: string;
  readonly operatorId: string | null;
  readonly createdAt: string;
}

/**
 * Adds an operation to the outbox. Call it inside the transaction that makes the local change and
 * writes its audit row, so the three commit together or not at all. Returns the row id; an insert
 * with an idempotency key already present is ignored and returns the existing row's id, so a
 * handler retried by the renderer cannot enqueue the same operation twice.
 */
export async function enqueueOutbox(db: Queryable, row: NewOutboxRow): Promise<number> {
  await db.run(sql`INSERT INTO outbox (destination, aggregate_type, aggregate_id, kind, payload, idempotency_key, station_id, operator_id, created_at)
    VALUES (${row.destination}, ${row.aggregateType}, ${row.aggregateId}, ${row.payload.kind}, ${JSON.stringify(row.payload)}, ${row.idempotencyKey}, ${row.stationId}, ${row.operatorId}, ${row.createdAt})
    ON CONFLICT (idempotency_key) DO NOTHING`);
  const existing = await db.get<{ id: number }>(sql`SELECT id FROM outbox WHERE idempotency_key = ${row.idempotencyKey}`);
  if (!existing) throw new Error(`outbox row ${row.idempotencyKey} vanished after insert`);
  return existing.id;
}

/**
 * The rows the relay may deliver now, oldest first: pending, due, and with no earlier row of the
 * same order or return still undelivered (pending, in flight or rejected), so operations on one
 * order reach the platform in the order they happened. A rejected row holds back the rest of its
 * order until a supervisor retries or discards it.
 */
export async function listDeliverable(db: Queryable, destination: OutboxDestination, nowIso: string, limit: number): Promise<OutboxRow[]> {
  const rows = await db.all<Raw>(sql`SELECT o.* FROM outbox o
    WHERE o.destination = ${destination} AND o.status = 'pending' AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ${nowIso})
      AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.destination = o.destination AND p.aggregate_type = o.aggregate_type
        AND p.aggregate_id = o.aggregate_id AND p.id < o.id AND p.status IN ('pending', 'in-flight', 'rejected'))
    ORDER BY o.id LIMIT ${limit}`);
  return rows.map(toRow);
}

/** When the earliest pending row falls due (null: nothing is waiting on a timer). */
export async function nextDueAt(db: Queryable, destination: OutboxDestination): Promise<string | null> {
  const row = await db.get<{ at: string | null }>(sql`SELECT min(next_attempt_at) AS at FROM outbox WHERE destination = ${destination} AND status = 'pending' AND next_attempt_at IS NOT NULL`);
  return row?.at ?? null;
}

/**
 * Takes a row for one delivery attempt. Conditional on the row still being pending, so of two
 * relays on one database (the app and `bancada sync now`) only one ever sends it. While in flight
 * the row's `next_attempt_at` is the claim's lease: the relay renews it as long as its request
 * runs, and only a row whose lease ran out (its relay died) is put back in line (`requeueInFlight`).
 * Returns the row as claimed, or null when someone else took it.
 */
export async function claimForDelivery(db: Queryable, id: number, leaseUntilIso: string, owner: string): Promise<OutboxRow | null> {
  const result = await db.run(sql`UPDATE outbox SET status = 'in-flight', attempts = attempts + 1, next_attempt_at = ${leaseUntilIso}, lease_owner = ${owner} WHERE id = ${id} AND status = 'pending'`);
  if (result.changes !== 1) return null;
  return getOutboxRow(db, id);
}

/** The relay sending a row is still alive: its claim holds until `leaseUntilIso`. */
export async function renewLease(db: Queryable, id: number, leaseUntilIso: string): Promise<void> {
  await db.run(sql`UPDATE outbox SET next_attempt_at = ${leaseUntilIso} WHERE id = ${id} AND status = 'in-flight'`);
}

export async function getOutboxRow(db: Queryable, id: number): Promise<OutboxRow | null> {
  const row = await db.get<Raw>(sql`SELECT * FROM outbox WHERE id = ${id}`);
  return row ? toRow(row) : null;
}

export async function markDelivered(db: Queryable, id: number, nowIso: string, remoteRef: string | null): Promise<void> {
  await db.run(sql`UPDATE outbox SET status = 'done', done_at = ${nowIso}, remote_ref = ${remoteRef}, next_attempt_at = NULL WHERE id = ${id} AND status = 'in-flight'`);
}

export async function markRetryLater(db: Queryable, id: number, code: ErrorCode, message: string, nextAttemptAt: string): Promise<void> {
  await db.run(sql`UPDATE outbox SET status = 'pending', last_error_code = ${code}, last_error = ${message}, next_attempt_at = ${nextAttemptAt} WHERE id = ${id} AND status = 'in-flight'`);
}

export async function markRejected(db: Queryable, id: number, code: ErrorCode, message: string): Promise<void> {
  await db.run(sql`UPDATE outbox SET status = 'rejected', last_error_code = ${code}, last_error = ${message}, next_attempt_at = NULL WHERE id = ${id} AND status = 'in-flight'`);
}

/**
 * After a crash or a kill: rows left in flight may or may not have reached the platform. Once their
 * lease has run out (no live relay renews it; rows claimed before leases existed have none) they go
 * back to pending, and the adapter's idempotency (key or read-before-retry) makes the resend safe.
 * A row another live relay is sending keeps its lease and is left alone: read-before-retry cannot
 * protect two requests racing each other.
 */
export async function requeueInFlight(db: Queryable, destination: OutboxDestination, nowIso: string, deadOwners: readonly string[] = []): Promise<number> {
  // A relay known to be gone (its process no longer exists, migration 0007) does not need its lease waited out.
  const dead = deadOwners.length > 0 ? sql`OR lease_owner IN (${sql.join(deadOwners)})` : sql``;
  return (
    await db.run(sql`UPDATE outbox SET status = 'pending', next_attempt_at = NULL, lease_owner = NULL WHERE destination = ${destination} AND status = 'in-flight'
      AND (next_attempt_at IS NULL OR next_attempt_at <= ${nowIso} ${dead})`)
  ).changes;
}

/** The relays holding leases on in-flight rows (for `requeueInFlight` to ask which are gone). */
export async function listLeaseOwners(db: Queryable, destination: OutboxDestination): Promise<string[]> {
  const rows = await db.all<{ owner: string }>(sql`SELECT DISTINCT lease_owner AS owner FROM outbox WHERE destination = ${destination} AND status = 'in-flight' AND lease_owner IS NOT NULL`);
  return rows.map((r) => r.owner);
}

/** Rows that need a person or keep failing, newest problems first. */
export async function listOutboxProblems(db: Queryable, destination: OutboxDestination, limit: number): Promise<OutboxRow[]> {
  const rows = await db.all<Raw>(sql`SELECT * FROM outbox WHERE destination = ${destination}
    AND (status = 'rejected' OR (status IN ('pending', 'in-flight') AND attempts > 0))
    ORDER BY status = 'rejected' DESC, id LIMIT ${limit}`);
  return rows.map(toRow);
}

/** A supervisor asks to send a rejected or failing row again now. True when the row changed. */
export async function retryOutboxRow(db: Queryable, id: number): Promise<boolean> {
  return (await db.run(sql`UPDATE outbox SET status = 'pending', next_attempt_at = NULL WHERE id = ${id} AND status IN ('rejected', 'pending')`)).changes === 1;
}

/** A supervisor decides a rejected row will never be sent. Kept for the record. True when the row changed. */
export async function discardOutboxRow(db: Queryable, id: number): Promise<boolean> {
  return (await db.run(sql`UPDATE outbox SET status = 'discarded', next_attempt_at = NULL WHERE id = ${id} AND status = 'rejected'`)).changes === 1;
}

/** Every row not yet delivered (waiting, in flight or refused) will never be sent: discarded with the reason. Returns how many. */
export async function discardUndelivered(db: Queryable, destination: OutboxDestination, code: ErrorCode, message: string): Promise<number> {
  return (
    await db.run(sql`UPDATE outbox SET status = 'discarded', next_attempt_at = NULL, last_error_code = ${code}, last_error = ${message}
      WHERE destination = ${destination} AND status IN ('pending', 'in-flight', 'rejected')`)
  ).changes;
}

/**
 * The order was cancelled or fulfilled elsewhere upstream: its claims, holds and releases not yet
 * delivered (or refused because of that) no longer ask anything of the store or of a person, so
 * they are discarded with the reason. Fulfilments stay: units packed for a closed order need a
 * supervisor. A row in flight is left to the relay (its end updates only in-flight rows).
 */
export async function discardObsoleteOrderFlags(db: Queryable, orderId: string): Promise<number> {
  return (
    await db.run(sql`UPDATE outbox SET status = 'discarded', next_attempt_at = NULL, last_error_code = 'sync.order-closed-upstream',
        last_error = 'the order was cancelled or fulfilled in the store before this was delivered'
      WHERE destination = 'platform' AND aggregate_type = 'order' AND aggregate_id = ${orderId}
        AND kind IN ('order.claim', 'order.hold', 'order.release') AND status IN ('pending', 'rejected')`)
  ).changes;
}

/** The most recent delivery, for "last success" (read once at start; the relay reports later ones). */
export async function lastDeliveredAt(db: Queryable, destination: OutboxDestination): Promise<string | null> {
  return (await db.get<{ at: string | null }>(sql`SELECT max(done_at) AS at FROM outbox WHERE destination = ${destination} AND status = 'done'`))?.at ?? null;
}
