/**
 * Print jobs (table print_jobs, migration 0001). A job's life:
 *
 *   queued ──attempt──> queued ──> sent ──> done
 *                          │         │
 *                          └────> failed <──┘   failed ──retry (new attempt)──> queued …
 *
 * `sent` means the bytes are on their way: a job found in `sent` after a crash may or may not have
 * printed, so the UI shows it as "unknown" rather than retrying it by itself. Each transition names
 * the states it leaves, so an out-of-order call changes nothing and says so (returns null).
 */
import { randomUUID } from 'node:crypto';
import type { ErrorCode } from '../../../src-shared/errors/codes';
import type { Queryable } from '../database';
import { sql, type SqlFragment } from '../sql';

export const PRINT_JOB_KINDS = ['shipping-label', 'packing-slip', 'rma-label', 'manifest', 'test', 'command-sheet'] as const;
export type PrintJobKind = (typeof PRINT_JOB_KINDS)[number];
export type PrintJobStatus = 'queued' | 'sent' | 'failed' | 'done';

export interface PrintJob {
  readonly id: string;
  readonly kind: PrintJobKind;
  /** The printer's URI (tcp://…, usb:…, cups://…, file:…). */
  readonly printer: string;
  /** What was printed (e.g. `shipment:<id>`), so it can be rebuilt; null for a test label. */
  readonly documentRef: string | null;
  readonly status: PrintJobStatus;
  /** Why the last attempt failed; null unless `failed`. */
  readonly errorCode: ErrorCode | null;
  readonly attempts: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const COLUMNS = sql`id, kind, printer, document_ref, status, error_code, attempts, created_at, updated_at`;

interface Raw {
  id: string;
  kind: PrintJobKind;
  printer: string;
  document_ref: string | null;
  status: PrintJobStatus;
  error_code: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
}

function toJob(raw: Raw): PrintJob {
  return {
    id: raw.id,
    kind: raw.kind,
    printer: raw.printer,
    documentRef: raw.document_ref,
    status: raw.status,
    errorCode: raw.error_code as ErrorCode | null,
    attempts: raw.attempts,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

export type StoredDocumentLanguage = 'zpl' | 'tspl' | 'epl' | 'pdf';

/** The bytes of a job that has not printed yet (migration 0003), so a retry after a restart sends exactly them. */
export interface StoredDocument {
  readonly language: StoredDocumentLanguage;
  readonly bytes: Uint8Array;
}

export interface NewPrintJob {
  readonly id?: string;
  readonly kind: PrintJobKind;
  readonly printer: string;
  readonly documentRef: string | null;
  readonly now: string;
  /** Kept in the row until the job is done. */
  readonly document?: StoredDocument;
}

export async function createPrintJob(db: Queryable, job: NewPrintJob): Promise<PrintJob> {
  const id = job.id ?? randomUUID();
  const bytes = job.document ? Buffer.from(job.document.bytes) : null;
  const language = job.document?.language ?? null;
  await db.run(sql`INSERT INTO print_jobs (id, kind, printer, document_ref, status, attempts, created_at, updated_at, document, document_language)
    VALUES (${id}, ${job.kind}, ${job.printer}, ${job.documentRef}, 'queued', 0, ${job.now}, ${job.now}, ${bytes}, ${language})`);
  return { id, kind: job.kind, printer: job.printer, documentRef: job.documentRef, status: 'queued', errorCode: null, attempts: 0, createdAt: job.now, updatedAt: job.now };
}

export async function getPrintJob(db: Queryable, id: string): Promise<PrintJob | null> {
  const raw = await db.get<Raw>(sql`SELECT ${COLUMNS} FROM print_jobs WHERE id = ${id}`);
  return raw ? toJob(raw) : null;
}

export interface RecentPrintJobsQuery {
  readonly limit?: number;
  readonly status?: PrintJobStatus;
}

/** Newest first (the supervisor's "last jobs" list and the reprint picker). */
export async function listRecentPrintJobs(db: Queryable, query: RecentPrintJobsQuery = {}): Promise<PrintJob[]> {
  const limit = Math.max(1, Math.min(500, Math.trunc(query.limit ?? 50)));
  const where = query.status ? sql`WHERE status = ${query.status}` : sql``;
  const rows = await db.all<Raw>(sql`SELECT ${COLUMNS} FROM print_jobs ${where} ORDER BY created_at DESC, rowid DESC LIMIT ${limit}`);
  return rows.map(toJob);
}

/**
 * Starts an attempt (the first, or a retry): back to `queued`, one more attempt, the old reason
 * cleared. Only from the state the caller read (`seen`), so two retries of one job cannot both
 * start; never for a `done` job.
 */
export function beginPrintAttempt(db: Queryable, seen: Pick<PrintJob, 'id' | 'status' | 'attempts'>, now: string): Promise<PrintJob | null> {
  const from = sql`status = ${seen.status} AND attempts = ${seen.attempts} AND status <> 'done'`;
  return transition(db, seen.id, sql`status = 'queued', attempts = attempts + 1, error_code = NULL`, from, now);
}

/** The bytes are leaving for the printer. */
export function markPrintJobSent(db: Queryable, id: string, now: string): Promise<PrintJob | null> {
  return transition(db, id, sql`status = 'sent'`, sql`status = 'queued'`, now);
}

/** The printer (or the spooler) took every byte; the stored document is no longer needed (a reprint is a new job). */
export function markPrintJobDone(db: Queryable, id: string, now: string): Promise<PrintJob | null> {
  return transition(db, id, sql`status = 'done', error_code = NULL, document = NULL, document_language = NULL`, sql`status = 'sent'`, now);
}

/** The stored bytes of a job that has not printed, or null (done, never stored, or no such job). */
export async function getPrintJobDocument(db: Queryable, id: string): Promise<StoredDocument | null> {
  const row = await db.get<{ document: Uint8Array | null; document_language: StoredDocumentLanguage | null }>(
    sql`SELECT document, document_language FROM print_jobs WHERE id = ${id}`,
  );
  if (!row?.document || !row.document_language) return null;
  return { language: row.document_language, bytes: new Uint8Array(row.document) };
}

/** Refused before sending (status check) or failed while sending. */
export function markPrintJobFailed(db: Queryable, id: string, errorCode: ErrorCode, now: string): Promise<PrintJob | null> {
  return transition(db, id, sql`status = 'failed', error_code = ${errorCode}`, sql`status IN ('queued', 'sent')`, now);
}

async function transition(db: Queryable, id: string, set: SqlFragment, from: SqlFragment, now: string): Promise<PrintJob | null> {
  const raw = await db.get<Raw>(sql`UPDATE print_jobs SET ${set}, updated_at = ${now} WHERE id = ${id} AND ${from} RETURNING ${COLUMNS}`);
  return raw ? toJob(raw) : null;
}
