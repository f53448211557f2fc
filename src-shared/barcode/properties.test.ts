import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN_AIS, type AiComponent, type AiSpec } from './ai-dictionary';
import { formatBracketed, parseBracketed } from './bracketed';
import { withCheckDigit } from './check-digit';
import { formatElementString, parseElementString } from './element-string';
import { expandUpcE, compressUpcA, normalizeGtin } from './gtin';
import { parseScan } from './parse-scan';

const CSET: Record<AiComponent['charset'], string> = {
  N: '0123456789',
  X: '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz',
  Y: '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  Z: '-0123456789=ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz',
};

const digits = (min: number, max = min) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const twoDigits = (from: number, to: number) => fc.integer({ min: from, max: to }).map((n) => String(n).padStart(2, '0'));
const date = (dayZero: boolean) =>
  fc.tuple(twoDigits(0, 99), twoDigits(1, 12), twoDigits(dayZero ? 0 : 1, 28)).map(([y, m, d]) => y + m + d);

/** A valid value for one component of an AI, honouring its checks. */
function componentValue(c: AiComponent): fc.Arbitrary<string> {
  const check = c.checks[0];
  switch (check) {
    case 'csum':
      return digits(c.max - 1).map(withCheckDigit);
    case 'yymmd0':
    case 'yymmdd':
      return date(check === 'yymmd0');
    case 'yymmddhh':
      return fc.tuple(date(false), twoDigits(0, 23)).map(([d, h]) => d + h);
    case 'hhmm':
      return fc.tuple(twoDigits(0, 23), twoDigits(0, 59)).map(([h, m]) => h + m);
    case 'mmoptss':
      return fc.oneof(twoDigits(0, 59), fc.tuple(twoDigits(0, 59), twoDigits(0, 59)).map(([m, s]) => m + s));
    case 'yesno':
      return fc.constantFrom('0', '1');
    case 'zero':
      return fc.constant('0'.repeat(c.max));
    case 'nonzero':
      return digits(c.max - 1).map((d) => '1' + d);
    case 'winding':
      return fc.constantFrom('0', '1', '9');
    case 'hyphen':
      return fc.constant('-');
    case 'pieceoftotal':
      return fc.integer({ min: 1, max: 99 }).chain((total) => twoDigits(1, total).map((piece) => piece + String(total).padStart(2, '0')));
    case 'latitude':
    case 'longitude':
      return digits(9).map((d) => '0' + d);
    case 'nozeroprefix':
      return fc.tuple(fc.constantFrom(...'123456789'), digits(0, c.max - 1)).map(([a, b]) => a + b);
    case 'pcenc':
      return fc.string({ unit: fc.constantFrom(...CSET.X.replace('%', '')), minLength: c.min, maxLength: c.max });
    default:
      return fc.string({ unit: fc.constantFrom(...CSET[c.charset]), minLength: c.min, maxLength: c.max });
  }
}

function elementOf(spec: AiSpec): fc.Arbitrary<{ ai: string; value: string }> {
  const parts = spec.components.map((c) => (c.optional ? fc.option(componentValue(c), { nil: '' }) : componentValue(c)));
  return fc.tuple(...parts).map((values) => ({ ai: spec.ai, value: values.join('') }));
}

/** Any UTF-16 code unit, lone surrogates included: what a broken keyboard-wedge decoder could hand us. */
const utf16CodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

const anyElement = fc.constantFrom(...KNOWN_AIS).chain(elementOf);
const elementList = fc.uniqueArray(anyElement, { minLength: 1, maxLength: 8, selector: (e) => e.ai });

describe('barcode reading never falls over', () => {
  it('never throws on arbitrary strings, and always answers ok or a barcode.* code', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.string({ unit: utf16CodeUnit, maxLength: 120 })), (raw) => {
        const result = parseScan(raw);
        expect(result.ok || result.error.code.startsWith('barcode.')).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on strings made of the characters barcodes are made of', () => {
    const unit = fc.constantFrom(...'0123456789]CdQeE1234()\x1dhttps:/?=&%#AZaz \\-'.split(''), '\x1d', '01', '10', 'https://x.y/01/', ']C1', ']E0', ']Q1');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (raw) => {
        const result = parseScan(raw, { patterns: { order: '^#\\d+$' } });
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 5000 },
    );
  });
});

describe('check digits catch every single-digit error', () => {
  it('rejects a valid GTIN with any one digit changed as bad-check-digit', () => {
    const gtin = fc.constantFrom(8, 12, 13, 14).chain((n) => digits(n - 1).map(withCheckDigit));
    fc.assert(
      fc.property(gtin, fc.nat(), fc.integer({ min: 1, max: 9 }), (valid, at, delta) => {
        const i = at % valid.length;
        const changed = valid.slice(0, i) + String((Number(valid[i]) + delta) % 10) + valid.slice(i + 1);
        expect(normalizeGtin(valid).ok).toBe(true);
        expect(normalizeGtin(changed)).toMatchObject({ ok: false, error: { code: 'barcode.bad-check-digit' } });
        expect(parseScan(changed)).toMatchObject({ ok: false, error: { code: 'barcode.bad-check-digit' } });
        expect(parseScan(`]C101${changed.padStart(14, '0')}`)).toMatchObject({ ok: false, error: { code: 'barcode.bad-check-digit' } });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('element strings round-trip', () => {
  it('parses back exactly what was formatted, for generated valid element strings over every AI', () => {
    fc.assert(
      fc.property(elementList, (elements) => {
        const parsed = parseElementString(formatElementString(elements));
        expect(parsed.ok ? parsed.elements.map(({ ai, value }) => ({ ai, value })) : parsed.error).toEqual(elements);
      }),
      { numRuns: 3000 },
    );
  });

  it('does the same through a GS1-128 scan with its AIM identifier', () => {
    fc.assert(
      fc.property(elementList, (elements) => {
        const scan = parseScan(']C1' + formatElementString(elements));
        expect(scan.ok && scan.kind).toBe('gs1');
        expect(scan.ok && scan.elements?.map(({ ai, value }) => ({ ai, value }))).toEqual(elements);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips the bracketed human-readable form too', () => {
    fc.assert(
      fc.property(elementList, (elements) => {
        const parsed = parseBracketed(formatBracketed(elements));
        expect(parsed.ok ? parsed.elements.map(({ ai, value }) => ({ ai, value })) : parsed.error).toEqual(elements);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips GTIN, lot and serial through a Digital Link URI', () => {
    const x = (max: number) => fc.string({ unit: fc.constantFrom(...CSET.X), minLength: 1, maxLength: max });
    fc.assert(
      fc.property(digits(13).map(withCheckDigit), x(20), x(20), (gtin, lot, serial) => {
        const uri = `https://id.example/01/${gtin}/10/${encodeURIComponent(lot)}/21/${encodeURIComponent(serial)}`;
        expect(parseScan(`]Q1${uri}`)).toMatchObject({ ok: true, kind: 'digital-link', gtin, elements: [{ value: gtin }, { value: lot }, { value: serial }] });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('UPC-E', () => {
  it('expands every zero-suppressible UPC-A back from its UPC-E', () => {
    const upcE = fc.tuple(fc.constantFrom('0', '1'), digits(6)).map(([ns, six]) => ns + six);
    fc.assert(
      fc.property(upcE, (seven) => {
        const expanded = expandUpcE(seven);
        if (!expanded.ok) throw new Error(expanded.error.message);
        const compressed = compressUpcA(expanded.upcA);
        expect(compressed).not.toBeNull();
        expect(expandUpcE(compressed!)).toEqual(expanded);
      }),
      { numRuns: 2000 },
    );
  });
});
