/**
 * Independent readers for label tests (DESIGN.md "Documents"; device-protocols.md §6): ZPL rendered
 * by zpl-renderer-js, barcodes decoded by zxing-wasm and zbarimg, PDFs read by poppler. A missing
 * tool fails the test with one line saying which, never a silent skip.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type * as ZplRenderer from 'zpl-renderer-js';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { LabelGeometry } from '../label-geometry';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
/** Loaded by Node itself: its ESM build names a source map it does not ship, which Vite reports. */
const { ready } = require('zpl-renderer-js') as typeof ZplRenderer;

/** The label as the printer would print it: one PNG per `^XA…^XZ` format, one pixel per dot. */
export async function renderZpl(zpl: string, geometry: LabelGeometry): Promise<Buffer[]> {
  const { api } = await ready;
  const mm = (dots: number) => dots / geometry.dotsPerMm;
  const pngs = await api.zplToBase64MultipleAsync(zpl, mm(geometry.width), mm(geometry.height), geometry.dotsPerMm);
  return pngs.map((png) => Buffer.from(png, 'base64'));
}

export interface DecodedBarcode {
  readonly format: string;
  /** AIM symbology identifier: `]C0` Code 128, `]C1` GS1-128, `]d2` GS1 Data Matrix, `]Q1` QR. */
  readonly aim: string;
  /** Raw data, GS (0x1D) between GS1 elements. */
  readonly text: string;
}

let zxingReady: Promise<unknown> | undefined;

/** zxing-wasm loads its wasm from a CDN unless given the file (device-protocols.md §6): give it. */
function loadZxing(): Promise<unknown> {
  zxingReady ??= readFile(require.resolve('zxing-wasm/reader/zxing_reader.wasm')).then((wasm) =>
    prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }, fireImmediately: true }),
  );
  return zxingReady;
}

export async function zxingRead(png: Uint8Array): Promise<DecodedBarcode[]> {
  await loadZxing();
  const results = await readBarcodes(png, { formats: [], textMode: 'Plain', maxNumberOfSymbols: 16, tryHarder: true });
  return results.filter((r) => r.isValid).map((r) => ({ format: r.format, aim: r.symbologyIdentifier, text: r.text }));
}

async function tool(name: string, args: readonly string[], debianPackage: string): Promise<string> {
  try {
    const { stdout } = await run(name, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${name} is not installed: apt-get install ${debianPackage}`, { cause: error });
    throw error;
  }
}

/** zbarimg's raw output, one symbol per line (it reads no Data Matrix). Exit 4 means "none found". */
export async function zbarRead(pngPath: string): Promise<string[]> {
  try {
    const out = await tool('zbarimg', ['-q', '--raw', '-Sdisable', '-Scode128.enable', '-Sqrcode.enable', pngPath], 'zbar-tools');
    return out.split('\n').filter((line) => line !== '');
  } catch (error) {
    if ((error as { code?: unknown }).code === 4) return [];
    throw error;
  }
}

/** Rasterises page 1 of a PDF with poppler's pdftoppm; returns the PNG's path. */
export async function pdfToPng(pdfPath: string, dpi: number): Promise<string> {
  const prefix = pdfPath.replace(/\.pdf$/, '');
  await tool('pdftoppm', ['-png', '-gray', '-r', String(dpi), '-singlefile', '-f', '1', '-l', '1', pdfPath, prefix], 'poppler-utils');
  return `${prefix}.png`;
}

export async function pdfInfo(pdfPath: string): Promise<string> {
  return tool('pdfinfo', [pdfPath], 'poppler-utils');
}

export async function pdfText(pdfPath: string): Promise<string> {
  return tool('pdftotext', ['-layout', pdfPath, '-'], 'poppler-utils');
}
