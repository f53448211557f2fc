import { aiSpec, validateAiValue } from '../../../src-shared/barcode';
import { AppError } from '../../../src-shared/errors/codes';
import { at, labelGeometry, type LabelGeometry } from './label-geometry';
import type { LabelLayout } from './label-layout';
import type { LabelRequest } from './label-request';
import { cityLine, compactAddress, LABEL_CAPTIONS, labelWeight, postalLine, ssccText, type LabelCaptions } from './label-text';
import { LayoutBuilder } from './layout-kit';
import { qrSide } from './symbol-size';

/**
 * The shipping label, in three sizes. 4×6 is the carrier label: sender and carrier on top, the
 * address large, the postal code a sorter reads from a metre, the tracking barcode, then order,
 * package and weight with a QR of the order number, and the SSCC as GS1-128 when there is one.
 * 4×4 is the same with less air and the SSCC as a GS1 Data Matrix; 2×1 is a parcel tag (order,
 * package, postal code, tracking) with the SSCC as a small GS1 Data Matrix.
 */
export function layoutShippingLabel(request: LabelRequest): LabelLayout {
  const geometry = labelGeometry(request.size, request.dpi);
  const builder = new LayoutBuilder(geometry, labelMargin(geometry));
  switch (request.size) {
    case '4x6':
      return { geometry, request, elements: layout4x6(builder, request) };
    case '4x4':
      return { geometry, request, elements: layout4x4(builder, request) };
    case '2x1':
      return { geometry, request, elements: layout2x1(builder, request) };
    default: {
      const never: never = request.size;
      throw new Error(`unknown label size ${String(never)}`);
    }
  }
}

/** Blank border in dots: about 3 mm on the large labels, 1.5 mm on a 2×1. Nothing is drawn in it. */
export function labelMargin(geometry: LabelGeometry): number {
  const dots203 = geometry.size === '4x6' ? 24 : geometry.size === '4x4' ? 20 : 12;
  return at(geometry, dots203);
}

/** The SSCC for a GS1 Data Matrix, with the ship-to postal code (AI 420) when GS1 allows its characters. */
function ssccElements(request: LabelRequest): { ai: string; value: string }[] {
  if (request.sscc === undefined) return [];
  const postal = request.shipTo.postalCode.replace(/\s+/g, '').toUpperCase();
  const spec = aiSpec('420');
  const withPostal = spec !== undefined && validateAiValue(spec, postal, 0) === null;
  return withPostal ? [{ ai: '00', value: request.sscc }, { ai: '420', value: postal }] : [{ ai: '00', value: request.sscc }];
}

/** SSCC bar height on a 4×6 (15 mm): GS1 asks for 32 mm on a pallet label, more than a parcel label has. */
const SSCC_BAR = 120;

function layout4x6(b: LayoutBuilder, r: LabelRequest) {
  const c = LABEL_CAPTIONS[r.language];
  header(b, r, c, { caption: 20, line: 26, carrier: 52, service: 30, split: 496 });
  b.rule(b.d(10));
  shipTo(b, r, c, { caption: 22, name: 46, company: 36, line: 38, gap: 5 });
  b.rule(b.d(10));
  routing(b, r, c, { postal: 100, caption: 22, count: 76, split: 588 });
  b.rule(b.d(10));
  const bottom = bottomOf4x6(b, r);
  tracking(b, r, c, { caption: 22, hri: 36, bottom, maxBar: 230, minBar: 100, preferredMm: 0.375 });
  b.y = bottom;
  b.rule(b.d(8));
  footer(b, r, c, { order: 40, line: 32 });
  if (r.sscc !== undefined) {
    b.rule(b.d(8));
    b.text(b.margin, b.y, b.d(22), b.innerWidth, 'SSCC');
    b.y += b.d(28);
    b.code128(`00${r.sscc}`, true, b.d(SSCC_BAR), 0.5);
    b.y += b.d(6);
    b.text(b.margin, b.y, b.d(30), b.innerWidth, ssccText(r.sscc), 'center');
  }
  return b.elements;
}

/** Where the tracking section ends on a 4×6: what is below it is laid out from the bottom up. */
function bottomOf4x6(b: LayoutBuilder, r: LabelRequest): number {
  const footerLines = b.d(40 + 8) + 2 * b.d(32 + 6) + (r.reference === undefined ? 0 : b.d(32 + 6));
  const qr = qrModule(b, r.orderNumber) * qrSide(r.orderNumber);
  const ssccBlock = r.sscc === undefined ? 0 : 2 * b.d(8) + b.d(3) + b.d(28) + b.d(SSCC_BAR) + b.d(6) + b.d(30);
  return b.geometry.height - b.margin - ssccBlock - Math.max(footerLines, qr) - 2 * b.d(8) - b.d(3);
}

