import { describe, expect, it } from 'vitest';
import { dataStart, readAim } from './aim';

describe('AIM symbology identifiers', () => {
  it.each([
    [']C1', 'gs1-128', 'element-string'],
    [']C0', 'code-128', 'plain'],
    [']C2', 'code-128', 'plain'],
    [']E0', 'ean-13', 'ean-upc'],
    [']E3', 'ean-13-addon', 'ean-upc'],
    [']E4', 'ean-8', 'ean-upc'],
    [']E1', 'ean-addon', 'plain'],
    [']d1', 'datamatrix', 'plain'],
    [']d2', 'gs1-datamatrix', 'element-string'],
    [']Q1', 'qr', 'plain'],
    [']Q3', 'gs1-qr', 'element-string'],
    [']e0', 'gs1-databar', 'element-string'],
    [']J1', 'gs1-dotcode', 'element-string'],
    [']J0', 'dotcode', 'plain'],
    [']A0', 'code-39', 'plain'],
    [']G0', 'code-93', 'plain'],
    [']F0', 'codabar', 'plain'],
    [']I1', 'itf', 'plain'],
    [']L2', 'pdf417', 'plain'],
    [']U1', 'maxicode', 'plain'],
    [']z0', 'aztec', 'plain'],
    [']Y7', 'other', 'plain'],
  ])('names %s as %s carrying %s data', (aim, name, content) => {
    const symbology = readAim(`${aim}1234`);
    expect(symbology).toEqual({ name, aim, content });
    expect(dataStart(symbology)).toBe(3);
  });

  it('treats data without an identifier as unknown symbology starting at 0', () => {
    const symbology = readAim('9506000134352');
    expect(symbology).toMatchObject({ name: 'unknown', aim: null });
    expect(dataStart(symbology)).toBe(0);
  });

  it('reads a "]" that is not followed by a code letter and a modifier as data', () => {
    expect(readAim(']]C1').aim).toBeNull();
    expect(readAim(']1C').aim).toBeNull();
    expect(readAim(']C').aim).toBeNull();
    expect(readAim(']C\x1d').aim).toBeNull();
  });

  it('returns the same frozen object for every scan with the same identifier (no allocation)', () => {
    expect(readAim(']C1010')).toBe(readAim(']C1999'));
    expect(Object.isFrozen(readAim(']C1010'))).toBe(true);
  });
});
