/**
 * Print jobs, recorded and sent: `print` writes the job, asks a ZPL printer for its status, sends,
 * and marks the job done or failed with a `printer.*` code; `retry` sends a failed job again.
 *
 * The bench must never wait on a printer: every call returns an outcome (it never throws) within
 * `timeoutMs`, whatever the printer does; a transport that overstays is cut off by a backstop
 * timer. Jobs to one printer go one at a time, in order (a label, then its packing slip), and the
 * wait for the printer counts against the same budget.
 */
import { randomUUID } from 'node:crypto';
import { AppError, type AppErrorShape, type ErrorCode } from '../../../src-shared/errors/codes';
import type { Queryable } from '../../db/database';
import {
  beginPrintAttempt,
  createPrintJob,
  getPrintJob,
  getPrintJobDocument,
  markPrintJobDone,
  markPrintJobFailed,
  markPrintJobSent,
  type PrintJob,
  type PrintJobKind,
} from '../../db/repos/print-jobs';
import { openPrinterTransport } from './open-transport';
import { ensureReady } from './readiness';
import { describeError, isPrinterError, printerError, type PrinterTransport } from './types';

export type DocumentLanguage = 'zpl' | 'tspl' | 'epl' | 'pdf';

export interface PrintDocument {
  readonly language: DocumentLanguage;
  readonly bytes: Uint8Array;
}

export interface PrintRequest {
  readonly kind: PrintJobKind;
  /** The printer's URI (printer-uri.ts). */
  readonly printer: string;
  readonly documentRef?: string | null;
  readonly document: PrintDocument;
}

export type PrintOutcome =
  | { readonly ok: true; readonly job: PrintJob }
  /** `job` is null only when there is no job to show (unknown id, database failure). */
  | { readonly ok: false; readonly error: AppErrorShape; readonly job: PrintJob | null };

export interface PrintServiceDeps {
  readonly db: Queryable;
  readonly openTransport?: (uri: string) => PrinterTransport;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** The longest a `print` or `retry` call takes, waiting for the printer included (default 10 s). */
  readonly timeoutMs?: number;
  /** How long a ZPL printer gets to answer `~HS` before it counts as "in error" (default 2 s). */
  readonly statusTimeoutMs?: number;
  /** Ask a ZPL printer for `~HS` before each job (default true). */
  readonly checkStatus?: boolean;
  /** Rebuilds a document from its `documentRef` when a retry finds its bytes gone from memory (after a restart). */
  readonly loadDocument?: (documentRef: string) => Promise<PrintDocument | null>;
  /** Documents of unfinished jobs kept in memory for retries (default 50, oldest dropped first). */
  readonly keepDocuments?: number;
  /** Keep each job's bytes in its print_jobs row until it prints (default true). */
  readonly storeDocuments?: boolean;
  /** Every change of a job, for device health and the UI. */
  readonly onJob?: (job: PrintJob) => void;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_STATUS_TIMEOUT_MS = 2_000;

export class PrintService {
  readonly #deps: PrintServiceDeps;
  readonly #timeoutMs: number;
  readonly #documents = new Map<string, PrintDocument>();
  readonly #inFlight = new Set<string>();
  readonly #printerTails = new Map<string, Promise<unknown>>();

  constructor(deps: PrintServiceDeps) {
    this.#deps = deps;
    this.#timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async print(request: PrintRequest): Promise<PrintOutcome> {
    const started = Date.now();
    let job: PrintJob;
    try {
      job = await createPrintJob(this.#deps.db, {
        id: this.#deps.newId?.() ?? randomUUID(),
        kind: request.kind,
        printer: request.printer,
        documentRef: request.documentRef ?? null,
        now: this.#now(),
        // In the row until it prints, so a retry after a restart sends exactly these bytes.
        ...(this.#deps.storeDocuments === false ? {} : { document: request.document }),
      });
    } catch (error) {
      return { ok: false, error: internal(error), job: null };
    }
    this.#emit(job);
    this.#keep(job.id, request.document);
    return this.#attemptWithin(job, request.document, started);
  }

