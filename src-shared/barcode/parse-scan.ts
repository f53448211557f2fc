import { dataStart, readAim, type Symbology, type SymbologyName } from './aim';
import { looksBracketed, parseBracketed } from './bracketed';
import { isDigits } from './check-digit';
import { parseDigitalLink } from './digital-link';
import { GS, parseElementString, type ElementsResult, type Gs1Element } from './element-string';
import { barcodeFailure, type BarcodeFailure } from './errors';
import { expandUpcE, normalizeGtin, validateSscc } from './gtin';
import { compileScanConfig, matchPattern, type CompiledScanConfig, type PatternKind, type ScanConfig } from './scan-config';

export type ScanKind = 'gs1' | 'gtin' | 'sscc' | 'digital-link' | PatternKind | 'text';

/** A scan the workflow can act on. Optional fields are present only when they apply. */
export interface ParsedScan {
  readonly ok: true;
  readonly symbology: SymbologyName;
  /** The AIM identifier the scan came with (`]C1`), or null. */
  readonly aim: string | null;
  readonly kind: ScanKind;
  /** The scanned data after the AIM identifier, unchanged (GS included). */
  readonly data: string;
  /** order / tote / box / command / badge: what the configured pattern picked out. */
  readonly value?: string;
  /** The item's GTIN as 14 digits: from EAN/UPC/ITF-14 digits, AI (01), or a Digital Link. */
  readonly gtin?: string;
  /** The SSCC (18 digits), bare or from AI (00). */
  readonly sscc?: string;
  /** The 2- or 5-digit EAN/UPC add-on (]E3). */
  readonly addOn?: string;
  /** gs1 and digital-link: every element, values as printed. */
  readonly elements?: readonly Gs1Element[];
}

export type ScanResult = ParsedScan | BarcodeFailure;

type Draft = { -readonly [K in keyof ParsedScan]: ParsedScan[K] };

/**
 * Reads one scan: strips and names the AIM symbology identifier, tries the station's patterns, then
 * reads GS1 element strings, Digital Link URIs, EAN/UPC/GTIN and SSCC digits; anything else is
 * `text`. Never throws. Sits on the scan path: no regular expression is compiled per call (patterns
 * are compiled once per config object) and an item scan allocates little beyond its result.
 */
export function parseScan(raw: string, config?: ScanConfig): ScanResult {
  if (isBlank(raw)) return barcodeFailure('barcode.empty', 'an empty scan');
  const symbology = readAim(raw);
  const start = dataStart(symbology);
  if (isBlank(raw, start)) return barcodeFailure('barcode.empty', `a scan with only the identifier ${symbology.aim}`);
  const data = start === 0 ? raw : raw.slice(start);
  if (config) {
    const compiled = compileScanConfig(config);
    if ('error' in compiled) return compiled;
    const match = matchPattern(compiled, data);
    if (match) return { ...accepted(symbology, match.kind, data), value: match.value };
  }
  switch (symbology.content) {
    case 'element-string':
      return fromElements(symbology, 'gs1', data, parseElementString(data));
    case 'ean-upc':
      return fromEanUpc(symbology, data);
    case 'plain':
      return fromPlain(symbology, data);
  }
}

/** A parser bound to one configuration; a bad pattern is reported here, once, instead of per scan. */
export function createScanParser(config: ScanConfig): ((raw: string) => ScanResult) | BarcodeFailure {
  const compiled: CompiledScanConfig | BarcodeFailure = compileScanConfig(config);
  if ('error' in compiled) return compiled;
  return (raw) => parseScan(raw, config);
}

function accepted(symbology: Symbology, kind: ScanKind, data: string): Draft {
  return { ok: true, symbology: symbology.name, aim: symbology.aim, kind, data };
}

function fromElements(symbology: Symbology, kind: 'gs1' | 'digital-link', data: string, parsed: ElementsResult): ScanResult {
  if (!parsed.ok) return parsed;
  const result = accepted(symbology, kind, data);
  for (const element of parsed.elements) {
    if (element.ai === '01' && result.gtin === undefined) result.gtin = element.value;
    else if (element.ai === '00' && result.sscc === undefined) result.sscc = element.value;
  }
  result.elements = parsed.elements;
  return result;
}

