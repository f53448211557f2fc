/**
 * GS1 mod-10 check digit, shared by GTIN-8/12/13/14, SSCC-18, GLN and GSIN: weights 3,1,3,1… from
 * the rightmost data digit; check = (10 − sum mod 10) mod 10 (device-protocols.md §4.1).
 */

const ZERO = 48;

/** True when every character of `text[from, to)` is an ASCII digit (and the range is not empty). */
export function isDigits(text: string, from = 0, to = text.length): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return false;
  }
  return true;
}

/** The check digit for the digits `body[from, to)`. The caller guarantees they are digits. */
export function gs1CheckDigit(body: string, from = 0, to = body.length): number {
  let sum = 0;
  let weight = 3;
  for (let i = to - 1; i >= from; i--) {
    sum += (body.charCodeAt(i) - ZERO) * weight;
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `digits[from, to)` is all digits and its last digit is the check digit of the others. */
export function hasValidCheckDigit(digits: string, from = 0, to = digits.length): boolean {
  if (to - from < 2 || !isDigits(digits, from, to)) return false;
  return gs1CheckDigit(digits, from, to - 1) === digits.charCodeAt(to - 1) - ZERO;
}

/** `body` followed by its check digit: `withCheckDigit('950600013435')` is `'9506000134352'`. */
export function withCheckDigit(body: string): string {
  return body + String(gs1CheckDigit(body));
}
