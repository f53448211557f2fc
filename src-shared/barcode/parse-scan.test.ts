import { describe, expect, it } from 'vitest';
import { createScanParser, parseScan, type ScanResult } from './parse-scan';
import type { ScanConfig } from './scan-config';
import { ScanConfigSchema } from './scan-config';

const GS = '\x1d';
const summary = (result: ScanResult) =>
  result.ok
    ? { symbology: result.symbology, kind: result.kind, gtin: result.gtin, sscc: result.sscc, elements: result.elements?.map((e) => `(${e.ai})${e.value}`).join('') }
    : { code: result.error.code };

describe('the official and verified test strings of device-protocols.md §4.3', () => {
  const SYNTAX_ENGINE = '(01)12312312312333(10)ABC123(99)TESTING';
  it.each([
    [`]C1011231231231233310ABC123${GS}99TESTING`, 'gs1-128'],
    [`]d2011231231231233310ABC123${GS}99TESTING`, 'gs1-datamatrix'],
    [`]Q3011231231231233310ABC123${GS}99TESTING`, 'gs1-qr'],
    [`]e0011231231231233310ABC123${GS}99TESTING`, 'gs1-databar'],
  ])('reads %j as %s with (01)(10)(99)', (scan, symbology) => {
    expect(summary(parseScan(scan))).toEqual({ symbology, kind: 'gs1', gtin: '12312312312333', sscc: undefined, elements: SYNTAX_ENGINE });
  });

  it('reads ]E00416000336108 as the UPC-A 416000336108 normalised to 13 digits', () => {
    expect(summary(parseScan(']E00416000336108'))).toMatchObject({ symbology: 'upc-a', kind: 'gtin', gtin: '00416000336108' });
  });

  it('reads ]E402345673 as the EAN-8 02345673', () => {
    expect(summary(parseScan(']E402345673'))).toMatchObject({ symbology: 'ean-8', kind: 'gtin', gtin: '00000002345673' });
  });

  it('reads ]Q1https://example.com/01/12312312312333?99=TEST as a GS1 Digital Link in a plain QR', () => {
    expect(summary(parseScan(']Q1https://example.com/01/12312312312333?99=TEST'))).toMatchObject({
      symbology: 'qr',
      kind: 'digital-link',
      gtin: '12312312312333',
      elements: '(01)12312312312333(99)TEST',
    });
  });

  it('reads our label\'s SSCC ]C100106141411234567897', () => {
    expect(summary(parseScan(']C100106141411234567897'))).toMatchObject({ kind: 'gs1', sscc: '106141411234567897', elements: '(00)106141411234567897' });
  });

  it('reads ]C10109506000134352310300125017251231 with the weight as printed', () => {
    const result = parseScan(']C10109506000134352310300125017251231');
    expect(summary(result)).toMatchObject({ kind: 'gs1', gtin: '09506000134352', elements: '(01)09506000134352(3103)001250(17)251231' });
    expect(result.ok && result.elements?.[1]).toEqual({ ai: '3103', value: '001250', decimals: 3 });
  });

  it('reads ]C110ABC123<GS>21S12345', () => {
    expect(summary(parseScan(`]C110ABC123${GS}21S12345`))).toMatchObject({ kind: 'gs1', gtin: undefined, elements: '(10)ABC123(21)S12345' });
  });

  it('reads ]d2 with a redundant GS after (01)', () => {
    expect(summary(parseScan(`]d20109506000134352${GS}10ABC123${GS}310300125017251231`))).toMatchObject({
      symbology: 'gs1-datamatrix',
      elements: '(01)09506000134352(10)ABC123(3103)001250(17)251231',
    });
  });
});

