import { describe, expect, it } from 'vitest';
import { parseLabelRequest } from './label-request';
import { exampleInput } from './testing/fixtures';

function problems(overrides: Record<string, unknown>): readonly string[] {
  const result = parseLabelRequest({ ...exampleInput(), ...overrides });
  return result.ok ? [] : result.problems;
}

describe('a label request', () => {
  it('reads the example in resources/ as a 4×6 Correios label in Portuguese', () => {
    const result = parseLabelRequest(exampleInput());
    expect(result).toMatchObject({ ok: true, value: { size: '4x6', dpi: 203, language: 'pt-BR', carrier: 'Correios', sscc: '078912340000000019', weightMg: 1_250_000 } });
  });

  it('defaults to a 4×6 at 203 dpi, English captions and kilograms', () => {
    const { size: _size, dpi: _dpi, language: _language, weightUnit: _unit, ...bare } = exampleInput();
    expect(parseLabelRequest(bare)).toMatchObject({ ok: true, value: { size: '4x6', dpi: 203, language: 'en', weightUnit: 'kg' } });
  });

  it('takes a tracking number as people write it, with spaces', () => {
    expect(parseLabelRequest({ ...exampleInput(), trackingNumber: ' SS 123 456 785 BR ' })).toMatchObject({ ok: true, value: { trackingNumber: 'SS123456785BR' } });
  });

  it('refuses an SSCC whose check digit is wrong, saying which digit was expected', () => {
    expect(problems({ sscc: '078912340000000018' })).toEqual(['sscc: SSCC 078912340000000018: check digit 8, expected 9']);
    expect(problems({ sscc: '7891234' })).toEqual([expect.stringMatching(/^sscc: .*18/)]);
  });

  it('refuses tracking data a barcode must not carry', () => {
    expect(problems({ trackingNumber: 'SS12^XZ' })).toEqual(['trackingNumber: 4 to 40 letters, digits or hyphens']);
  });

  it('names every problem with its path: unknown keys, package counts, weights, countries, sizes', () => {
    const input = exampleInput();
    const result = parseLabelRequest({ ...input, trackingNo: 'x', packageIndex: 3, weightMg: 1.5, size: 'A4', dpi: 600, shipTo: { ...input.shipTo, country: 'Brasil' } });
    expect(result.ok).toBe(false);
    const text = result.ok ? '' : result.problems.join('\n');
    for (const path of ['(request)', 'weightMg', 'size', 'dpi', 'shipTo.country']) expect(text).toContain(`${path}:`);
    expect(text).toContain('trackingNo');
  });

  it('refuses package 3 of 2', () => {
    expect(problems({ packageIndex: 3, packageCount: 2 })).toEqual(['packageIndex: packageIndex cannot be greater than packageCount']);
  });
});
