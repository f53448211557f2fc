import type { Queryable } from '../database';
import { sql } from '../sql';

/** Rows still to deliver (pending or in flight), for the status bar's sync indicator. */
export async function countPendingOutbox(db: Queryable): Promise<number> {
  const row = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'in-flight')`);
  return row?.n ?? 0;
}

export interface NewOutboxRow {
  /** 'platform' today; 'hub' when the warehouse hub exists. */
  readonly destination: 'platform' | 'hub';
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
