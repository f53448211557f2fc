import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors/codes';
import type { LabelRequest } from './label-request';
import { printableText } from './label-text';
import { exampleRequest, HOSTILE, hostileRequest } from './testing/fixtures';
import { decodeFh, zplCommands, zplFieldTexts } from './testing/zpl-parse';
import { buildZplLabel, zplEscape, zplField } from './zpl';

/** Every command this writer may emit; anything else in the output was smuggled in. */
const ALLOWED = [
  /^\^XA$/,
  /^\^CI28$/,
  /^\^PW\d+$/,
  /^\^LL\d+$/,
  /^\^LH0,0$/,
  /^\^PON$/,
  /^\^FO\d+,\d+$/,
  /^\^A0N,\d+,\d+$/,
  /^\^FH$/,
  /^\^FD[^^~]*$/,
  /^\^FS$/,
  /^\^GB\d+,\d+,\d+$/,
  /^\^BY\d+$/,
  /^\^BCN,\d+,N,N,N,[AN]$/,
  /^\^BXN,\d+,200,0,0,6,#$/,
  /^\^BQN,2,\d+$/,
  /^\^PQ1$/,
  /^\^XZ$/,
];

/** The structure a printer would see: one format, only known commands, every `^FD` behind a `^FH`. */
function expectOneSafeFormat(zpl: string): void {
  expect(zpl).not.toContain('~');
  const commands = zplCommands(zpl);
  const unknown = commands.filter((c) => !ALLOWED.some((re) => re.test(c)));
  expect(unknown).toEqual([]);
  expect(commands.filter((c) => c === '^XA')).toHaveLength(1);
  expect(commands.filter((c) => c === '^XZ')).toHaveLength(1);
  expect(commands[0]).toBe('^XA');
  expect(commands.at(-1)).toBe('^XZ');
  commands.forEach((c, i) => {
    if (c.startsWith('^FD')) expect(commands[i - 1], `field ${c}`).toBe('^FH');
  });
}

describe('ZPL field escaping (device-protocols.md §5.2)', () => {
  it('hex-escapes the indicator and both command prefixes', () => {
    expect(zplField('A^B~C_D')).toBe('^FH^FDA_5EB_7EC_5FD^FS');
  });

  it('prints a line break as a space and keeps accents and emoji as UTF-8', () => {
    expect(zplEscape('Rua\r\nSão João\tÑ 📦')).toBe('Rua São João Ñ 📦');
  });

  it('keeps an already escaped-looking sequence literal: "_5E" prints as "_5E", not "^"', () => {
    expect(decodeFh(zplEscape('Caf_5E'))).toBe('Caf_5E');
  });

  it('decodes back to the printable text for any string at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const escaped = zplEscape(s);
        expect(escaped).not.toMatch(/[\^~]/);
        expect(decodeFh(escaped)).toBe(printableText(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the ZPL shipping label', () => {
  it('is one ^XA…^XZ format in UTF-8 (^CI28) sized in dots for each label', () => {
    const sizes = [
      ['4x6', 203, 812, 1218],
      ['4x6', 300, 1200, 1800],
      ['4x4', 203, 812, 812],
      ['4x4', 300, 1200, 1200],
      ['2x1', 203, 406, 203],
      ['2x1', 300, 600, 300],
    ] as const;
    for (const [size, dpi, width, height] of sizes) {
      const zpl = buildZplLabel(exampleRequest({ size, dpi }));
      expectOneSafeFormat(zpl);
      expect(zpl.startsWith(`^XA\n^CI28\n^PW${width}\n^LL${height}\n`)).toBe(true);
    }
  });

  it('encodes the tracking number in automatic mode and the SSCC as GS1-128 with FNC1 in subset C', () => {
    const zpl = buildZplLabel(exampleRequest());
    expect(zpl).toMatch(/\^BCN,\d+,N,N,N,A\^FH\^FDSS123456785BR\^FS/);
    expect(zpl).toContain('^FH^FD>;>800078912340000000019^FS');
  });

  it('sets the Data Matrix escape character and writes FNC1 with it, no separator after the fixed-length SSCC', () => {
    const zpl = buildZplLabel(exampleRequest({ size: '4x4' }));
    expect(zpl).toMatch(/\^BXN,\d+,200,0,0,6,#\^FH\^FD#100078912340000000019420\d{5}-\d{3}\^FS/);
  });

  it('prints a hostile address literally: one format, no extra command, every field decoding to the text', () => {
    const zpl = buildZplLabel(hostileRequest());
    expectOneSafeFormat(zpl);
    const texts = zplFieldTexts(zpl);
    expect(texts).toContain(printableText(HOSTILE.name));
    expect(texts).toContain(printableText(HOSTILE.company));
    expect(texts).toContain(printableText(HOSTILE.line1));
    expect(texts).toContain(printableText(HOSTILE.line2));
    expect(texts).toContain(`${printableText(HOSTILE.city)} - PE`);
    expect(texts).toContain('QA,AR-77^XZ');
    expect(texts.some((t) => t.includes('~JR_1"'))).toBe(true);
  });

  it('never lets any string in any field produce a command or a second format', () => {
    const hostile = fc.string({ unit: fc.constantFrom('^', '~', '_', '5E', 'XA', 'XZ', 'FS', '>', '"', '\r', '\n', '\t', 'Ñ', 'ç', '📦', '\ud800', ' ', 'a', '1') });
    const anyText = fc.oneof(fc.string({ unit: 'binary', minLength: 1 }), hostile);
    const base = exampleRequest();
    const fields = fc.record({
      name: anyText,
      company: anyText,
      line: anyText,
      city: anyText,
      region: anyText,
      postalCode: anyText,
      country: anyText,
      carrier: anyText,
      service: anyText,
      // Mostly valid tracking numbers, or nearly every label would stop at the barcode before the text.
      trackingNumber: fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[A-Z0-9]{8,20}$/) }, { weight: 1, arbitrary: anyText }),
      orderNumber: anyText,
      reference: anyText,
    });
    let built = 0;
    fc.assert(
      fc.property(fields, fc.constantFrom('4x6', '4x4', '2x1'), (f, size) => {
        const address = { name: f.name, company: f.company, lines: [f.line, f.line], city: f.city, region: f.region, postalCode: f.postalCode, country: f.country };
        // Straight to the builder, past the schema: the writer must be safe on its own.
        const request: LabelRequest = { ...base, size, shipTo: address, shipFrom: address, carrier: f.carrier, service: f.service, trackingNumber: f.trackingNumber, orderNumber: f.orderNumber, reference: f.reference };
        let zpl: string;
        try {
          zpl = buildZplLabel(request);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toMatch(/^label\./);
          return;
        }
        expectOneSafeFormat(zpl);
        built++;
      }),
      { numRuns: 400 },
    );
    expect(built).toBeGreaterThan(200);
  });

  it('refuses tracking data that Code 128 on this label must not carry, with a coded error', () => {
    const request = { ...exampleRequest(), trackingNumber: 'AB>;12' };
    expect(() => buildZplLabel(request)).toThrow(expect.objectContaining({ code: 'label.bad-barcode-data' }));
  });
});