function layout4x4(b: LayoutBuilder, r: LabelRequest) {
  const c = LABEL_CAPTIONS[r.language];
  header(b, r, c, { caption: 18, line: 22, carrier: 40, service: 24, split: 496 });
  b.rule(b.d(6));
  shipTo(b, r, c, { caption: 20, name: 36, company: 28, line: 30, gap: 3 });
  b.rule(b.d(6));
  routing(b, r, c, { postal: 72, caption: 18, count: 54, split: 588 });
  b.rule(b.d(6));
  const codeSide = r.sscc === undefined ? qrModule(b, r.orderNumber) * qrSide(r.orderNumber) : b.dataMatrixSize(b.d(5), ssccElements(r));
  const footerLines = b.d(32 + 6) + b.d(26 + 4) + (r.reference === undefined ? 0 : b.d(24 + 4));
  const bottom = b.geometry.height - b.margin - Math.max(codeSide, footerLines) - 2 * b.d(6) - b.d(3);
  tracking(b, r, c, { caption: 0, hri: 30, bottom, maxBar: 160, minBar: 80, preferredMm: 0.375 });
  b.y = bottom;
  b.rule(b.d(6));
  const top = b.y;
  const codeX = b.geometry.width - b.margin - codeSide;
  const left = codeX - b.margin - b.d(16);
  b.lines(b.margin, left, b.d(32), b.d(6), [`${c.order} ${r.orderNumber}`]);
  b.lines(b.margin, left, b.d(26), b.d(4), [`${c.weight} ${labelWeight(r)}`, ...(r.reference === undefined ? [] : [`${c.reference} ${r.reference}`])]);
  if (r.sscc === undefined) b.qr(codeX, top, qrModule(b, r.orderNumber), r.orderNumber);
  else b.dataMatrix(codeX, top, b.d(5), ssccElements(r));
  return b.elements;
}

function layout2x1(b: LayoutBuilder, r: LabelRequest) {
  const { width, height } = b.geometry;
  const elements = ssccElements(r);
  const module = b.d(3);
  const codeSide = elements.length === 0 ? 0 : b.dataMatrixSize(module, elements);
  const right = width - b.margin - (codeSide === 0 ? 0 : codeSide + b.d(10));
  const count = `${r.packageIndex}/${r.packageCount}`;
  const countWidth = b.d(96);
  b.text(b.margin, b.y, b.d(30), right - b.margin - countWidth - b.d(8), `#${r.orderNumber}`);
  b.text(right - countWidth, b.y, b.d(30), countWidth, count, 'right');
  b.y += b.d(34);
  b.text(b.margin, b.y, b.d(24), right - b.margin, `${r.shipTo.postalCode} ${r.shipTo.city}`);
  b.y += b.d(24);
  if (codeSide > 0) b.dataMatrix(width - b.margin - codeSide, b.margin, module, elements);
  b.y = Math.max(b.y, b.margin + codeSide) + b.d(6);
  const hri = b.d(22);
  const bar = height - b.margin - hri - b.d(2) - b.y;
  if (bar < b.d(40)) throw new AppError('label.does-not-fit', 'the tracking barcode has no room on this 2x1 label');
  b.code128(r.trackingNumber, false, bar, 0.25);
  b.y += b.d(2);
  b.text(b.margin, b.y, hri, b.innerWidth, r.trackingNumber, 'center');
  return b.elements;
}

interface HeaderSizes {
  readonly caption: number;
  readonly line: number;
  readonly carrier: number;
  readonly service: number;
  /** x of the rule between sender and carrier, on the 203 dpi grid. */
  readonly split: number;
}

/** Sender (three compact lines) on the left, carrier and service on the right. */
function header(b: LayoutBuilder, r: LabelRequest, c: LabelCaptions, s: HeaderSizes): void {
  const top = b.y;
  const split = b.d(s.split);
  const leftWidth = split - b.margin - b.d(12);
  b.text(b.margin, b.y, b.d(s.caption), leftWidth, c.from);
  b.y += b.d(s.caption + 4);
  b.lines(b.margin, leftWidth, b.d(s.line), b.d(4), compactAddress(r.shipFrom));
  const rightX = split + b.d(14);
  const rightWidth = b.geometry.width - b.margin - rightX;
  b.text(rightX, top, b.d(s.carrier), rightWidth, r.carrier);
  b.text(rightX, top + b.d(s.carrier + 8), b.d(s.service), rightWidth, r.service);
  const bottom = Math.max(b.y - b.d(4), top + b.d(s.carrier + 8 + s.service));
  b.vrule(split, top, bottom - top);
  b.y = bottom;
}

