import { aiSpec, type AiSpec } from './ai-dictionary';
import { validateAiValue } from './ai-values';
import { isDigits } from './check-digit';
import { checkDuplicates, toElement, type ElementsResult, type Gs1Element } from './element-string';
import { barcodeFailure, type BarcodeFailure } from './errors';

/**
 * GS1 Digital Link primary keys and the qualifiers each may have in the path, in order (any may be
 * left out; alternatives separated). From the `dlpkey` entries of the GS1 Syntax Dictionary [S28].
 */
const PRIMARY_KEYS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  '00': [],
  '01': [['22', '10', '21'], ['235']],
  '253': [],
  '255': [],
  '401': [],
  '402': [],
  '414': [['254'], ['7040']],
  '415': [['8020']],
  '417': [['7040']],
  '8003': [],
  '8004': [['7040']],
  '8006': [['22', '10', '21']],
  '8010': [['8011']],
  '8013': [],
  '8017': [['8019']],
  '8018': [['8019']],
};

interface Segment {
  readonly text: string;
  readonly at: number;
}

/**
 * Parses a GS1 Digital Link URI on any domain: `https://id.gs1.org/01/09506000134352/10/ABC?17=251231`.
 * The key-qualifier pairs are read from the end of the path back to the primary key, so a path
 * prefix before them (`https://example.com/products/01/…`) is allowed; numeric query parameters are
 * AIs, others (`linkType`…) are ignored. Returns null when the URI is not a Digital Link at all.
 */
export function parseDigitalLink(uri: string): ElementsResult | null {
  const authority = schemeLength(uri);
  if (authority === 0) return null;
  const pathStart = uri.indexOf('/', authority);
  if (pathStart < 0) return null;
  const hash = uri.indexOf('#', pathStart);
  const fragmentStart = hash < 0 ? uri.length : hash;
  const question = uri.indexOf('?', pathStart);
  const queryStart = question < 0 || question > fragmentStart ? fragmentStart : question;
  const segments = splitPath(uri, pathStart, queryStart);

  let k = segments.length - 2;
  const qualifiers: Segment[] = [];
  for (; k >= 0; k -= 2) {
    const key = segments[k]!.text;
    if (!isDigits(key) || !aiSpec(key)) return null;
    if (key in PRIMARY_KEYS) break;
    qualifiers.unshift(segments[k]!);
  }
  if (k < 0) return null;

  const elements: Gs1Element[] = [];
  const primary = segments[k]!.text;
  const order = checkQualifierOrder(primary, qualifiers);
  if (order) return order;
  for (let i = k; i < segments.length; i += 2) {
    const failure = addElement(elements, segments[i]!.text, segments[i + 1]!, true);
    if (failure) return failure;
  }
  const queryFailure = question >= 0 && question === queryStart ? addQueryElements(elements, uri, queryStart + 1, fragmentStart) : null;
  if (queryFailure) return queryFailure;
  return checkDuplicates(elements) ?? { ok: true, elements };
}

/** Length of `http://` or `https://` (any case) at the start of `uri`, else 0. */
export function schemeLength(uri: string): number {
  const head = uri.slice(0, 8).toLowerCase();
  if (head.startsWith('https://')) return 8;
  return head.startsWith('http://') ? 7 : 0;
}

function splitPath(uri: string, from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let start = from + 1;
  for (let i = start; i <= to; i++) {
    if (i === to || uri.charCodeAt(i) === 0x2f) {
      segments.push({ text: uri.slice(start, i), at: start });
      start = i + 1;
    }
  }
  if (segments.length > 0 && segments[segments.length - 1]!.text === '') segments.pop();
  return segments;
}

function checkQualifierOrder(primary: string, qualifiers: readonly Segment[]): BarcodeFailure | null {
  const fits = (sequence: readonly string[]): boolean => {
    let next = 0;
    for (const q of qualifiers) {
      const index = sequence.indexOf(q.text, next);
      if (index < 0) return false;
      next = index + 1;
    }
    return true;
  };
  if (qualifiers.length === 0 || PRIMARY_KEYS[primary]!.some(fits)) return null;
  const path = qualifiers.map((q) => q.text).join('/');
  return barcodeFailure('barcode.bad-digital-link', `qualifiers /${path} are not allowed after (${primary}) in that order`, {
    ai: primary,
    position: qualifiers[0]!.at,
  });
}

function addElement(elements: Gs1Element[], ai: string, raw: Segment, inPath: boolean): BarcodeFailure | null {
  const spec = aiSpec(ai);
  if (!spec) return barcodeFailure('barcode.unknown-ai', `(${ai}) in the Digital Link is not a GS1 AI`, { ai, position: raw.at });
  let value: string;
  try {
    value = decodeURIComponent(raw.text);
  } catch {
    return barcodeFailure('barcode.bad-digital-link', `bad percent-encoding in the value of (${ai})`, { ai, position: raw.at });
  }
  value = inPath ? widenGtin(spec, value) : value;
  const failure = validateAiValue(spec, value, raw.at);
  if (failure) return failure;
  elements.push(toElement(spec, value));
  return null;
}

/** Digital Link lets a GTIN-8, -12 or -13 stand in the path; AI (01) always holds 14 digits. */
function widenGtin(spec: AiSpec, value: string): string {
  const n = value.length;
  return spec.ai === '01' && (n === 8 || n === 12 || n === 13) && isDigits(value) ? value.padStart(14, '0') : value;
}

function addQueryElements(elements: Gs1Element[], uri: string, from: number, to: number): BarcodeFailure | null {
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i !== to && uri.charCodeAt(i) !== 0x26) continue;
    const eq = uri.indexOf('=', start);
    if (eq > start && eq < i && isDigits(uri, start, eq)) {
      const failure = addElement(elements, uri.slice(start, eq), { text: uri.slice(eq + 1, i), at: eq + 1 }, false);
      if (failure) return failure;
    }
    start = i + 1;
  }
  return null;
}
