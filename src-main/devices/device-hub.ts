/**
 * What the workflows (packing bench, returns desk, supervisor screens) need from the device layer,
 * and nothing else. The registry in `src-main/devices/registry/` implements it for real devices and
 * simulators; workflow unit tests implement it with a few lines. Keep this file free of transports.
 */
import type { LiveScale } from '../../src-shared/domain/scale';
import type { PrintJobKind } from '../db/repos/print-jobs';
import type { PrintDocument, PrintOutcome } from './printers/print-service';
import type { ScanRouter } from './scan-router';

/** A station prints labels on one printer and A4/Letter documents (packing slips, manifests) on another. */
export type PrinterRole = 'label' | 'document';

export interface HubPrintRequest {
  readonly role: PrinterRole;
  readonly kind: PrintJobKind;
  /** What the job prints, for the job list and reprints: `order:<id>/package:<n>`, `manifest:<id>`… */
  readonly documentRef: string | null;
  readonly document: PrintDocument;
}

export interface ScaleControl {
  current(): LiveScale;
  /** Every change of the display or the settled weight; returns the unsubscribe function. */
  subscribe(listener: (live: LiveScale) => void): () => void;
  /** Zero the scale where the protocol can; refuses with `device.unsupported-command` or `device.not-connected`. */
  zero(): Promise<void>;
}

export interface PrinterInfo {
  /** The language this printer speaks for labels (ZPL or TSPL), or 'pdf' for a document printer. */
  readonly language: 'zpl' | 'tspl' | 'pdf';
  readonly size: '4x6' | '4x4' | '2x1';
  readonly dpi: 203 | 300;
}

export interface DeviceHub {
  readonly scans: ScanRouter;
  readonly scale: ScaleControl;
  /** The assigned printer's language and media for a role, null when none is assigned. */
  printer(role: PrinterRole): PrinterInfo | null;
  /** Prints on the printer assigned to `role`; never throws, always resolves within the print timeout. */
  print(request: HubPrintRequest): Promise<PrintOutcome>;
  /** Sends a failed job again (its document is kept in SQLite until it prints). */
  retry(jobId: string): Promise<PrintOutcome>;
  close(): Promise<void>;
}
