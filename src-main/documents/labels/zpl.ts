import { formatElementString, GS } from '../../../src-shared/barcode';
import { AppError } from '../../../src-shared/errors/codes';
import { fitFont0, font0Width } from './font0-metrics';
import type { BarElement, Code128Element, DataMatrixElement, LabelElement, LabelLayout, QrElement, TextElement } from './label-layout';
import type { LabelRequest } from './label-request';
import { printableText } from './label-text';
import { layoutShippingLabel } from './shipping-label-layout';

/**
 * ZPL II writer (Zebra ZPL II Programming Guide; device-protocols.md §5.1–5.2). Pure: a layout in,
 * the job's text out. Every `^FD` is preceded by `^FH`, and its data is hex-escaped, so no field can
 * hold a `^` or `~` and end itself or start a command: a hostile address prints literally.
 */

/** `^FH`'s indicator (its default); the characters that must never reach the printer raw. */
const HEX_INDICATOR = '_';
const ZPL_SPECIALS = /[_^~]/g;
/** `^BX` escape character: not `_` (hex indicator), not `^`/`~` (prefixes), not in GS1 CSET 82. */
const DATAMATRIX_ESCAPE = '#';

const hex = (c: string) => HEX_INDICATOR + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');

/**
 * Field data for `^FH^FD…^FS`: one printable line (control characters become spaces), with `_`,
 * `^` and `~` as `_5F`, `_5E`, `_7E`. Other characters, accents and emoji included, go as UTF-8
 * under `^CI28`; no UTF-8 byte of them is below 0x80, so none can be a ZPL prefix.
 */
export function zplEscape(text: string): string {
  return printableText(text).replace(ZPL_SPECIALS, hex);
}

/** `^FH^FD<escaped>^FS`: the only way this writer ever emits field data. */
export function zplField(data: string): string {
  return `^FH^FD${zplEscape(data)}^FS`;
}

/** The ZPL of one shipping label. Throws an AppError (`label.*`) when it cannot be printed. */
export function buildZplLabel(request: LabelRequest): string {
  return renderZpl(layoutShippingLabel(request));
}

export function renderZpl(layout: LabelLayout): string {
  const { width, height } = layout.geometry;
  const out = ['^XA', '^CI28', `^PW${width}`, `^LL${height}`, '^LH0,0', '^PON'];
  for (const element of layout.elements) out.push(zplElement(element));
  out.push('^PQ1', '^XZ');
  return out.join('\n') + '\n';
}

function zplElement(element: LabelElement): string {
  switch (element.kind) {
    case 'text':
      return zplText(element);
    case 'bar':
      return zplBar(element);
    case 'code128':
      return zplCode128(element);
    case 'datamatrix':
      return zplDataMatrix(element);
    case 'qr':
      return zplQr(element);
    default: {
      const never: never = element;
      throw new Error(`unknown label element ${JSON.stringify(never)}`);
    }
  }
}

function zplText(t: TextElement): string {
  const fitted = fitFont0(t.text, t.height, t.maxWidth);
  const free = Math.max(0, t.maxWidth - font0Width(fitted.text, fitted.width));
  const x = t.x + Math.floor(t.align === 'center' ? free / 2 : t.align === 'right' ? free : 0);
  return `^FO${x},${t.y}^A0N,${fitted.height},${fitted.width}${zplField(fitted.text)}`;
}

function zplBar(b: BarElement): string {
  return `^FO${b.x},${b.y}^GB${b.width},${b.height},${Math.min(b.width, b.height)}^FS`;
}

/**
 * Plain data uses `^BC` automatic mode (A), which picks subsets B and C itself; the data is only
 * letters, digits and `-./ ` (checked by the layout), so no `>` invocation code can appear. GS1 data
 * is all digits: start C and FNC1 (`>;>8`), verified to read as `]C1` (device-protocols.md §5.1).
 */
function zplCode128(c: Code128Element): string {
  const head = `^FO${c.x},${c.y}^BY${c.module}`;
  if (!c.gs1) return `${head}^BCN,${c.height},N,N,N,A${zplField(c.data)}`;
  if (!/^(\d\d)+$/.test(c.data)) throw new AppError('label.bad-barcode-data', `GS1-128 data must be an even number of digits: ${JSON.stringify(c.data)}`);
  return `${head}^BCN,${c.height},N,N,N,N^FH^FD>;>8${c.data}^FS`;
}

/**
 * GS1 Data Matrix: `^BX` quality 200, format 6 (full ASCII), with an explicit escape character
 * (its default differs between firmware versions: device-protocols.md §5.1, §7.4). `#1` is FNC1;
 * `^FH` runs first, so the data may still carry hex escapes.
 */
function zplDataMatrix(m: DataMatrixElement): string {
  const esc = DATAMATRIX_ESCAPE;
  const body = formatElementString(m.elements)
    .replaceAll(esc, esc + esc)
    .replaceAll(GS, `${esc}1`);
  return `^FO${m.x},${m.y}^BXN,${m.module},200,0,0,6,${esc}${zplField(`${esc}1${body}`)}`;
}

/** QR model 2, error correction Q, automatic input mode (`QA,`). */
function zplQr(q: QrElement): string {
  return `^FO${q.x},${q.y}^BQN,2,${q.module}${zplField(`QA,${q.data}`)}`;
}
