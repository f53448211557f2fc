import { aiSpec, findAi, type AiSpec } from './ai-dictionary';
import { validateAiValue } from './ai-values';
import { showChar } from './charset';
import { barcodeFailure, type BarcodeFailure } from './errors';

/** FNC1 as scanners transmit it between elements: ASCII 29, group separator (device-protocols.md §3.4). */
export const GS = '\x1d';
const GS_CODE = 0x1d;

/** One AI and its data exactly as printed: no decimal point inserted, no date converted. */
export interface Gs1Element {
  readonly ai: string;
  readonly value: string;
  /** For 310n…369n and 39nn: how many of the value's digits follow the implied decimal point. */
  readonly decimals?: number;
}

export type ElementsResult = { readonly ok: true; readonly elements: readonly Gs1Element[] } | BarcodeFailure;

/**
 * Parses a GS1 element string as a scanner sends it after the AIM identifier: AI, data, and a GS
 * after every variable-length element except the last. A GS after a predefined-length element is
 * legal and skipped, as is a GS at the very end (some scanners send one) or at the start.
 */
export function parseElementString(data: string, from = 0): ElementsResult {
  const elements: Gs1Element[] = [];
  const n = data.length;
  let i = from;
  while (i < n) {
    if (data.charCodeAt(i) === GS_CODE) {
      i++;
      continue;
    }
    const spec = findAi(data, i);
    if (!spec) return unknownAi(data, i);
    const start = i + spec.ai.length;
    let end: number;
    if (spec.predefined) {
      end = start + spec.maxLength;
      const gs = data.indexOf(GS, start);
      if (end > n || (gs >= 0 && gs < end)) return truncated(spec, data, start, gs >= 0 && gs < end ? gs : n);
    } else {
      end = data.indexOf(GS, start);
      if (end < 0) end = n;
    }
    const value = data.slice(start, end);
    const failure = validateAiValue(spec, value, start);
    if (failure) return failure;
    elements.push(toElement(spec, value));
    i = end;
  }
  if (elements.length === 0) return barcodeFailure('barcode.empty', 'a GS1 barcode with no element in it');
  return checkDuplicates(elements) ?? { ok: true, elements };
}

/** The element string of `elements`: GS only where a variable-length element is followed by another. */
export function formatElementString(elements: readonly Pick<Gs1Element, 'ai' | 'value'>[]): string {
  let out = '';
  elements.forEach((element, index) => {
    out += element.ai + element.value;
    if (index < elements.length - 1 && !aiSpec(element.ai)?.predefined) out += GS;
  });
  return out;
}

export function toElement(spec: AiSpec, value: string): Gs1Element {
  return spec.decimals === undefined ? { ai: spec.ai, value } : { ai: spec.ai, value, decimals: spec.decimals };
}

/** GS1 General Specifications: an AI may repeat in one message only with the same data. */
export function checkDuplicates(elements: readonly Gs1Element[]): BarcodeFailure | null {
  for (let a = 1; a < elements.length; a++) {
    for (let b = 0; b < a; b++) {
      const x = elements[a]!;
      const y = elements[b]!;
      if (x.ai === y.ai && x.value !== y.value) {
        return barcodeFailure('barcode.duplicate-ai', `(${x.ai}) appears twice with different data: "${y.value}" and "${x.value}"`, { ai: x.ai });
      }
    }
  }
  return null;
}

function unknownAi(data: string, at: number): BarcodeFailure {
  let digits = 0;
  while (digits < 4 && at + digits < data.length && data.charCodeAt(at + digits) >= 48 && data.charCodeAt(at + digits) <= 57) digits++;
  const seen = digits >= 2 ? data.slice(at, at + digits) : showChar(data, at);
  return barcodeFailure('barcode.unknown-ai', `no known GS1 AI at position ${at} ("${seen}…")`, { position: at });
}

function truncated(spec: AiSpec, data: string, start: number, stop: number): BarcodeFailure {
  return barcodeFailure('barcode.bad-length', `(${spec.ai}) takes ${spec.maxLength} characters, got ${stop - start}: "${data.slice(start, stop)}"`, {
    ai: spec.ai,
    position: start,
  });
}