/** ]E0 sends EAN-13/UPC-A as 13 digits (some scanners 12, or an unexpanded 8-digit UPC-E); ]E4 EAN-8. */
function fromEanUpc(symbology: Symbology, data: string): ScanResult {
  const n = data.length;
  let main = data;
  let addOn: string | undefined;
  if (symbology.aim === ']E3' && (n === 14 || n === 15 || n === 17 || n === 18)) {
    const mainLength = n === 14 || n === 17 ? 12 : 13;
    main = data.slice(0, mainLength);
    addOn = data.slice(mainLength);
    if (!isDigits(addOn)) return barcodeFailure('barcode.bad-character', `an EAN/UPC add-on is digits only: "${addOn}"`);
  } else if (symbology.aim === ']E4' ? n !== 8 : n !== 8 && n !== 12 && n !== 13) {
    return barcodeFailure('barcode.bad-length', `${symbology.name} data of ${n} characters: "${data}"`, { length: n });
  }
  if (symbology.aim === ']E0' && n === 8) {
    const upcA = expandUpcE(main);
    if (!upcA.ok) return upcA;
    main = upcA.upcA;
  }
  const gtin = normalizeGtin(main);
  if (!gtin.ok) return gtin;
  const result = accepted(symbology, 'gtin', data);
  // ]E0 covers EAN-13, UPC-A and UPC-E; a UPC-A is by definition an EAN-13 starting with 0.
  if (symbology.aim === ']E0') result.symbology = n === 8 ? 'upc-e' : n === 12 || data.charCodeAt(0) === 0x30 ? 'upc-a' : 'ean-13';
  result.gtin = gtin.gtin;
  if (addOn !== undefined) result.addOn = addOn;
  return result;
}

function fromPlain(symbology: Symbology, data: string): ScanResult {
  const first = data.charCodeAt(0);
  if (first === 0x68 || first === 0x48) {
    const link = parseDigitalLink(data);
    if (link) return fromElements(symbology, 'digital-link', data, link);
  }
  if (first === 0x28 && looksBracketed(data)) return fromElements(symbology, 'gs1', data, parseBracketed(data));
  const bare = symbology.aim === null;
  if (isDigits(data)) {
    const n = data.length;
    if ((bare && (n === 8 || n === 12 || n === 13 || n === 14)) || (symbology.name === 'itf' && n === 14)) return fromGtin(symbology, data);
    if (bare && n === 18) return fromSscc(symbology, data);
    // A keyboard wedge without AIM prefix: digits that read as a complete GS1 string keyed by
    // (00), (01) or (02) are one; anything else stays text (an order number like 1001 is not "(10)01").
    if (bare && first === 0x30 && data.charCodeAt(1) <= 0x32) {
      const parsed = parseElementString(data);
      if (parsed.ok) return fromElements(symbology, 'gs1', data, parsed);
    }
    return accepted(symbology, 'text', data);
  }
  if (bare && (first === 0x1d || (isDigits(data, 0, 2) && data.includes(GS)))) return fromElements(symbology, 'gs1', data, parseElementString(data));
  return accepted(symbology, 'text', data);
}

function fromGtin(symbology: Symbology, digits: string): ScanResult {
  const gtin = normalizeGtin(digits);
  if (!gtin.ok) return gtin;
  const result = accepted(symbology, 'gtin', digits);
  result.gtin = gtin.gtin;
  return result;
}

function fromSscc(symbology: Symbology, digits: string): ScanResult {
  const sscc = validateSscc(digits);
  if (!sscc.ok) return sscc;
  const result = accepted(symbology, 'sscc', digits);
  result.sscc = sscc.sscc;
  return result;
}

/** True when `text` from `from` on holds nothing but spaces and control characters. */
function isBlank(text: string, from = 0): boolean {
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) > 0x20) return false;
  return true;
}
