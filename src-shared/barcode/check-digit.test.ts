import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, hasValidCheckDigit, isDigits, withCheckDigit } from './check-digit';

// device-protocols.md §4.1, each verified there [V].
const REFERENCE_CHECK_DIGITS: readonly (readonly [what: string, body: string, check: number])[] = [
  ['GTIN-13', '950600013435', 2],
  ['GTIN-14', '0950600013435', 2],
  ['EAN-13', '400638133393', 1],
  ['UPC-A', '03600029145', 2],
  ['EAN-8', '9638507', 4],
  ['SSCC-18', '10614141123456789', 7],
  ['GTIN-14 of the GS1 Syntax Engine tests', '1231231231233', 3],
];

describe('the GS1 mod-10 check digit', () => {
  it.each(REFERENCE_CHECK_DIGITS)('computes the %s check digit of %s as %i', (_what, body, check) => {
    expect(gs1CheckDigit(body)).toBe(check);
    expect(withCheckDigit(body)).toBe(body + String(check));
    expect(hasValidCheckDigit(body + String(check))).toBe(true);
  });

  it('gives the same check digit whatever the leading zeros (GTIN-8/12/13 padded to 14)', () => {
    expect(gs1CheckDigit('000000963850' + '7')).toBe(4);
    expect(gs1CheckDigit('00' + '03600029145')).toBe(2);
  });

  it('checks a 13-digit GLN the same way', () => {
    expect(hasValidCheckDigit('4000001000005')).toBe(true);
    expect(hasValidCheckDigit('4000001000006')).toBe(false);
  });

  it('works on a slice of a longer string without copying it', () => {
    expect(hasValidCheckDigit('xx9506000134352yy', 2, 15)).toBe(true);
    expect(gs1CheckDigit('(01)0950600013435', 4)).toBe(2);
  });

  it('refuses anything that is not at least two digits', () => {
    expect(hasValidCheckDigit('')).toBe(false);
    expect(hasValidCheckDigit('0')).toBe(false);
    expect(hasValidCheckDigit('950600013435X')).toBe(false);
    expect(isDigits('')).toBe(false);
    expect(isDigits('0123')).toBe(true);
    expect(isDigits('01 23')).toBe(false);
  });
});
