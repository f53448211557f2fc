import type { AiCheck, AiComponent, AiSpec } from './ai-dictionary';
import { CHARSET_BITS, firstOutside, showChar } from './charset';
import { gs1CheckDigit, hasValidCheckDigit } from './check-digit';
import { barcodeFailure, type BarcodeFailure } from './errors';

/**
 * Checks one AI's data against its format in the AI table: length, character set, and the checks
 * that matter at a bench (check digits, dates, times, flags). `at` is where the data starts in the
 * scanned string, for the error detail. Values are never rewritten: 310n stays "001250".
 */
export function validateAiValue(spec: AiSpec, value: string, at: number): BarcodeFailure | null {
  const n = value.length;
  if (n < spec.minLength || n > spec.maxLength) return badLength(spec, value, at);
  let pos = 0;
  for (const component of spec.components) {
    const remaining = n - pos;
    if (remaining === 0 && component.optional) break;
    const length = component.min === component.max ? component.max : Math.min(remaining, component.max);
    if (length > remaining) return badLength(spec, value, at);
    const failure = validateComponent(spec, component, value, pos, pos + length, at);
    if (failure) return failure;
    pos += length;
  }
  return pos === n ? null : badLength(spec, value, at);
}

function badLength(spec: AiSpec, value: string, at: number): BarcodeFailure {
  const wanted = spec.minLength === spec.maxLength ? `${spec.maxLength}` : `${spec.minLength} to ${spec.maxLength}`;
  return barcodeFailure('barcode.bad-length', `(${spec.ai}) takes ${wanted} characters, got ${value.length}: "${value}"`, {
    ai: spec.ai,
    position: at,
  });
}

function validateComponent(spec: AiSpec, component: AiComponent, value: string, from: number, to: number, at: number): BarcodeFailure | null {
  const bad = firstOutside(value, from, to, CHARSET_BITS[component.charset]);
  if (bad >= 0) {
    const what = component.charset === 'N' ? 'digits only' : `GS1 character set ${component.charset}`;
    return barcodeFailure('barcode.bad-character', `(${spec.ai}) is ${what}; "${showChar(value, bad)}" at position ${at + bad} is not`, {
      ai: spec.ai,
      position: at + bad,
    });
  }
  for (const check of component.checks) {
    const problem = runCheck(check, value, from, to);
    if (problem) {
      const [code, message] = problem;
      return barcodeFailure(code, `(${spec.ai}) "${value}": ${message}`, { ai: spec.ai, position: at + from });
    }
  }
  return null;
}

type Problem = readonly ['barcode.bad-check-digit' | 'barcode.bad-date' | 'barcode.bad-time' | 'barcode.bad-value', string];

function runCheck(check: AiCheck, v: string, from: number, to: number): Problem | null {
  switch (check) {
    case 'csum':
      return hasValidCheckDigit(v, from, to) ? null : ['barcode.bad-check-digit', `check digit ${v[to - 1]}, expected ${gs1CheckDigit(v, from, to - 1)}`];
    case 'yymmd0':
      return dateProblem(v, from, true);
    case 'yymmdd':
      return dateProblem(v, from, false);
    case 'yymmddhh':
      return dateProblem(v, from, false) ?? timeProblem(num(v, from + 6, 2), 0);
    case 'hhmm':
      return timeProblem(num(v, from, 2), num(v, from + 2, 2));
    case 'mmoptss':
      if (to - from !== 2 && to - from !== 4) return ['barcode.bad-time', 'minutes and optional seconds take 2 or 4 digits'];
      return num(v, from, 2) > 59 || (to - from === 4 && num(v, from + 2, 2) > 59) ? ['barcode.bad-time', 'minutes or seconds over 59'] : null;
    case 'yesno':
      return v[from] === '0' || v[from] === '1' ? null : ['barcode.bad-value', 'must be 0 (no) or 1 (yes)'];
    case 'zero':
      return num(v, from, to - from) === 0 ? null : ['barcode.bad-value', 'must be zero'];
    case 'nonzero':
      return num(v, from, to - from) !== 0 ? null : ['barcode.bad-value', 'must not be zero'];
    case 'winding':
      return '019'.includes(v[from]!) ? null : ['barcode.bad-value', 'winding direction must be 0, 1 or 9'];
    case 'hyphen':
      return v[from] === '-' ? null : ['barcode.bad-value', 'only "-" may follow the temperature'];
    case 'pieceoftotal': {
      const piece = num(v, from, 2);
      const total = num(v, from + 2, 2);
      return piece >= 1 && piece <= total ? null : ['barcode.bad-value', `piece ${piece} of ${total}`];
    }
    case 'pcenc':
      return percentProblem(v, from, to);
    case 'latitude':
      return num(v, from, 10) <= 1_800_000_000 ? null : ['barcode.bad-value', 'latitude out of range'];
    case 'longitude':
      return num(v, from, 10) <= 3_600_000_000 ? null : ['barcode.bad-value', 'longitude out of range'];
    case 'nozeroprefix':
      return to - from > 1 && v[from] === '0' ? ['barcode.bad-value', 'must not start with 0'] : null;
    default: {
      const never: never = check;
      return never;
    }
  }
}

/** Digits `v[from, from+length)` as a number; the charset check has already run. */
function num(v: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) value = value * 10 + (v.charCodeAt(i) - 48);
  return value;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * YYMMDD. DD = 00 means "day not given" where the AI allows it (device-protocols.md §4.2,
 * lint_yymmd0); readers take it as the month's last day. Feb 29 is allowed when YY is divisible by
 * 4: with GS1's century window (−49…+50 years) YY = 00 is 2000, a leap year, until 2051.
 */
function dateProblem(v: string, from: number, dayZeroAllowed: boolean): Problem | null {
  const yy = num(v, from, 2);
  const mm = num(v, from + 2, 2);
  const dd = num(v, from + 4, 2);
  if (mm < 1 || mm > 12) return ['barcode.bad-date', `month ${v.slice(from + 2, from + 4)} does not exist`];
  if (dd === 0) return dayZeroAllowed ? null : ['barcode.bad-date', 'day 00 is not allowed here'];
  const days = mm === 2 && yy % 4 !== 0 ? 28 : DAYS_IN_MONTH[mm - 1]!;
  return dd > days ? ['barcode.bad-date', `day ${dd} does not exist in month ${mm}`] : null;
}

function timeProblem(hh: number, mm: number): Problem | null {
  return hh > 23 || mm > 59 ? ['barcode.bad-time', `time ${hh}:${mm} does not exist`] : null;
}

function percentProblem(v: string, from: number, to: number): Problem | null {
  for (let i = v.indexOf('%', from); i >= 0 && i < to; i = v.indexOf('%', i + 1)) {
    if (i + 2 >= to || !isHex(v.charCodeAt(i + 1)) || !isHex(v.charCodeAt(i + 2))) return ['barcode.bad-value', 'a "%" must start a %XX escape'];
  }
  return null;
}

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}
