/**
 * `electron://PRINTER`: a system printer the desktop app prints PDFs to through webContents.print
 * (the transport lives in src-main/shell/webcontents-print.ts, the only place that knows Electron).
 * The name is percent-encoded; `electron://` alone is the default printer.
 */
import { printerError } from './types';

export const ELECTRON_PRINTER_SCHEME = 'electron';

/** The printer name in an `electron://NAME` URI ('' for the default printer). */
export function electronPrinterName(uri: string): string {
  const match = /^electron:\/\/(.*)$/i.exec(uri);
  if (!match) throw printerError('printer.bad-uri', `"${uri.slice(0, 200)}": a desktop printer is electron://PRINTER`, { uri: uri.slice(0, 200) });
  try {
    return decodeURIComponent(match[1] ?? '');
  } catch {
    throw printerError('printer.bad-uri', `"${uri.slice(0, 200)}": the printer name is not valid percent-encoding`, { uri: uri.slice(0, 200) });
  }
}
