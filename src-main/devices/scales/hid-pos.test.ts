import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHidScaleReport, hidZeroScaleReport } from './hid-pos';
import { hex, hidScaleReport } from './simulated-frames';
import { summary } from './test-helpers';

const decode = (text: string) => summary(decodeHidScaleReport(hex(text)));

describe('HID POS scale reports (device-protocols.md §1.4 vectors)', () => {
  it.each([
    ['03 04 02 00 14 00', { status: 'stable', grams: 20, unit: 'g' }],
    ['03 04 0B FF 34 19', { status: 'stable', grams: 18291.112, unit: 'oz' }], // 645.2 oz = 40 lb 5.2 oz
    ['03 02 0B FF 00 00', { status: 'zero', grams: null, unit: 'oz' }],
    ['03 03 02 00 2C 01', { status: 'motion', grams: 300, unit: 'g' }], // provisional, not final
    ['03 04 03 FD E2 04', { status: 'stable', grams: 1250, unit: 'kg' }],
    ['03 04 0C FE 7B 00', { status: 'stable', grams: 557.919, unit: 'lb' }], // 1.23 lb
    ['03 06 0B FF FF FF', { status: 'over', grams: null, unit: 'oz' }],
    ['03 01 00 00 00 00', { status: 'fault', grams: null }],
  ])('decodes %s', (report, expected) => {
    expect(decode(report)).toEqual(expected);
  });

  it('builds the Zero Scale control report 02 02', () => {
    expect(hidZeroScaleReport()).toEqual(hex('02 02'));
  });
});

describe('every HID scale status', () => {
  it.each([
    [0x01, 'fault'],
    [0x02, 'zero'],
    [0x05, 'under'],
    [0x06, 'over'],
    [0x07, 'needs-calibration'],
    [0x08, 'needs-rezero'],
  ])('status %i is %s, never a number', (status, expected) => {
    expect(summary(decodeHidScaleReport(hidScaleReport(status, 2, 0, 1234)))).toEqual({ status: expected, grams: null, unit: 'g' });
  });

  it('treats a stable report of exactly zero as zero, not as a weight', () => {
    expect(summary(decodeHidScaleReport(hidScaleReport(4, 2, 0, 0)))).toEqual({ status: 'zero', grams: null, unit: 'g' });
  });

  it('refuses unknown statuses, including the all-zero report some scales send at power-up', () => {
    expect(decode('03 00 00 00 00 00')).toEqual({ rejected: 'scale.unknown-status' });
    expect(decode('03 09 02 00 14 00')).toEqual({ rejected: 'scale.unknown-status' });
  });
});

describe('HID report shapes and encodings', () => {
  it('accepts data report 4 (usbscale does) and reports padded to 8 bytes', () => {
    expect(decode('04 04 02 00 14 00')).toEqual({ status: 'stable', grams: 20, unit: 'g' });
    expect(decode('03 04 02 00 14 00 00 00')).toEqual({ status: 'stable', grams: 20, unit: 'g' });
  });

  it('rejects short reports and other report IDs', () => {
    expect(decode('03 04 02 00 14')).toEqual({ rejected: 'scale.bad-frame' });
    expect(decode('05 04 02 00 14 00')).toEqual({ rejected: 'scale.bad-frame' });
    expect(summary(decodeHidScaleReport(hex('03 04 02 00 14 00'), { dataReportIds: [3] }))).toEqual({ status: 'stable', grams: 20, unit: 'g' });
    expect(summary(decodeHidScaleReport(hex('04 04 02 00 14 00'), { dataReportIds: [3] }))).toEqual({ rejected: 'scale.bad-frame' });
  });

  it('refuses units it cannot convert exactly (tael, "avoir ton", unknown)', () => {
    expect(decode('03 04 05 00 14 00')).toEqual({ rejected: 'scale.unsupported-unit' });
    expect(decode('03 04 09 00 14 00')).toEqual({ rejected: 'scale.unsupported-unit' });
    expect(decode('03 04 0D 00 14 00')).toEqual({ rejected: 'scale.unsupported-unit' });
  });

  it('converts the other HID units exactly', () => {
    expect(decode('03 04 01 00 E8 03')).toEqual({ status: 'stable', grams: 1, unit: 'mg' });
    expect(decode('03 04 04 00 05 00')).toEqual({ status: 'stable', grams: 1, unit: 'ct' });
    expect(decode('03 04 08 FA 01 00')).toEqual({ status: 'stable', grams: 1, unit: 't' });
    expect(decode('03 04 0A 00 01 00')).toEqual({ status: 'stable', grams: 31.103, unit: 'ozt' });
  });

  it('applies a positive exponent', () => {
    expect(decode('03 04 02 02 0C 00')).toEqual({ status: 'stable', grams: 1200, unit: 'g' });
  });

  it('rejects the out-of-range 0xFFFF weight when stable and unsigned', () => {
    expect(decode('03 04 02 00 FF FF')).toEqual({ rejected: 'scale.weight-out-of-range' });
  });

  it('reads two’s-complement weights as under zero on scales configured for int16 (Stamps.com after a tare)', () => {
    const report = hex('03 04 0B FF F6 FF'); // −10 → −1.0 oz
    expect(summary(decodeHidScaleReport(report, { weightEncoding: 'int16' }))).toEqual({ status: 'under', grams: null, unit: 'oz' });
    expect(summary(decodeHidScaleReport(hex('03 03 0B FF F6 FF'), { weightEncoding: 'int16' }))).toEqual({ status: 'under', grams: null, unit: 'oz' });
    expect(summary(decodeHidScaleReport(hex('03 04 0B FF 0A 00'), { weightEncoding: 'int16' }))).toEqual({ status: 'stable', grams: 28.35, unit: 'oz' });
  });

  it('rejects an exponent that would overflow', () => {
    expect(decode('03 04 0C 7F FE FF')).toEqual({ rejected: 'scale.weight-out-of-range' });
  });

  it('keeps the report as raw', () => {
    const report = hex('03 04 02 00 14 00');
    const decoded = decodeHidScaleReport(report);
    expect(decoded.kind === 'reading' && decoded.reading.raw).toEqual(report);
  });
});

describe('HID decoding of arbitrary bytes', () => {
  const SUPPORTED_UNITS = new Set([1, 2, 3, 4, 6, 7, 8, 10, 11, 12]);

  it('never throws, and yields a weight only from a stable or moving data report in a known unit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), fc.constantFrom('unsigned' as const, 'int16' as const), (bytes, weightEncoding) => {
        const decoded = decodeHidScaleReport(bytes, { weightEncoding });
        if (decoded.kind !== 'reading' || decoded.reading.mg === null) return;
        expect(bytes.length).toBeGreaterThanOrEqual(6);
        expect([3, 4]).toContain(bytes[0]);
        expect([3, 4]).toContain(bytes[1]);
        expect(SUPPORTED_UNITS.has(bytes[2] ?? 0)).toBe(true);
        expect(Number.isSafeInteger(decoded.reading.mg)).toBe(true);
        expect(decoded.reading.mg).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads every gram weight 0..65534 with exponents −3..0 exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65_534 }), fc.integer({ min: -3, max: 0 }), (raw, exponent) => {
        const decoded = decodeHidScaleReport(hidScaleReport(4, 2, exponent, raw));
        expect(decoded.kind === 'reading' && decoded.reading.mg).toBe(raw * 10 ** (3 + exponent));
      }),
    );
  });
});
