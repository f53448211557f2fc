import { describe, expect, it } from 'vitest';
import { formatElementString, GS, parseElementString } from './element-string';

const elementsOf = (data: string) => {
  const result = parseElementString(data);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.elements.map(({ ai, value }) => [ai, value]);
};
const codeOf = (data: string) => {
  const result = parseElementString(data);
  return result.ok ? 'ok' : result.error.code;
};

describe('reading a GS1 element string', () => {
  it('splits predefined-length AIs without any separator', () => {
    expect(elementsOf('0109506000134352310300125017251231')).toEqual([
      ['01', '09506000134352'],
      ['3103', '001250'],
      ['17', '251231'],
    ]);
  });

  it('ends a variable-length AI at GS, or at the end of the data', () => {
    expect(elementsOf(`10ABC123${GS}21S12345`)).toEqual([
      ['10', 'ABC123'],
      ['21', 'S12345'],
    ]);
  });

  it('skips a redundant GS after a predefined-length AI, and a GS at the start or the end', () => {
    expect(elementsOf(`0109506000134352${GS}10ABC123${GS}310300125017251231${GS}`)).toEqual([
      ['01', '09506000134352'],
      ['10', 'ABC123'],
      ['3103', '001250'],
      ['17', '251231'],
    ]);
    expect(elementsOf(`${GS}00106141411234567897`)).toEqual([['00', '106141411234567897']]);
  });

  it('keeps a weight as printed and reports where the implied decimal point goes', () => {
    const result = parseElementString('0109506000134352310300125017251231');
    expect(result.ok && result.elements[1]).toEqual({ ai: '3103', value: '001250', decimals: 3 });
    expect(result.ok && result.elements[0]).toEqual({ ai: '01', value: '09506000134352' });
  });

  it('reads the logistics AIs of a pallet label', () => {
    const data = `00106141411234567897${GS}400PO-4711${GS}4109506000134352${GS}420${'28001'}${GS}4217242801${GS}37${'48'}${GS}0209506000134352`;
    expect(elementsOf(data)).toEqual([
      ['00', '106141411234567897'],
      ['400', 'PO-4711'],
      ['410', '9506000134352'],
      ['420', '28001'],
      ['421', '7242801'],
      ['37', '48'],
      ['02', '09506000134352'],
    ]);
  });

  it('accepts day 00 in expiry and best-before dates ("end of month") and Feb 29 of a leap year', () => {
    expect(codeOf('17251200')).toBe('ok');
    expect(codeOf('15280229')).toBe('ok');
    expect(codeOf('11240229')).toBe('ok');
  });

  it('reads GS1 internal and company AIs (90–99), as the Syntax Engine test strings use them', () => {
    expect(elementsOf(`011231231231233310ABC123${GS}99TESTING`)).toEqual([
      ['01', '12312312312333'],
      ['10', 'ABC123'],
      ['99', 'TESTING'],
    ]);
  });
});

describe('rejecting a bad element string', () => {
  it.each([
    ['a GTIN with a wrong check digit', '0109506000134353', 'barcode.bad-check-digit'],
    ['an SSCC with a wrong check digit', '00106141411234567898', 'barcode.bad-check-digit'],
    ['a ship-to GLN with a wrong check digit', '4109506000134353', 'barcode.bad-check-digit'],
    ['a GTIN of contained items with a wrong check digit', '0209506000134353', 'barcode.bad-check-digit'],
    ['a GTIN cut short', '01095060001343', 'barcode.bad-length'],
    ['a GTIN cut short by a GS', `0109506000${GS}10ABC`, 'barcode.bad-length'],
    ['a lot longer than 20 characters (a missing GS)', '10ABCDEFGHIJKLMNOPQRSTU', 'barcode.bad-length'],
    ['an empty lot', `10${GS}21ABC`, 'barcode.bad-length'],
    ['an AI that does not exist', '0509506000134352', 'barcode.unknown-ai'],
    ['letters where an AI should be', 'ABC', 'barcode.unknown-ai'],
    ['month 13', '17251331', 'barcode.bad-date'],
    ['month 00', '17250015', 'barcode.bad-date'],
    ['31 April', '17250431', 'barcode.bad-date'],
    ['29 February of a common year', '17250229', 'barcode.bad-date'],
    ['a time of 24:00', `7003250101${'2400'}`, 'barcode.bad-time'],
    ['day 00 in a first-freeze date', '7006250100', 'barcode.bad-date'],
    ['a letter in a numeric AI', '37A', 'barcode.bad-character'],
    ['a space in a lot', '10ABC 123', 'barcode.bad-character'],
    ['a non-ASCII letter in a lot', '10LOTÑ', 'barcode.bad-character'],
    ['a yes/no flag of 2', '43212', 'barcode.bad-value'],
    ['the same AI twice with different data', `10ABC${GS}10XYZ`, 'barcode.duplicate-ai'],
    ['nothing but separators', `${GS}${GS}`, 'barcode.empty'],
  ])('rejects %s', (_what, data, code) => {
    expect(codeOf(data)).toBe(code);
  });

  it('says where the problem is', () => {
    const result = parseElementString('0109506000134352171302');
    expect(result).toMatchObject({ ok: false, error: { code: 'barcode.bad-length', detail: { ai: '17', position: 18 } } });
  });

  it('accepts the same AI twice when the data is the same', () => {
    expect(codeOf(`10ABC${GS}10ABC`)).toBe('ok');
  });
});

describe('writing an element string', () => {
  it('puts a GS only after variable-length elements that something follows', () => {
    expect(
      formatElementString([
        { ai: '01', value: '09506000134352' },
        { ai: '10', value: 'ABC123' },
        { ai: '3103', value: '001250' },
        { ai: '21', value: 'S1' },
      ]),
    ).toBe(`0109506000134352` + `10ABC123${GS}` + `3103001250` + `21S1`);
  });
});
