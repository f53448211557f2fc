import { aiSpec } from './ai-dictionary';
import { validateAiValue } from './ai-values';
import { checkDuplicates, toElement, type ElementsResult, type Gs1Element } from './element-string';
import { barcodeFailure } from './errors';

/**
 * The human-readable form printed under a GS1 barcode and typed by people:
 * `(01)09506000134352(17)251231(10)ABC123`. A value ends where the next `(AI)` starts; a `(` that
 * belongs to the data is written `\(` (the GS1 Syntax Engine's convention). Spaces around elements
 * are ignored, since GS1 data never contains a space.
 */
export function parseBracketed(text: string): ElementsResult {
  const elements: Gs1Element[] = [];
  const n = text.length;
  let i = skipSpaces(text, 0);
  while (i < n) {
    const close = aiTokenEnd(text, i);
    if (close < 0) return barcodeFailure('barcode.unknown-ai', `expected "(AI)" at position ${i}`, { position: i });
    const ai = text.slice(i + 1, close);
    const spec = aiSpec(ai);
    if (!spec) return barcodeFailure('barcode.unknown-ai', `(${ai}) is not a GS1 AI`, { ai, position: i });
    const start = skipSpaces(text, close + 1);
    let end = start;
    let escaped = false;
    while (end < n && !(text.charCodeAt(end) === 0x28 && aiTokenEnd(text, end) > 0 && text.charCodeAt(end - 1) !== 0x5c)) {
      if (text.charCodeAt(end) === 0x5c && text.charCodeAt(end + 1) === 0x28) escaped = true;
      end++;
    }
    let stop = end;
    while (stop > start && text.charCodeAt(stop - 1) === 0x20) stop--;
    const raw = text.slice(start, stop);
    const value = escaped ? raw.replaceAll('\\(', '(') : raw;
    const failure = validateAiValue(spec, value, start);
    if (failure) return failure;
    elements.push(toElement(spec, value));
    i = end;
  }
  if (elements.length === 0) return barcodeFailure('barcode.empty', 'no element in the bracketed GS1 text');
  return checkDuplicates(elements) ?? { ok: true, elements };
}

/** `(01)09506000134352(10)ABC`: the bracketed form of `elements`, `(` in data escaped. */
export function formatBracketed(elements: readonly Pick<Gs1Element, 'ai' | 'value'>[]): string {
  return elements.map((e) => `(${e.ai})${e.value.replaceAll('(', '\\(')}`).join('');
}

/** True when `text` starts like the bracketed form: "(" then a known AI then ")". */
export function looksBracketed(text: string, from = 0): boolean {
  const close = aiTokenEnd(text, from);
  return close > 0 && aiSpec(text.slice(from + 1, close)) !== undefined;
}

/** Index of the ")" of a "(NN)"…"(NNNN)" token starting at `at`, or −1. */
function aiTokenEnd(text: string, at: number): number {
  if (text.charCodeAt(at) !== 0x28) return -1;
  let i = at + 1;
  while (i < text.length && i - at <= 5 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  const digits = i - at - 1;
  return digits >= 2 && digits <= 4 && text.charCodeAt(i) === 0x29 ? i : -1;
}

function skipSpaces(text: string, at: number): number {
  while (text.charCodeAt(at) === 0x20) at++;
  return at;
}
