import { describe, expect, it, vi } from 'vitest';
import type { WebContentsPrintOptions } from 'electron';
import { PrintService } from '../devices/printers/print-service';
import { testDocument } from '../devices/registry/test-documents';
import { tempDatabases } from '../db/test-db';
import type { PRINT_WINDOW_OPTIONS} from './webcontents-print';
import { electronPrinterName, electronPrinterTransports, pdftoppmRasteriser, webContentsPrintTransport, type PrintWindow } from './webcontents-print';

const openDatabase = tempDatabases();

/** Electron is faked (no Electron binary here): a window that records what it loads and prints, answering as configured. */
class FakePrintWindow implements PrintWindow {
  static created: FakePrintWindow[] = [];
  loaded: string | null = null;
  printed: WebContentsPrintOptions | null = null;
  destroyed = false;
  constructor(private readonly answer: { success: boolean; reason?: string; never?: boolean }, private readonly printers = ['Office Laser', 'Zebra ZD421']) {
    FakePrintWindow.created.push(this);
  }
  loadURL = async (url: string): Promise<void> => {
    this.loaded = url;
  };
  readonly webContents = {
    print: (options: WebContentsPrintOptions, callback: (success: boolean, reason: string) => void) => {
      this.printed = options;
      if (!this.answer.never) setImmediate(() => callback(this.answer.success, this.answer.reason ?? ''));
    },
    getPrintersAsync: async () => this.printers.map((name) => ({ name })),
  };
  destroy = (): void => {
    this.destroyed = true;
  };
}

const pdf = () => testDocument('document', 'pdf', 'electron://Office%20Laser', new Date('2026-11-23T10:00:00Z'));

describe('printing PDFs through webContents.print (the desktop app)', () => {
  it('rasterises each page with pdftoppm and prints the pages silently to the named printer, then closes the window', async () => {
    const window = new FakePrintWindow({ success: true });
    const transport = webContentsPrintTransport('electron://Office%20Laser', { createWindow: () => window, rasterise: pdftoppmRasteriser(), dpi: 50 });
    await transport.printPdf!((await pdf()).bytes, { timeoutMs: 10_000 });
    expect(window.printed).toEqual({ silent: true, deviceName: 'Office Laser', printBackground: true, margins: { marginType: 'none' } });
    const html = Buffer.from(window.loaded!.replace(/^data:text\/html;base64,/, ''), 'base64').toString();
    const images = [...html.matchAll(/src="data:image\/png;base64,([^"]+)"/g)].map((m) => Buffer.from(m[1]!, 'base64'));
    expect(images).toHaveLength(1); // the test page is one A4 page
    expect(images[0]!.subarray(1, 4).toString()).toBe('PNG');
    expect(images[0]!.readUInt32BE(16)).toBe(Math.ceil((595.28 / 72) * 50)); // A4 width at 50 dpi (pdftoppm rounds up)
    expect(html).not.toMatch(/<script/i);
    expect(window.destroyed).toBe(true);
  });

  it('says which printer is missing, and what the system printer said when it refused', async () => {
    const missing = webContentsPrintTransport('electron://Nowhere', { createWindow: () => new FakePrintWindow({ success: true }), rasterise: async () => [Buffer.from('png')] });
    await expect(missing.printPdf!(Buffer.from('%PDF'), { timeoutMs: 1000 })).rejects.toMatchObject({ code: 'printer.not-found' });
    const refusing = new FakePrintWindow({ success: false, reason: 'Print job failed' });
    const refused = webContentsPrintTransport('electron://', { createWindow: () => refusing, rasterise: async () => [Buffer.from('png')] });
    await expect(refused.printPdf!(Buffer.from('%PDF'), { timeoutMs: 1000 })).rejects.toMatchObject({ code: 'printer.spooler-rejected', detail: { reason: 'Print job failed' } });
    expect(refusing.printed?.deviceName).toBe('');
    expect(refusing.destroyed).toBe(true);
  });

  it('gives up on a printer that never answers, and refuses raw label data and a broken PDF with codes', async () => {
    const silent = new FakePrintWindow({ success: true, never: true });
    const transport = webContentsPrintTransport('electron://Zebra%20ZD421', { createWindow: () => silent, rasterise: async () => [Buffer.from('png')] });
    await expect(transport.printPdf!(Buffer.from('%PDF'), { timeoutMs: 50 })).rejects.toMatchObject({ code: 'printer.timeout' });
    expect(silent.destroyed).toBe(true);
    await expect(transport.send(Buffer.from('^XA^XZ'), { timeoutMs: 50 })).rejects.toMatchObject({ code: 'printer.pdf-unsupported' });
    const broken = webContentsPrintTransport('electron://', { createWindow: () => new FakePrintWindow({ success: true }), rasterise: pdftoppmRasteriser() });
    await expect(broken.printPdf!(Buffer.from('not a pdf'), { timeoutMs: 5000 })).rejects.toMatchObject({ code: 'printer.spooler-rejected' });
    expect(() => electronPrinterName('electron://%E0%A4%A')).toThrow(/percent-encoding/);
  });

  it('plugs into PrintService as the transport for electron:// document printers', async () => {
    const db = await openDatabase();
    const createWindow = vi.fn(() => new FakePrintWindow({ success: true }));
    const service = new PrintService({ db, openTransport: (uri) => webContentsPrintTransport(uri, { createWindow, rasterise: pdftoppmRasteriser(), dpi: 30 }) });
    const outcome = await service.print({ kind: 'packing-slip', printer: 'electron://Office%20Laser', document: await pdf() });
    expect(outcome).toMatchObject({ ok: true, job: { status: 'done' } });
    expect(createWindow).toHaveBeenCalledOnce();
  });

  it('builds its windows hidden and sandboxed, with JavaScript off, for electron:// URIs only', async () => {
    const built: unknown[] = [];
    class FakeBrowserWindow extends FakePrintWindow {
      constructor(options: typeof PRINT_WINDOW_OPTIONS) {
        super({ success: true });
        built.push(options);
      }
    }
    const transports = electronPrinterTransports(FakeBrowserWindow, async () => [Buffer.from('png')]);
    expect(Object.keys(transports)).toEqual(['electron']);
    await transports['electron']!('electron://').printPdf!(Buffer.from('%PDF'), { timeoutMs: 1000 });
    expect(built).toEqual([{ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, devTools: false, spellcheck: false } }]);
  });
});
