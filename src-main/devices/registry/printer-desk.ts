/**
 * Printing by role: the label printer and the document printer as assigned, over PrintService
 * (every job recorded in print_jobs with its bytes until it prints), plus what the Devices tab needs:
 * the recent jobs, printer health from the last job, and the last label as an image.
 */
import type { DocumentPrinterAssignment, LabelPreview, LabelPrinterAssignment } from '../../../src-shared/domain/devices';
import { AppError } from '../../../src-shared/errors/codes';
import type { Database } from '../../db/database';
import type { PrintJob } from '../../db/repos/print-jobs';
import type { HubPrintRequest, PrinterInfo, PrinterRole } from '../device-hub';
import { openPrinterTransport } from '../printers/open-transport';
import { PrintService, type PrintOutcome } from '../printers/print-service';
import type { PrinterTransport } from '../printers/types';
import { renderZplPreview } from '../printers/zpl-preview';
import type { PrinterSink } from '../simulators/printer-sink';

export interface PrinterDeskDeps {
  readonly db: Database;
  readonly now: () => Date;
  /** Transports for schemes the device layer does not own, e.g. `electron:` (webContents.print, given by the shell). */
  readonly extraTransports?: Readonly<Record<string, (uri: string) => PrinterTransport>>;
  /** The demo printer sink, whose own render of what it received is the preview. */
  readonly sink?: PrinterSink | null;
  readonly onJob: (job: PrintJob) => void;
  readonly timeoutMs?: number;
}

interface LastLabel {
  readonly jobId: string;
  /** null: the last label was not ZPL, so there is no image of it. */
  readonly zpl: string | null;
  readonly printer: string;
  readonly at: string;
}

export class PrinterDesk {
  readonly service: PrintService;
  label: LabelPrinterAssignment | null = null;
  document: DocumentPrinterAssignment | null = null;
  /** The last job per printer URI, for health. */
  readonly lastJobs = new Map<string, PrintJob>();
  #lastLabel: LastLabel | null = null;

  constructor(private readonly deps: PrinterDeskDeps) {
    this.service = new PrintService({
      db: deps.db,
      now: deps.now,
      ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
      openTransport: (uri) => {
        const scheme = /^([a-z]+):/i.exec(uri)?.[1]?.toLowerCase() ?? '';
        const extra = deps.extraTransports?.[scheme];
        return extra ? extra(uri) : openPrinterTransport(uri);
      },
      onJob: (job) => {
        this.lastJobs.set(job.printer, job);
        deps.onJob(job);
      },
    });
  }

  info(role: PrinterRole): PrinterInfo | null {
    if (role === 'label') return this.label ? { language: this.label.language, size: this.label.size, dpi: this.label.dpi } : null;
    return this.document ? { language: 'pdf', size: '4x6', dpi: 203 } : null;
  }

  uri(role: PrinterRole): string | null {
    return role === 'label' ? (this.label?.uri ?? null) : (this.document?.uri ?? null);
  }

  async print(request: HubPrintRequest): Promise<PrintOutcome> {
    const printer = this.uri(request.role);
    if (!printer) {
      const error = new AppError('printer.not-assigned', `no ${request.role} printer is assigned at this station`).toShape();
      return { ok: false, error, job: null };
    }
    const outcome = await this.service.print({ kind: request.kind, printer, documentRef: request.documentRef, document: request.document });
    if (request.role === 'label') this.#remember(outcome, request.document);
    return outcome;
  }

  async retry(jobId: string): Promise<PrintOutcome> {
    return this.service.retry(jobId);
  }

  /** The last label as an image; null when nothing printable was sent yet (or it was TSPL, which nothing here renders). */
  async preview(): Promise<LabelPreview | null> {
    const last = this.#lastLabel;
    const sink = this.deps.sink;
    if (sink && sink.jobs.length > 0 && (!last || last.printer === sink.uri)) {
      const index = sink.jobs.length - 1;
      const job = sink.jobs[index]!;
      if (/\^XA/i.test(job.bytes.toString('latin1'))) {
        const [png] = await sink.renderJob(index, sinkSize(this.label));
        if (png) return { jobId: last?.jobId ?? null, png: dataUrl(png), source: 'sink', at: job.receivedAt.toISOString() };
      }
    }
    if (!last?.zpl) return null;
    const png = await renderZplPreview(last.zpl, { size: this.label?.size ?? '4x6', dpi: this.label?.dpi ?? 203 });
    return { jobId: last.jobId, png: dataUrl(png), source: 'render', at: last.at };
  }

  #remember(outcome: PrintOutcome, document: HubPrintRequest['document']): void {
    // Only a label that printed is "the last label"; a failed one is in the job list with its reason.
    if (!outcome.ok) return;
    if (document.language !== 'zpl') {
      // TSPL (or EPL) printed: nothing here draws it, and the older ZPL label is no longer the last one.
      this.#lastLabel = { jobId: outcome.job.id, zpl: null, printer: outcome.job.printer, at: outcome.job.updatedAt };
      return;
    }
    this.#lastLabel = { jobId: outcome.job.id, zpl: Buffer.from(document.bytes).toString('utf8'), printer: outcome.job.printer, at: outcome.job.updatedAt };
  }
}

function dataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}

function sinkSize(label: LabelPrinterAssignment | null): { widthMm: number; heightMm: number; dotsPerMm: number } {
  const inches = { '4x6': [4, 6], '4x4': [4, 4], '2x1': [2, 1] } as const;
  const [w, h] = inches[label?.size ?? '4x6'];
  return { widthMm: w * 25.4, heightMm: h * 25.4, dotsPerMm: label?.dpi === 300 ? 12 : 8 };
}
