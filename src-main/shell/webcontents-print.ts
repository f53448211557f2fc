/**
 * PDFs to a system printer from the desktop app, silently (`electron://PRINTER`, the printer's name as
 * the OS knows it, percent-encoded; `electron://` alone is the default printer). Given to the station
 * by the shell as a printer transport, so the device layer never imports Electron.
 *
 * Chromium's PDF viewer cannot be printed through `webContents.print()`: a PDF loaded in a window
 * prints as blank pages (electron/electron#27383, #30947). So each page is rasterised first (at the
 * printer's resolution, by `rasterise`: poppler's pdftoppm on Linux) and the pages are printed as
 * images from a plain HTML page in a hidden, sandboxed window with JavaScript off.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebContentsPrintOptions } from 'electron';
import { ELECTRON_PRINTER_SCHEME, electronPrinterName } from '../devices/printers/electron-uri';
import { printerError, type PrinterTransport, type SendOptions } from '../devices/printers/types';

export { electronPrinterName };

/** The slice of a BrowserWindow this transport uses. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  readonly webContents: {
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
    getPrintersAsync(): Promise<readonly { readonly name: string }[]>;
  };
  destroy(): void;
}

export interface WebContentsPrintDeps {
  /** A hidden window: `show: false`, sandboxed, no preload, `javascript: false`. */
  readonly createWindow: () => PrintWindow;
  /** One PNG per page. */
  readonly rasterise: (pdf: Uint8Array, dpi: number) => Promise<Buffer[]>;
  readonly dpi?: number;
}

/** The HTML page that carries the rasterised pages: one image per sheet, no margins, nothing else. */
export function pagesHtml(pages: readonly Buffer[]): string {
  const images = pages.map((png) => `<img src="data:image/png;base64,${png.toString('base64')}">`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>@page{margin:0}html,body{margin:0}img{display:block;width:100%;page-break-after:always;break-after:page}img:last-child{page-break-after:auto;break-after:auto}</style></head><body>${images}</body></html>`;
}

export function webContentsPrintTransport(uri: string, deps: WebContentsPrintDeps): PrinterTransport {
  const deviceName = electronPrinterName(uri);
  return {
    uri,
    send: async () => {
      throw printerError('printer.pdf-unsupported', `${uri} prints PDFs through the system dialog's printer; raw label data needs tcp://, usb: or cups://`);
    },
    printPdf: (pdf, opts) => printPages(pdf, deviceName, opts, deps),
  };
}

async function printPages(pdf: Uint8Array, deviceName: string, opts: SendOptions, deps: WebContentsPrintDeps): Promise<void> {
  const pages = await deps.rasterise(pdf, deps.dpi ?? 200).catch((error: unknown) => {
    throw printerError('printer.spooler-rejected', `the PDF could not be rasterised for printing: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (pages.length === 0) throw printerError('printer.spooler-rejected', 'the PDF has no pages');
  const window = deps.createWindow();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    if (deviceName) {
      const printers = await window.webContents.getPrintersAsync();
      if (!printers.some((p) => p.name === deviceName)) throw printerError('printer.not-found', `no printer named "${deviceName}" on this computer`, { printer: deviceName });
    }
    await window.loadURL(`data:text/html;base64,${Buffer.from(pagesHtml(pages)).toString('base64')}`);
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(printerError('printer.timeout', `the system printer did not take the job within ${opts.timeoutMs} ms`, { ms: opts.timeoutMs })), opts.timeoutMs);
      window.webContents.print({ silent: true, deviceName, printBackground: true, margins: { marginType: 'none' } }, (success, failureReason) => {
        if (success) resolve();
        else reject(printerError('printer.spooler-rejected', `the system printer refused the job: ${failureReason}`, { reason: failureReason }));
      });
    });
  } finally {
    clearTimeout(timer);
    window.destroy();
  }
}

/** poppler's pdftoppm: the PDF on stdin, one PNG per page in a temp folder, read back in page order. */
export function pdftoppmRasteriser(command = 'pdftoppm'): WebContentsPrintDeps['rasterise'] {
  return async (pdf, dpi) => {
    const dir = await mkdtemp(join(tmpdir(), 'bancada-print-'));
    try {
      await new Promise<void>((resolve, reject) => {
        const child = spawn(command, ['-png', '-r', String(dpi), '-', join(dir, 'page')], { stdio: ['pipe', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString().slice(0, 2000)));
        child.once('error', reject);
        child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${String(code)}: ${stderr.trim()}`))));
        child.stdin.on('error', () => undefined);
        child.stdin.end(Buffer.from(pdf));
      });
      // pdftoppm pads the page number to the page count's width (page-01.png …), so names sort in page order.
      const files = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
      return await Promise.all(files.map((f) => readFile(join(dir, f))));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

/** The options of the hidden print window: nothing runs in it, it only lays out images. */
export const PRINT_WINDOW_OPTIONS = {
  show: false,
  webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, devTools: false, spellcheck: false },
} as const;

/**
 * What the shell passes to createStation as `devices.extraTransports`: `electron://` document
 * printers through hidden print windows built by `BrowserWindow`.
 */
export function electronPrinterTransports(BrowserWindowClass: new (options: typeof PRINT_WINDOW_OPTIONS) => PrintWindow, rasterise = pdftoppmRasteriser()): Readonly<Record<string, (uri: string) => PrinterTransport>> {
  return { [ELECTRON_PRINTER_SCHEME]: (uri) => webContentsPrintTransport(uri, { createWindow: () => new BrowserWindowClass(PRINT_WINDOW_OPTIONS), rasterise }) };
}
