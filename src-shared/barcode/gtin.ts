import { gs1CheckDigit, hasValidCheckDigit, isDigits } from './check-digit';
import { barcodeFailure, type BarcodeFailure } from './errors';

export type GtinResult = { readonly ok: true; readonly gtin: string } | BarcodeFailure;
export type UpcAResult = { readonly ok: true; readonly upcA: string } | BarcodeFailure;

/**
 * Validates a GTIN-8, -12, -13 or -14 and returns it as the 14 digits AI (01) carries: shorter
 * GTINs are left-padded with zeros (device-protocols.md §4.1).
 */
export function normalizeGtin(digits: string): GtinResult {
  const failure = checkDigitString(digits, 'GTIN', (n) => n === 8 || n === 12 || n === 13 || n === 14, '8, 12, 13 or 14');
  if (failure) return failure;
  return { ok: true, gtin: digits.length === 14 ? digits : digits.padStart(14, '0') };
}

/** Validates an SSCC-18 (extension digit, company prefix, serial reference, check digit). */
export function validateSscc(digits: string): { readonly ok: true; readonly sscc: string } | BarcodeFailure {
  const failure = checkDigitString(digits, 'SSCC', (n) => n === 18, '18');
  return failure ?? { ok: true, sscc: digits };
}

function checkDigitString(digits: string, what: string, lengthOk: (n: number) => boolean, lengths: string): BarcodeFailure | null {
  if (digits.length === 0) return barcodeFailure('barcode.empty', `an empty ${what}`);
  if (!isDigits(digits)) return barcodeFailure('barcode.bad-character', `a ${what} is digits only: "${digits}"`);
  if (!lengthOk(digits.length)) {
    return barcodeFailure('barcode.bad-length', `a ${what} has ${lengths} digits, "${digits}" has ${digits.length}`, { length: digits.length });
  }
  if (!hasValidCheckDigit(digits)) return badCheckDigit(what, digits);
  return null;
}

function badCheckDigit(what: string, digits: string, detail?: Readonly<Record<string, string | number>>): BarcodeFailure {
  const expected = gs1CheckDigit(digits, 0, digits.length - 1);
  return barcodeFailure('barcode.bad-check-digit', `${what} ${digits}: check digit ${digits[digits.length - 1]}, expected ${expected}`, {
    ...detail,
    expected,
  });
}

/**
 * Expands a UPC-E to its UPC-A. Accepts the 8 digits scanners send (number system, six digits, check
 * digit; the check digit is the UPC-A's and is verified), or 7 (no check digit) or 6 (number system 0
 * implied). Only number systems 0 and 1 exist for UPC-E.
 */
export function expandUpcE(upcE: string): UpcAResult {
  const n = upcE.length;
  if (n === 0) return barcodeFailure('barcode.empty', 'an empty UPC-E');
  if (!isDigits(upcE)) return barcodeFailure('barcode.bad-character', `a UPC-E is digits only: "${upcE}"`);
  if (n < 6 || n > 8) return barcodeFailure('barcode.bad-length', `a UPC-E has 6, 7 or 8 digits, "${upcE}" has ${n}`, { length: n });
  const ns = n === 6 ? '0' : upcE.charAt(0);
  if (ns !== '0' && ns !== '1') return barcodeFailure('barcode.bad-value', `UPC-E number system ${ns}: only 0 and 1 exist`);
  const d = n === 6 ? upcE : upcE.slice(1, 7);
  const body = ns + expandedManufacturerAndProduct(d);
  const check = gs1CheckDigit(body);
  if (n === 8 && String(check) !== upcE.charAt(7)) {
    return barcodeFailure('barcode.bad-check-digit', `UPC-E ${upcE}: check digit ${upcE.charAt(7)}, expected ${check}`, { expected: check });
  }
  return { ok: true, upcA: body + String(check) };
}

/** The ten digits between number system and check digit of the UPC-A a six-digit UPC-E stands for. */
function expandedManufacturerAndProduct(d: string): string {
  const last = d.charAt(5);
  switch (last) {
    case '0':
    case '1':
    case '2':
      return d.slice(0, 2) + last + '0000' + d.slice(2, 5);
    case '3':
      return d.slice(0, 3) + '00000' + d.slice(3, 5);
    case '4':
      return d.slice(0, 4) + '00000' + d.charAt(4);
    default:
      return d.slice(0, 5) + '0000' + last;
  }
}

/** The 8-digit UPC-E of a UPC-A when it has one (zero-suppressible), else null. Inverse of expandUpcE. */
export function compressUpcA(upcA: string): string | null {
  if (upcA.length !== 12 || !hasValidCheckDigit(upcA)) return null;
  const ns = upcA.charAt(0);
  if (ns !== '0' && ns !== '1') return null;
  const m = upcA.slice(1, 6);
  const p = upcA.slice(6, 11);
  let six: string | null = null;
  if (m[2]! <= '2' && m.endsWith('00') && p.startsWith('00')) six = m.slice(0, 2) + p.slice(2) + m[2];
  else if (m.endsWith('00') && p.startsWith('000')) six = m.slice(0, 3) + p.slice(3) + '3';
  else if (m.endsWith('0') && p.startsWith('0000')) six = m.slice(0, 4) + p[4] + '4';
  else if (p.startsWith('0000') && p[4]! >= '5') six = m + p[4];
  return six === null ? null : ns + six + upcA.charAt(11);
}
