import { describe, expect, it } from 'vitest';
import { compressUpcA, expandUpcE, normalizeGtin, validateSscc } from './gtin';

describe('normalising a GTIN to the 14 digits of AI (01)', () => {
  it.each([
    ['GTIN-8', '96385074', '00000096385074'],
    ['GTIN-12 (UPC-A)', '036000291452', '00036000291452'],
    ['GTIN-13', '9506000134352', '09506000134352'],
    ['GTIN-13', '4006381333931', '04006381333931'],
    ['GTIN-14', '12312312312333', '12312312312333'],
  ])('pads a %s %s to %s', (_what, digits, gtin) => {
    expect(normalizeGtin(digits)).toEqual({ ok: true, gtin });
  });

  it('rejects a wrong check digit and says which one was expected', () => {
    const result = normalizeGtin('9506000134353');
    expect(result).toMatchObject({ ok: false, error: { code: 'barcode.bad-check-digit', detail: { expected: 2 } } });
  });

  it('rejects lengths a GTIN never has', () => {
    for (const digits of ['1234567', '950600013435', '95060001343521', '950600013435212']) {
      if (digits.length === 12 || digits.length === 14) continue;
      expect(normalizeGtin(digits)).toMatchObject({ ok: false, error: { code: 'barcode.bad-length' } });
    }
    expect(normalizeGtin('12345678901')).toMatchObject({ ok: false, error: { code: 'barcode.bad-length' } });
  });

  it('rejects letters and empty input with their own codes', () => {
    expect(normalizeGtin('95060001343A2')).toMatchObject({ ok: false, error: { code: 'barcode.bad-character' } });
    expect(normalizeGtin('')).toMatchObject({ ok: false, error: { code: 'barcode.empty' } });
  });
});

describe('validating an SSCC-18', () => {
  it('accepts the reference SSCC and rejects it with a digit changed', () => {
    expect(validateSscc('106141411234567897')).toEqual({ ok: true, sscc: '106141411234567897' });
    expect(validateSscc('106141411234567898')).toMatchObject({ ok: false, error: { code: 'barcode.bad-check-digit' } });
    expect(validateSscc('10614141123456789')).toMatchObject({ ok: false, error: { code: 'barcode.bad-length' } });
  });
});

describe('expanding a UPC-E to its UPC-A', () => {
  // One case per last digit of the six (the rule that places the zeros), number systems 0 and 1.
  // The check digit is the UPC-A's, computed independently for each row.
  it.each([
    ['last digit 0: manufacturer ab0, product cde', '01234505', '012000003455'],
    ['last digit 1: manufacturer ab1', '01234514', '012100003454'],
    ['last digit 2: manufacturer ab2', '01234523', '012200003453'],
    ['last digit 3: manufacturer abc, product de', '01234531', '012300000451'],
    ['last digit 4: manufacturer abcd, product e', '01234543', '012340000053'],
    ['last digit 5: product 5', '01234558', '012345000058'],
    ['last digit 6', '01234565', '012345000065'],
    ['last digit 7', '01234572', '012345000072'],
    ['last digit 8', '01234589', '012345000089'],
    ['last digit 9', '01234596', '012345000096'],
    ['the classic example 04252614', '04252614', '042100005264'],
    ['number system 1', '14252611', '142100005261'],
  ])('%s: %s → %s', (_rule, upcE, upcA) => {
    expect(expandUpcE(upcE)).toEqual({ ok: true, upcA });
  });

  it('accepts the six digits alone (number system 0) or seven digits without the check digit', () => {
    expect(expandUpcE('425261')).toEqual({ ok: true, upcA: '042100005264' });
    expect(expandUpcE('0425261')).toEqual({ ok: true, upcA: '042100005264' });
    expect(expandUpcE('1425261')).toEqual({ ok: true, upcA: '142100005261' });
  });

  it('rejects a wrong check digit, a number system other than 0 or 1, and wrong lengths', () => {
    expect(expandUpcE('04252615')).toMatchObject({ ok: false, error: { code: 'barcode.bad-check-digit' } });
    expect(expandUpcE('24252614')).toMatchObject({ ok: false, error: { code: 'barcode.bad-value' } });
    expect(expandUpcE('42526')).toMatchObject({ ok: false, error: { code: 'barcode.bad-length' } });
    expect(expandUpcE('042526145')).toMatchObject({ ok: false, error: { code: 'barcode.bad-length' } });
    expect(expandUpcE('0425261X')).toMatchObject({ ok: false, error: { code: 'barcode.bad-character' } });
    expect(expandUpcE('')).toMatchObject({ ok: false, error: { code: 'barcode.empty' } });
  });

  it('compresses a zero-suppressible UPC-A back to the same UPC-E', () => {
    for (const upcE of ['01234505', '01234514', '01234523', '01234531', '01234543', '01234558', '01234596', '04252614', '14252611']) {
      const expanded = expandUpcE(upcE);
      expect(expanded.ok && compressUpcA(expanded.upcA)).toBe(upcE);
    }
  });

  it('says a UPC-A that has no UPC-E form has none', () => {
    expect(compressUpcA('036000291452')).toBeNull();
    expect(compressUpcA('212345000058')).toBeNull(); // number system 2
    expect(compressUpcA('012345000059')).toBeNull(); // bad check digit
  });
});
