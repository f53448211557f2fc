import { PRINTER_PROBLEMS } from './host-status';
import { printerError, type PrinterStatus, type PrinterTransport } from './types';

/**
 * Asks the printer for `~HS` and refuses a job it could not print: the first (worst) problem is the
 * code, all of them are in the detail. A printer that does not answer rejects with
 * `printer.no-status`: Zebra printers stay silent while in error (device-protocols.md §5.3).
 * Null when the transport cannot ask (USB, CUPS, file).
 */
export async function ensureReady(transport: PrinterTransport, timeoutMs: number): Promise<PrinterStatus | null> {
  if (!transport.status) return null;
  const status = await transport.status({ timeoutMs: Math.max(1, timeoutMs) });
  const [worst] = status.problems;
  if (worst) throw printerError(PRINTER_PROBLEMS[worst], `${transport.uri} is not ready: ${status.problems.join(', ')}`, { problems: status.problems.join(',') });
  return status;
}