describe('EAN and UPC scans', () => {
  it('names a 13-digit ]E0 not starting with 0 an EAN-13', () => {
    expect(summary(parseScan(']E09506000134352'))).toMatchObject({ symbology: 'ean-13', gtin: '09506000134352' });
  });

  it('expands an 8-digit UPC-E sent under ]E0', () => {
    expect(summary(parseScan(']E004252614'))).toMatchObject({ symbology: 'upc-e', kind: 'gtin', gtin: '00042100005264' });
  });

  it('accepts a 12-digit UPC-A under ]E0 from scanners that do not pad it', () => {
    expect(summary(parseScan(']E0036000291452'))).toMatchObject({ symbology: 'upc-a', gtin: '00036000291452' });
  });

  it('separates the add-on of ]E3', () => {
    const result = parseScan(']E3950600013435212');
    expect(result).toMatchObject({ ok: true, gtin: '09506000134352', addOn: '12', symbology: 'ean-13-addon' });
  });

  it.each([
    [']E09506000134353', 'barcode.bad-check-digit'],
    [']E402345674', 'barcode.bad-check-digit'],
    [']E095060001343', 'barcode.bad-length'],
    [']E4123', 'barcode.bad-length'],
    [']E0950600013435X', 'barcode.bad-character'],
    [']E004252615', 'barcode.bad-check-digit'],
  ])('rejects %j with %s', (scan, code) => {
    expect(summary(parseScan(scan))).toEqual({ code });
  });
});

describe('scans without an AIM identifier (keyboard wedge)', () => {
  it('reads bare GTIN-8/12/13/14 digits as a GTIN and 18 digits as an SSCC', () => {
    expect(summary(parseScan('96385074'))).toMatchObject({ kind: 'gtin', gtin: '00000096385074', symbology: 'unknown' });
    expect(summary(parseScan('036000291452'))).toMatchObject({ kind: 'gtin', gtin: '00036000291452' });
    expect(summary(parseScan('9506000134352'))).toMatchObject({ kind: 'gtin', gtin: '09506000134352' });
    expect(summary(parseScan('12312312312333'))).toMatchObject({ kind: 'gtin', gtin: '12312312312333' });
    expect(summary(parseScan('106141411234567897'))).toMatchObject({ kind: 'sscc', sscc: '106141411234567897' });
  });

  it('rejects bare GTIN or SSCC digits with a wrong check digit (a typing slip)', () => {
    expect(summary(parseScan('9506000134353'))).toEqual({ code: 'barcode.bad-check-digit' });
    expect(summary(parseScan('106141411234567898'))).toEqual({ code: 'barcode.bad-check-digit' });
  });

  it('reads GS1 data sent without AIM prefix when it holds GS or starts with (00)/(01)/(02)', () => {
    expect(summary(parseScan('0109506000134352310300125017251231'))).toMatchObject({ kind: 'gs1', gtin: '09506000134352' });
    expect(summary(parseScan(`10ABC${GS}21S1`))).toMatchObject({ kind: 'gs1', elements: '(10)ABC(21)S1' });
    expect(summary(parseScan(`${GS}0109506000134352`))).toMatchObject({ kind: 'gs1', gtin: '09506000134352' });
  });

  it('leaves other digits as text: an order number 1001 is not lot "01"', () => {
    expect(summary(parseScan('1001'))).toMatchObject({ kind: 'text' });
    expect(summary(parseScan('0312345678'))).toMatchObject({ kind: 'text' });
  });

  it('reads the human-readable (AI) form people type', () => {
    expect(summary(parseScan('(01)09506000134352(17)251231'))).toMatchObject({ kind: 'gs1', gtin: '09506000134352' });
    expect(summary(parseScan('(555) 123-4567'))).toMatchObject({ kind: 'text' });
  });
});

describe('plain symbologies', () => {
  it('keeps digits in a plain Code 128 as text: a 12-digit tracking number is not a UPC-A', () => {
    expect(summary(parseScan(']C0123456789012'))).toMatchObject({ symbology: 'code-128', kind: 'text' });
  });

  it('reads a 14-digit ITF as an ITF-14 GTIN', () => {
    expect(summary(parseScan(']I112312312312333'))).toMatchObject({ symbology: 'itf', kind: 'gtin', gtin: '12312312312333' });
    expect(summary(parseScan(']I112312312312334'))).toEqual({ code: 'barcode.bad-check-digit' });
  });

  it('keeps a carrier\'s ISO 15434 message as text', () => {
    const maxicode = `]U1[)>\x1e01${GS}96123456789${GS}840${GS}001\x1e\x04`;
    expect(summary(parseScan(maxicode))).toMatchObject({ symbology: 'maxicode', kind: 'text' });
  });

  it('keeps the data after the identifier unchanged, GS included', () => {
    expect(parseScan(`]C110A${GS}21B`)).toMatchObject({ aim: ']C1', data: `10A${GS}21B` });
  });
});

