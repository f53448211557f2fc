import { formatElementString, GS } from '../../../src-shared/barcode';
import { AppError } from '../../../src-shared/errors/codes';
import { fitFont0, font0Width } from './font0-metrics';
import type { BarElement, Code128Element, DataMatrixElement, LabelElement, LabelLayout, QrElement, TextElement } from './label-layout';
import type { LabelRequest } from './label-request';
import { printableText } from './label-text';
import { layoutShippingLabel } from './shipping-label-layout';

/**
 * TSPL / TSPL2 writer for TSC printers and the many 4×6 clones that speak nothing else
 * (device-protocols.md §5.4). One command per line, CR LF; string arguments in double quotes. A
 * string can only be left by a `"` or a line break, so user text has its line breaks turned into
 * spaces (printableText) and each `"` written as TSPL's escape `\["]`. Not yet run on hardware: the
 * reference lists TSPL but no renderer exists here, so tests check the command structure.
 */

const CRLF = '\r\n';

/** A TSPL string argument, quotes included. */
export function tsplString(text: string): string {
  return `"${printableText(text).replaceAll('"', '\\["]')}"`;
}

export function buildTsplLabel(request: LabelRequest): string {
  return renderTspl(layoutShippingLabel(request));
}

export function renderTspl(layout: LabelLayout): string {
  const { widthInches, heightInches } = layout.geometry;
  const out = [`SIZE ${widthInches},${heightInches}`, 'GAP 3 mm,0 mm', 'DIRECTION 1,0', 'REFERENCE 0,0', 'CODEPAGE UTF-8', 'CLS'];
  for (const element of layout.elements) out.push(tsplElement(element, layout.geometry.dpi));
  out.push('PRINT 1,1');
  return out.join(CRLF) + CRLF;
}

function tsplElement(element: LabelElement, dpi: number): string {
  switch (element.kind) {
    case 'text':
      return tsplText(element, dpi);
    case 'bar':
      return tsplBar(element);
    case 'code128':
      return tsplCode128(element);
    case 'datamatrix':
      return tsplDataMatrix(element);
    case 'qr':
      return tsplQr(element);
    default: {
      const never: never = element;
      throw new Error(`unknown label element ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Font "0" is the printer's scalable CG Triumvirate Bold Condensed, the same face as Zebra's font
 * 0, so the ZPL fitting applies; its x/y multipliers are sizes in points (1/72 in).
 */
function tsplText(t: TextElement, dpi: number): string {
  const fitted = fitFont0(t.text, t.height, t.maxWidth);
  const free = Math.max(0, t.maxWidth - font0Width(fitted.text, fitted.width));
  const x = t.x + Math.floor(t.align === 'center' ? free / 2 : t.align === 'right' ? free : 0);
  const points = (dots: number) => Math.max(1, Math.round((dots * 72) / dpi));
  return `TEXT ${x},${t.y},"0",0,${points(fitted.width)},${points(fitted.height)},${tsplString(fitted.text)}`;
}

function tsplBar(b: BarElement): string {
  return `BAR ${b.x},${b.y},${b.width},${b.height}`;
}

/**
 * Plain data: type "128", the printer switching subsets itself. GS1: "128M" with manual control
 * codes, START C (`!105`) then FNC1 (`!102`), the same symbol as ZPL's `>;>8`.
 */
function tsplCode128(c: Code128Element): string {
  const head = `BARCODE ${c.x},${c.y}`;
  if (!c.gs1) return `${head},"128",${c.height},0,0,${c.module},${c.module},${tsplString(c.data)}`;
  if (!/^(\d\d)+$/.test(c.data)) throw new AppError('label.bad-barcode-data', `GS1-128 data must be an even number of digits: ${JSON.stringify(c.data)}`);
  return `${head},"128M",${c.height},0,0,${c.module},${c.module},"!105!102${c.data}"`;
}

/** `c126` makes `~` the escape character: `~1` is FNC1, `~~` a literal tilde. */
function tsplDataMatrix(m: DataMatrixElement): string {
  const body = formatElementString(m.elements).replaceAll('~', '~~').replaceAll(GS, '~1');
  const size = m.side * m.module;
  return `DMATRIX ${m.x},${m.y},${size},${size},c126,x${m.module},${tsplString(`~1${body}`)}`;
}

/** Error correction Q, cell width in dots, automatic mode, no rotation. */
function tsplQr(q: QrElement): string {
  return `QRCODE ${q.x},${q.y},Q,${q.module},A,0,${tsplString(q.data)}`;
}