interface ShipToSizes {
  readonly caption: number;
  readonly name: number;
  readonly company: number;
  readonly line: number;
  readonly gap: number;
}

function shipTo(b: LayoutBuilder, r: LabelRequest, c: LabelCaptions, s: ShipToSizes): void {
  const to = r.shipTo;
  const x = b.margin;
  const width = b.innerWidth;
  b.lines(x, width, b.d(s.caption), b.d(s.gap + 2), [c.to]);
  b.lines(x, width, b.d(s.name), b.d(s.gap + 2), [to.name]);
  if (to.company !== undefined) b.lines(x, width, b.d(s.company), b.d(s.gap), [to.company]);
  b.lines(x, width, b.d(s.line), b.d(s.gap), to.lines);
  b.lines(x, width, b.d(s.name), b.d(s.gap), [cityLine(to)]);
  b.y -= b.d(s.gap);
}

interface RoutingSizes {
  readonly postal: number;
  readonly caption: number;
  readonly count: number;
  readonly split: number;
}

/** The postal code and country large, and "package i of n" beside them. */
function routing(b: LayoutBuilder, r: LabelRequest, c: LabelCaptions, s: RoutingSizes): void {
  const top = b.y;
  const split = b.d(s.split);
  b.text(b.margin, top, b.d(s.postal), split - b.margin - b.d(12), postalLine(r.shipTo));
  const x = split + b.d(14);
  const width = b.geometry.width - b.margin - x;
  b.text(x, top, b.d(s.caption), width, c.packageShort, 'center');
  b.text(x, top + b.d(s.caption + 4), b.d(s.count), width, `${r.packageIndex}/${r.packageCount}`, 'center');
  const bottom = top + Math.max(b.d(s.postal), b.d(s.caption + 4 + s.count));
  b.vrule(split, top, bottom - top);
  b.y = bottom;
}

interface TrackingSizes {
  readonly caption: number;
  readonly hri: number;
  /** y where the section must end. */
  readonly bottom: number;
  readonly maxBar: number;
  readonly minBar: number;
  readonly preferredMm: number;
}

/** The carrier's tracking barcode as tall as the room left allows, its number under it. */
function tracking(b: LayoutBuilder, r: LabelRequest, c: LabelCaptions, s: TrackingSizes): void {
  if (s.caption > 0) {
    b.text(b.margin, b.y, b.d(s.caption), b.innerWidth, `${c.tracking} · ${r.carrier}`);
    b.y += b.d(s.caption + 8);
  }
  const room = s.bottom - b.y - b.d(8 + s.hri + 4);
  if (room < b.d(s.minBar)) throw new AppError('label.does-not-fit', `the tracking barcode has no room on this ${b.geometry.size} label`);
  const bar = Math.min(room, b.d(s.maxBar));
  b.y += Math.floor((room - bar) / 2);
  b.code128(r.trackingNumber, false, bar, s.preferredMm);
  b.y += b.d(8);
  b.text(b.margin, b.y, b.d(s.hri), b.innerWidth, r.trackingNumber, 'center');
}

interface FooterSizes {
  readonly order: number;
  readonly line: number;
}

/** QR module: 5 dots on the 203 grid, smaller for a long order number so the code stays under ~19 mm. */
function qrModule(b: LayoutBuilder, data: string): number {
  return Math.max(b.d(3), Math.min(b.d(5), Math.floor(b.d(150) / qrSide(data))));
}

/** Order, package and weight on the left; a QR of the order number on the right. */
function footer(b: LayoutBuilder, r: LabelRequest, c: LabelCaptions, s: FooterSizes): void {
  const top = b.y;
  const module = qrModule(b, r.orderNumber);
  const qrX = b.geometry.width - b.margin - module * qrSide(r.orderNumber);
  const width = qrX - b.margin - b.d(16);
  b.lines(b.margin, width, b.d(s.order), b.d(8), [`${c.order} ${r.orderNumber}`]);
  const rest = [c.package(r.packageIndex, r.packageCount), `${c.weight} ${labelWeight(r)}`];
  if (r.reference !== undefined) rest.push(`${c.reference} ${r.reference}`);
  b.lines(b.margin, width, b.d(s.line), b.d(6), rest);
  b.qr(qrX, top, module, r.orderNumber);
}
