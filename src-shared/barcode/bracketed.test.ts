import { describe, expect, it } from 'vitest';
import { formatBracketed, parseBracketed } from './bracketed';

describe('the bracketed human-readable form', () => {
  it('reads (01)(3103)(17)(10) as printed under a label barcode', () => {
    expect(parseBracketed('(01)09506000134352(3103)001250(17)251231(10)ABC123')).toEqual({
      ok: true,
      elements: [
        { ai: '01', value: '09506000134352' },
        { ai: '3103', value: '001250', decimals: 3 },
        { ai: '17', value: '251231' },
        { ai: '10', value: 'ABC123' },
      ],
    });
  });

  it('tolerates the spaces people type between elements', () => {
    const result = parseBracketed('(01) 09506000134352 (10) ABC123 ');
    expect(result.ok && result.elements.map((e) => e.value)).toEqual(['09506000134352', 'ABC123']);
  });

  it('keeps a "(" that belongs to the data when it is escaped, and writes it escaped', () => {
    const result = parseBracketed('(10)AB\\(12)C(21)7');
    expect(result.ok && result.elements).toEqual([
      { ai: '10', value: 'AB(12)C' },
      { ai: '21', value: '7' },
    ]);
    expect(formatBracketed([{ ai: '10', value: 'AB(12)C' }])).toBe('(10)AB\\(12)C');
  });

  it('keeps a "(" that cannot start an AI without escaping', () => {
    const result = parseBracketed('(10)A(B');
    expect(result.ok && result.elements[0]?.value).toBe('A(B');
  });

  it('rejects an unknown AI, a wrong check digit and a fixed-length AI of the wrong length', () => {
    expect(parseBracketed('(05)123')).toMatchObject({ ok: false, error: { code: 'barcode.unknown-ai' } });
    expect(parseBracketed('(01)09506000134353')).toMatchObject({ ok: false, error: { code: 'barcode.bad-check-digit' } });
    expect(parseBracketed('(17)2512311')).toMatchObject({ ok: false, error: { code: 'barcode.bad-length' } });
    expect(parseBracketed('01)1')).toMatchObject({ ok: false, error: { code: 'barcode.unknown-ai' } });
  });
});
