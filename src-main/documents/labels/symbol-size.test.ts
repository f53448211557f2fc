import bwipjs from 'bwip-js/node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../../src-shared/barcode';
import { fitFont0, font0Width } from './font0-metrics';
import { assertCode128Data, code128Modules, dataMatrixCodewords, dataMatrixSide, qrSide } from './symbol-size';

/** bwip-js (BWIPP) as the independent encoder: its PNG at scale 1 is one pixel per module. */
async function bwipWidth(bcid: string, text: string): Promise<number> {
  const png = await bwipjs.toBuffer({ bcid, text, scale: 1, height: 2, paddingwidth: 0, paddingheight: 0, includetext: false });
  return png.readUInt32BE(16);
}

describe('planned barcode sizes', () => {
  it('match a real encoder for the label strings', async () => {
    expect(code128Modules('SS123456785BR')).toBe(await bwipWidth('code128', 'SS123456785BR'));
    expect(code128Modules('00078912340000000019', true)).toBe(await bwipWidth('gs1-128', '(00)078912340000000019'));
    expect(code128Modules('1Z999AA10123456784')).toBeGreaterThanOrEqual(await bwipWidth('code128', '1Z999AA10123456784'));
  });

  it('are never narrower than what a Code 128 encoder makes, so a planned barcode always fits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[0-9A-Za-z][0-9A-Za-z \-./]{0,30}$/), async (data) => {
        expect(code128Modules(data)).toBeGreaterThanOrEqual(await bwipWidth('code128', data));
      }),
      { numRuns: 150 },
    );
  });

  it('give a GS1 Data Matrix at least the side bwip-js chooses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^\d{17}$/).map(withCheckDigit), fc.stringMatching(/^[0-9A-Z-]{1,20}$/), async (sscc, postal) => {
        const side = dataMatrixSide(dataMatrixCodewords(`00${sscc}420${postal}`, true));
        expect(side).toBeGreaterThanOrEqual((await bwipWidth('gs1datamatrix', `(00)${sscc}(420)${postal}`)) / 2);
      }),
      { numRuns: 60 },
    );
  });

  it('size a QR code by its UTF-8 bytes at level Q', () => {
    expect(qrSide('BR-10045')).toBe(21);
    expect(qrSide('x'.repeat(12))).toBe(25);
    expect(qrSide('ñ'.repeat(6))).toBe(25);
    expect(() => qrSide('x'.repeat(152))).toThrow(expect.objectContaining({ code: 'label.bad-barcode-data' }));
  });

  it('keep printer escapes out of Code 128 data', () => {
    for (const bad of ['A>B', 'A^B', 'A~B', 'A_B', 'Ñ', '']) expect(() => assertCode128Data(bad), bad).toThrow(expect.objectContaining({ code: 'label.bad-barcode-data' }));
    expect(() => assertCode128Data('SS 123-456/7.8')).not.toThrow();
  });
});

describe('text fitted to the printer font', () => {
  it('keeps full width when it fits, narrows first, then cuts with "..."', () => {
    expect(fitFont0('Recife - PE', 38, 764)).toEqual({ text: 'Recife - PE', height: 38, width: 38 });
    const narrowed = fitFont0('Rua Professor Antônio Câmara, 1250 - Apto 302, Bloco B', 38, 764);
    expect(narrowed.text).toBe('Rua Professor Antônio Câmara, 1250 - Apto 302, Bloco B');
    expect(narrowed.width).toBeLessThan(38);
    const cut = fitFont0('W'.repeat(80), 38, 764);
    expect(cut.text.endsWith('...')).toBe(true);
    expect(cut.width).toBe(23);
  });

  it('never plans text wider than its box', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.integer({ min: 16, max: 120 }), fc.integer({ min: 200, max: 1200 }), (text, h, maxWidth) => {
        const fitted = fitFont0(text, h, maxWidth);
        expect(font0Width(fitted.text, fitted.width)).toBeLessThanOrEqual(maxWidth);
      }),
      { numRuns: 1000 },
    );
  });
});
