import { AppError } from '../../../src-shared/errors/codes';

/**
 * How big a barcode will be, in modules, before any printer draws it, so a layout can choose the
 * module width that fits. The figures are upper bounds for what a printer's automatic encoder makes
 * (ISO/IEC 15417 Code 128, ISO/IEC 16022 Data Matrix, ISO/IEC 18004 QR).
 */

/** Code 128 data this app prints: letters, digits, space and `-./`. Never a printer escape (`>` `^` `~` `_`). */
const CODE128_SAFE = /^[0-9A-Za-z \-./]+$/;

export function assertCode128Data(data: string): void {
  if (!CODE128_SAFE.test(data)) {
    throw new AppError('label.bad-barcode-data', `Code 128 data must be letters, digits, space, "-", "." or "/": ${JSON.stringify(data)}`);
  }
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function digitRun(data: string, from: number): number {
  let end = from;
  while (isDigit(data[end])) end++;
  return end - from;
}

/**
 * Symbol characters of `data` (start, optional FNC1, data, code-set switches, check), planned the
 * way automatic encoders do it: subset C for runs of four or more digits (or an all-digit
 * message), subset B otherwise. An odd run leaves its last digit in B.
 */
export function code128Symbols(data: string, gs1 = false): number {
  let symbols = 1 + (gs1 ? 1 : 0) + 1; // start, FNC1, check
  let set: 'B' | 'C' | undefined;
  let i = 0;
  while (i < data.length) {
    const run = digitRun(data, i);
    const wantC = run >= 4 || (run >= 2 && run === data.length);
    const next = wantC ? 'C' : 'B';
    if (set !== undefined && set !== next) symbols++;
    set = next;
    const taken = wantC ? run - (run % 2) : 1;
    symbols += wantC ? taken / 2 : 1;
    i += taken;
  }
  return symbols;
}

/** Width in modules without quiet zones: 11 per symbol character, 13 for the stop pattern. */
export function code128Modules(data: string, gs1 = false): number {
  return 11 * code128Symbols(data, gs1) + 13;
}

/** Code 128 needs ten modules of quiet zone on each side (ISO/IEC 15417 §4.4.1). */
export const CODE128_QUIET_MODULES = 10;

/** Square ECC 200 symbols: side in modules and data codewords (ISO/IEC 16022 Table 7). */
const DATAMATRIX_SQUARES: readonly (readonly [side: number, capacity: number])[] = [
  [10, 3], [12, 5], [14, 8], [16, 12], [18, 18], [20, 22], [22, 30], [24, 36], [26, 44], [32, 62], [36, 86], [40, 114], [44, 144],
];

/** Data codewords in ASCII encodation: FNC1 and a digit pair take one, a byte above 127 takes two. */
export function dataMatrixCodewords(data: string, leadingFnc1: boolean): number {
  const bytes = Buffer.from(data, 'utf8');
  let codewords = leadingFnc1 ? 1 : 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const pair = b >= 0x30 && b <= 0x39 && bytes[i + 1] !== undefined && bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x39;
    codewords += b > 127 ? 2 : 1;
    if (pair) i++;
  }
  return codewords;
}

/** Side, in modules, of the smallest square Data Matrix that holds `codewords`. */
export function dataMatrixSide(codewords: number): number {
  const fit = DATAMATRIX_SQUARES.find(([, capacity]) => capacity >= codewords);
  if (!fit) throw new AppError('label.bad-barcode-data', `${codewords} codewords do not fit a label Data Matrix`);
  return fit[0];
}

/** Byte-mode capacity at error correction level Q, versions 1 to 10 (ISO/IEC 18004 Table 7). */
const QR_BYTES_AT_Q = [11, 20, 32, 46, 60, 74, 86, 108, 130, 151];

/** Side, in modules, of the QR code (level Q, byte mode) that holds `data` as UTF-8. */
export function qrSide(data: string): number {
  const bytes = Buffer.byteLength(data, 'utf8');
  const version = QR_BYTES_AT_Q.findIndex((capacity) => capacity >= bytes) + 1;
  if (version === 0) throw new AppError('label.bad-barcode-data', `${bytes} bytes are too many for a label QR code`);
  return 17 + 4 * version;
}
