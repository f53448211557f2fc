import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import { formatBracketed, parseElementString } from '../../../src-shared/barcode';
import { AppError } from '../../../src-shared/errors/codes';
import type { Code128Element, DataMatrixElement, LabelLayout, QrElement, TextElement } from './label-layout';
import type { LabelRequest } from './label-request';
import { layoutShippingLabel } from './shipping-label-layout';

/**
 * The shipping label as a PDF page of the label's size, for printers driven through CUPS or the
 * system dialog. Same layout as the ZPL; text in DejaVu Sans Condensed Bold (shipped in
 * resources/fonts: pdfkit's built-in Helvetica has no glyphs beyond Latin-1), barcodes drawn by
 * bwip-js as PNGs at the printer's module width, so bars land on the printer's dot grid.
 */

export interface LabelFonts {
  readonly bold: Buffer;
}

export const LABEL_FONT_FILE = join('fonts', 'DejaVuSansCondensed-Bold.ttf');

export async function loadLabelFonts(resourcesDir: string): Promise<LabelFonts> {
  const file = join(resourcesDir, LABEL_FONT_FILE);
  try {
    return { bold: await readFile(file) };
  } catch (error) {
    throw new AppError('label.font-missing', `the label font ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface PdfLabelOptions {
  /** The PDF's creation date (default: now); fixed in tests for identical bytes. */
  readonly createdAt?: Date;
}

export async function buildPdfLabel(request: LabelRequest, fonts: LabelFonts, options: PdfLabelOptions = {}): Promise<Buffer> {
  return renderPdf(layoutShippingLabel(request), fonts, options);
}

const FONT = 'label';
/** Narrowest horizontal scaling before text is cut, as for the printer font (font0-metrics.ts). */
const MIN_SCALING = 60;

export async function renderPdf(layout: LabelLayout, fonts: LabelFonts, options: PdfLabelOptions = {}): Promise<Buffer> {
  const { geometry, request } = layout;
  const pt = (dots: number) => (dots * 72) / geometry.dpi;
  const images = await Promise.all(layout.elements.map((element) => (element.kind === 'text' || element.kind === 'bar' ? null : symbolPng(element))));
  const doc = new PDFDocument({
    size: [geometry.widthInches * 72, geometry.heightInches * 72],
    margin: 0,
    font: null,
    lang: request.language,
    info: { Title: `${request.carrier} ${request.trackingNumber}`, Creator: 'Bancada', CreationDate: options.createdAt ?? new Date() },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont(FONT, fonts.bold).font(FONT);
  layout.elements.forEach((element, i) => {
    if (element.kind === 'text') drawText(doc, element, pt);
    else if (element.kind === 'bar') doc.rect(pt(element.x), pt(element.y), pt(element.width), pt(element.height)).fill('black');
    else drawSymbol(doc, element, images[i]!, pt);
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function drawText(doc: PDFDocument, t: TextElement, pt: (dots: number) => number): void {
  const maxWidth = pt(t.maxWidth);
  doc.fontSize(pt(t.height));
  let text = t.text;
  let scaling = Math.min(100, Math.floor((100 * maxWidth) / doc.widthOfString(text)));
  if (scaling < MIN_SCALING) {
    scaling = MIN_SCALING;
    const chars = [...text];
    while (chars.length > 0 && doc.widthOfString(chars.join('') + '...', { horizontalScaling: scaling }) > maxWidth) chars.pop();
    text = chars.join('').trimEnd() + '...';
  }
  const free = Math.max(0, maxWidth - doc.widthOfString(text, { horizontalScaling: scaling }));
  const x = pt(t.x) + (t.align === 'center' ? free / 2 : t.align === 'right' ? free : 0);
  doc.text(text, x, pt(t.y), { lineBreak: false, horizontalScaling: scaling });
}

type Symbol = Code128Element | DataMatrixElement | QrElement;

interface SymbolPng {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

/** bwip-js `scale` is the module width in dots: one PNG pixel per dot for Code 128, two for matrix symbols. */
async function symbolPng(element: Symbol): Promise<SymbolPng> {
  const common = { scale: element.module, paddingwidth: 0, paddingheight: 0, includetext: false } as const;
  const png = await bwipjs.toBuffer({ ...common, ...bwipSymbol(element) });
  return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function bwipSymbol(element: Symbol): { bcid: string; text: string; eclevel?: string; height?: number } {
  switch (element.kind) {
    case 'code128': {
      if (!element.gs1) return { bcid: 'code128', text: element.data, height: 4 };
      const parsed = parseElementString(element.data);
      if (!parsed.ok) throw new AppError('label.bad-barcode-data', `GS1-128 data is not a GS1 element string: ${parsed.error.message}`);
      return { bcid: 'gs1-128', text: formatBracketed(parsed.elements), height: 4 };
    }
    case 'datamatrix':
      return { bcid: 'gs1datamatrix', text: formatBracketed(element.elements) };
    case 'qr':
      // bwip-js encodes each character as one byte: hand it the UTF-8 bytes, as ZPL's ^CI28 sends them.
      return { bcid: 'qrcode', text: Buffer.from(element.data, 'utf8').toString('latin1'), eclevel: 'Q' };
    default: {
      const never: never = element;
      throw new Error(`unknown symbol ${JSON.stringify(never)}`);
    }
  }
}

function drawSymbol(doc: PDFDocument, element: Symbol, image: SymbolPng, pt: (dots: number) => number): void {
  if (element.kind !== 'code128') {
    // bwip-js draws matrix symbols at two pixels per module per unit of scale.
    doc.image(image.png, pt(element.x), pt(element.y), { width: pt(image.width / 2), height: pt(image.height / 2) });
    return;
  }
  // The layout centred the planned (upper-bound) width; bwip-js may encode tighter.
  const x = element.x + Math.floor(Math.max(0, element.width - image.width) / 2);
  doc.image(image.png, pt(x), pt(element.y), { width: pt(image.width), height: pt(element.height) });
}
