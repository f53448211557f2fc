/**
 * AIM symbology identifiers (ISO/IEC 15424): `]` + code character + modifier, sent by the scanner in
 * front of the data. The identifier says what the data is: a GS1 element string (FNC1 in first
 * position, implied and not transmitted), EAN/UPC digits, or plain data (device-protocols.md §3.4,
 * GS1 Syntax Engine scandata.c [S28], NielsLeenheer/BarcodeParser aim.js [S27]).
 */

export const SYMBOLOGIES = [
  'gs1-128',
  'code-128',
  'ean-13',
  'upc-a',
  'upc-e',
  'ean-8',
  'ean-addon',
  'ean-13-addon',
  'gs1-datamatrix',
  'datamatrix',
  'gs1-qr',
  'qr',
  'gs1-databar',
  'gs1-dotcode',
  'dotcode',
  'code-39',
  'code-93',
  'code-11',
  'codabar',
  'itf',
  'pdf417',
  'micro-pdf417',
  'maxicode',
  'aztec',
  'msi',
  'telepen',
  'other',
  'unknown',
] as const;
export type SymbologyName = (typeof SYMBOLOGIES)[number];

/** What the data after the identifier is. */
export type SymbologyContent = 'element-string' | 'ean-upc' | 'plain';

export interface Symbology {
  readonly name: SymbologyName;
  /** `]C1`, or null when the scan came without an identifier. */
  readonly aim: string | null;
  readonly content: SymbologyContent;
}

export const NO_AIM: Symbology = Object.freeze({ name: 'unknown', aim: null, content: 'plain' });

type Entry = readonly [SymbologyName, SymbologyContent];
const PLAIN_BY_CODE: Readonly<Record<string, SymbologyName>> = {
  A: 'code-39',
  B: 'telepen',
  C: 'code-128',
  d: 'datamatrix',
  F: 'codabar',
  G: 'code-93',
  H: 'code-11',
  I: 'itf',
  J: 'dotcode',
  L: 'pdf417',
  M: 'msi',
  p: 'micro-pdf417',
  Q: 'qr',
  U: 'maxicode',
  z: 'aztec',
};

/** Identifiers whose meaning depends on the modifier. `e` (DataBar) always carries GS1 data. */
const SPECIAL: Readonly<Record<string, Entry>> = {
  ']C1': ['gs1-128', 'element-string'],
  ']d2': ['gs1-datamatrix', 'element-string'],
  ']Q3': ['gs1-qr', 'element-string'],
  ']J1': ['gs1-dotcode', 'element-string'],
  ']E0': ['ean-13', 'ean-upc'],
  ']E1': ['ean-addon', 'plain'],
  ']E2': ['ean-addon', 'plain'],
  ']E3': ['ean-13-addon', 'ean-upc'],
  ']E4': ['ean-8', 'ean-upc'],
};

const BY_ID = new Map<number, Symbology>();
const idKey = (code: number, modifier: number): number => code * 128 + modifier;
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
for (const letter of ALNUM.slice(10)) {
  for (const modifier of ALNUM) {
    const aim = `]${letter}${modifier}`;
    const entry: Entry = SPECIAL[aim] ?? (letter === 'e' ? ['gs1-databar', 'element-string'] : [PLAIN_BY_CODE[letter] ?? 'other', 'plain']);
    BY_ID.set(idKey(letter.charCodeAt(0), modifier.charCodeAt(0)), Object.freeze({ name: entry[0], aim, content: entry[1] }));
  }
}

/**
 * The symbology named by the identifier at the start of `raw`, or NO_AIM. The data starts after
 * `aim.length` characters. A `]` not followed by a code letter and a modifier is data.
 */
export function readAim(raw: string): Symbology {
  if (raw.length < 3 || raw.charCodeAt(0) !== 0x5d) return NO_AIM;
  return BY_ID.get(idKey(raw.charCodeAt(1), raw.charCodeAt(2))) ?? NO_AIM;
}

/** Where the data starts in a scan whose symbology is `symbology`. */
export function dataStart(symbology: Symbology): number {
  return symbology.aim === null ? 0 : symbology.aim.length;
}