describe('the station\'s own barcodes', () => {
  const config: ScanConfig = {
    patterns: {
      command: '^CMD:(?<value>[A-Z-]+)$',
      badge: '^OP-\\d{4}$',
      order: ['^#(\\d+)$', '^ORD-(\\d+)$'],
      tote: '^T\\d{4}$',
      box: '^BOX-[SML]$',
    },
  };

  it.each([
    ['CMD:CLOSE-BOX', 'command', 'CLOSE-BOX'],
    ['OP-0042', 'badge', 'OP-0042'],
    ['#1001', 'order', '1001'],
    ['ORD-77', 'order', '77'],
    ['T0007', 'tote', 'T0007'],
    ['BOX-M', 'box', 'BOX-M'],
  ])('classifies %s as %s with value %s', (scan, kind, value) => {
    expect(parseScan(`]C0${scan}`, config)).toMatchObject({ ok: true, kind, value, symbology: 'code-128' });
    expect(parseScan(scan, config)).toMatchObject({ ok: true, kind, value });
  });

  it('lets a pattern claim digits that would otherwise be read as a GTIN', () => {
    expect(parseScan('1234567890128', { patterns: { order: '^\\d{13}$' } })).toMatchObject({ kind: 'order', value: '1234567890128' });
  });

  it('falls back to GTIN, GS1 and text when no pattern matches', () => {
    expect(parseScan('9506000134352', config)).toMatchObject({ kind: 'gtin' });
    expect(parseScan(']C100106141411234567897', config)).toMatchObject({ kind: 'gs1' });
    expect(parseScan('hello', config)).toMatchObject({ kind: 'text' });
  });

  it('reports a pattern that is not a regular expression, once at set-up and on each scan', () => {
    const bad: ScanConfig = { patterns: { order: '^(ORD' } };
    expect(createScanParser(bad)).toMatchObject({ ok: false, error: { code: 'barcode.bad-pattern' } });
    expect(parseScan('ORD', bad)).toMatchObject({ ok: false, error: { code: 'barcode.bad-pattern' } });
    expect(ScanConfigSchema.safeParse(bad).success).toBe(false);
    expect(ScanConfigSchema.safeParse(config).success).toBe(true);
  });

  it('compiles the patterns once per configuration', () => {
    const parse = createScanParser(config);
    if (typeof parse !== 'function') throw new Error('config refused');
    const original = globalThis.RegExp;
    let compiled = 0;
    globalThis.RegExp = new Proxy(original, {
      construct(target, args: [string, string]) {
        compiled++;
        return new target(...args);
      },
    });
    try {
      for (let i = 0; i < 100; i++) parse(i % 2 ? '#1001' : '9506000134352');
    } finally {
      globalThis.RegExp = original;
    }
    expect(compiled).toBe(0);
  });
});

describe('rejected scans', () => {
  it.each([
    ['', 'barcode.empty'],
    ['   ', 'barcode.empty'],
    [']C1', 'barcode.empty'],
    [`]C1${GS}`, 'barcode.empty'],
    [']C10109506000134353', 'barcode.bad-check-digit'],
    [']C10509506000134352', 'barcode.unknown-ai'],
    [']C1010950600013435', 'barcode.bad-length'],
    [']C1010950600013435217251313', 'barcode.bad-date'],
    [']C110LOT 1', 'barcode.bad-character'],
    [`]C110A${GS}10B`, 'barcode.duplicate-ai'],
    [']Q1https://id.gs1.org/01/09506000134352/21/S/10/L', 'barcode.bad-digital-link'],
  ])('rejects %j with %s', (scan, code) => {
    expect(summary(parseScan(scan))).toEqual({ code });
  });

  it('gives every rejection a message for the support log', () => {
    const result = parseScan(']C10109506000134353');
    expect(result.ok === false && result.error.message).toMatch(/check digit 3, expected 2/);
  });
});
