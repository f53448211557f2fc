/**
 * The boundary between print jobs and the machine: one interface for every way bytes reach a label
 * printer (TCP 9100, the Linux USB printer device, a CUPS queue, a file), chosen from a URI by
 * open-transport.ts. Every failure is an AppError with a `printer.*` code the UI translates.
 */
import { AppError, type ErrorCode } from '../../../src-shared/errors/codes';
import type { HostStatus, PrinterProblem } from './host-status';

export type PrinterErrorCode = Extract<ErrorCode, `printer.${string}`>;

export interface SendOptions {
  /** The whole send (connect, write, and the printer or spooler taking every byte) ends within this. */
  readonly timeoutMs: number;
  /** The job's name where the transport has one (a CUPS job title); raw transports ignore it. */
  readonly title?: string;
}

export interface StatusOptions {
  readonly timeoutMs: number;
}

/** What the printer said about itself (`~HS`, device-protocols.md §5.3). */
export interface PrinterStatus {
  /** No problem that stops a label from printing. */
  readonly ready: boolean;
  /** Worst first: the first one is the reason a job is refused. */
  readonly problems: readonly PrinterProblem[];
  readonly host: HostStatus;
}

export interface PrinterTransport {
  /** The printer's URI, as the station stores it (`tcp://10.0.0.5:9100`, `cups://Zebra`, …). */
  readonly uri: string;
  /** Resolves once the printer (or the spooler) has taken every byte; rejects with a `printer.*` AppError. */
  send(bytes: Uint8Array, opts: SendOptions): Promise<void>;
  /** `~HS` over a two-way link; only where the printer can answer (ZPL over TCP). No answer rejects with `printer.no-status`. */
  status?(opts?: StatusOptions): Promise<PrinterStatus>;
  /** A PDF, rasterised by the spooler's filters (CUPS only; a raw printer cannot print a PDF). */
  printPdf?(pdf: Uint8Array, opts: SendOptions): Promise<void>;
}

export function printerError(code: PrinterErrorCode, message: string, detail?: Readonly<Record<string, string | number>>): AppError {
  return new AppError(code, message, detail);
}

export function isPrinterError(error: unknown): error is AppError & { readonly code: PrinterErrorCode } {
  return error instanceof AppError && error.code.startsWith('printer.');
}

/** The errno-style code of a Node error (`ECONNREFUSED`, `EAGAIN`, …), if it has one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