  async retry(jobId: string): Promise<PrintOutcome> {
    const started = Date.now();
    try {
      const job = await getPrintJob(this.#deps.db, jobId);
      if (!job) return refuse('printer.job-not-found', `no print job ${jobId}`, null);
      if (this.#inFlight.has(job.id)) return refuse('printer.job-not-retryable', `job ${jobId} is being printed right now`, job, { reason: 'in-progress' });
      if (job.status === 'done') return refuse('printer.job-not-retryable', `job ${jobId} already printed; print it again as a new job`, job, { reason: 'done' });
      const document =
        this.#documents.get(job.id) ??
        (await getPrintJobDocument(this.#deps.db, job.id)) ??
        (job.documentRef && this.#deps.loadDocument ? await this.#deps.loadDocument(job.documentRef) : null);
      if (!document) return refuse('printer.document-unavailable', `the document of job ${jobId} is no longer available; print it again from its order`, job);
      this.#keep(job.id, document);
      return await this.#attemptWithin(job, document, started);
    } catch (error) {
      return { ok: false, error: internal(error), job: null };
    }
  }

  /** One attempt, cut off at the deadline whatever the transport does. */
  async #attemptWithin(job: PrintJob, document: PrintDocument, started: number): Promise<PrintOutcome> {
    const deadline = started + this.#timeoutMs;
    this.#inFlight.add(job.id);
    let backstop: ReturnType<typeof setTimeout> | undefined;
    const overdue = new Promise<'overdue'>((resolve) => (backstop = setTimeout(() => resolve('overdue'), Math.max(0, deadline - Date.now()))));
    const attempt = this.#onPrinter(job.printer, () => this.#attempt(job, document, deadline));
    try {
      const first = await Promise.race([attempt, overdue]);
      if (first !== 'overdue') return first;
      const error = printerError('printer.timeout', `${job.printer} did not take job ${job.id} within ${this.#timeoutMs} ms`, { phase: 'job', ms: this.#timeoutMs });
      return await this.#fail(job, error);
    } finally {
      clearTimeout(backstop);
      // The attempt may still be winding down after the backstop; it can no longer change the job.
      void attempt.finally(() => this.#inFlight.delete(job.id));
    }
  }

  async #attempt(job: PrintJob, document: PrintDocument, deadline: number): Promise<PrintOutcome> {
    // A few milliseconds kept back so a transport's own timeout, with its precise reason, fires before the backstop.
    const budget = () => deadline - Date.now() - Math.min(100, this.#timeoutMs / 10);
    let current = job;
    try {
      if (budget() <= 0) throw printerError('printer.timeout', `${job.printer} was busy with earlier jobs for the whole ${this.#timeoutMs} ms`, { phase: 'queue', ms: this.#timeoutMs });
      current = await this.#transition(job.id, () => beginPrintAttempt(this.#deps.db, job, this.#now()));
      const transport = (this.#deps.openTransport ?? openPrinterTransport)(job.printer);
      if (document.language === 'pdf' && !transport.printPdf) throw printerError('printer.pdf-unsupported', `${job.printer} takes raw label data; PDFs print through a CUPS queue`);
      if (document.language === 'zpl') await this.#checkReady(transport, budget());
      current = await this.#transition(job.id, () => markPrintJobSent(this.#deps.db, job.id, this.#now()));
      const opts = { timeoutMs: Math.max(1, budget()), title: `bancada ${job.kind} ${job.id}` };
      if (document.language === 'pdf') await transport.printPdf!(document.bytes, opts);
      else await transport.send(document.bytes, opts);
      current = await this.#transition(job.id, () => markPrintJobDone(this.#deps.db, job.id, this.#now()));
      this.#documents.delete(job.id);
      return { ok: true, job: current };
    } catch (error) {
      return this.#fail(current, error);
    }
  }

  /** `~HS` before sending: a printer that is in error, or silent, does not get the job. */
  async #checkReady(transport: PrinterTransport, budgetMs: number): Promise<void> {
    if (this.#deps.checkStatus === false) return;
    await ensureReady(transport, Math.min(this.#deps.statusTimeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS, budgetMs));
  }

  async #fail(job: PrintJob, error: unknown): Promise<PrintOutcome> {
    const shape = isPrinterError(error) ? error.toShape() : internal(error);
    try {
      const failed = await markPrintJobFailed(this.#deps.db, job.id, shape.code, this.#now());
      if (failed) this.#emit(failed);
      return { ok: false, error: shape, job: failed ?? (await getPrintJob(this.#deps.db, job.id)) ?? job };
    } catch {
      // The database failed too: the caller still hears why the printer failed.
      return { ok: false, error: shape, job: { ...job, status: 'failed', errorCode: shape.code, updatedAt: this.#now() } };
    }
  }

  async #transition(id: string, change: () => Promise<PrintJob | null>): Promise<PrintJob> {
    const job = await change();
    if (!job) throw new AppError('internal', `print job ${id} changed under this attempt (a backstop timeout, or a retry elsewhere)`);
    this.#emit(job);
    return job;
  }

  /** Runs `work` after every earlier job to the same printer has finished. */
  #onPrinter<T>(printer: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#printerTails.get(printer) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.#printerTails.set(printer, tail);
    void tail.then(() => {
      if (this.#printerTails.get(printer) === tail) this.#printerTails.delete(printer);
    });
    return next;
  }

  #keep(id: string, document: PrintDocument): void {
    this.#documents.delete(id);
    this.#documents.set(id, document);
    const limit = this.#deps.keepDocuments ?? 50;
    for (const oldest of this.#documents.keys()) {
      if (this.#documents.size <= limit) break;
      this.#documents.delete(oldest);
    }
  }

  #emit(job: PrintJob): void {
    try {
      this.#deps.onJob?.(job);
    } catch {
      // A listener's bug must not turn a printed label into a failed job.
    }
  }

  #now(): string {
    return (this.#deps.now?.() ?? new Date()).toISOString();
  }
}

function refuse(code: ErrorCode, message: string, job: PrintJob | null, detail?: Record<string, string>): PrintOutcome {
  return { ok: false, error: new AppError(code, message, detail).toShape(), job };
}

function internal(error: unknown): AppErrorShape {
  return error instanceof AppError ? error.toShape() : { code: 'internal', message: describeError(error) };
}
