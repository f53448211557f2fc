import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiBytes } from './ascii';
import { decodeNciFrame, nciCommand } from './nci';
import { serialScaleCodec } from './scale-stream';
import { concatBytes, hex, nciFrame } from './simulated-frames';
import { ascii, containsBytes, decodeChunks, expectReadingsHoweverChunked, latin1, noisyBytes, summary } from './test-helpers';

const nci = serialScaleCodec('nci');
const decodeBytes = (bytes: Uint8Array) => decodeChunks(nci, [bytes]).map(summary);
const decodeHex = (text: string) => decodeBytes(hex(text));

describe('NCI / Weigh-Tronix SCP-01 replies (device-protocols.md §2.2 vectors)', () => {
  it.each([
    ['0A 20 20 31 2E 35 30 6C 62 0D 0A 30 30 0D 03', { status: 'stable', grams: 680.389, unit: 'lb' }], // "  1.50lb", status 00
    ['0A 20 20 31 2E 35 32 6C 62 0D 0A 31 30 0D 03', { status: 'motion', grams: 689.46, unit: 'lb' }], // status '1': in motion
    ['0A 32 30 0D 03', { status: 'zero', grams: null }], // reply to S: at zero, stable
    ['0A 30 32 0D 03', { status: 'over', grams: null }], // byte 2 = '2': over capacity
    ['0A 3F 0D 03', { reply: 'unrecognised' }], // "?": unknown command
  ])('decodes %s', (frame, expected) => {
    expect(decodeHex(frame)).toEqual([expected]);
  });

  it('writes W<CR> and the other commands', () => {
    expect(nciCommand('weigh')).toEqual(hex('57 0D'));
    expect(nciCommand('status')).toEqual(asciiBytes('S\r'));
    expect(nciCommand('zero')).toEqual(asciiBytes('Z\r'));
    expect(nciCommand('high-resolution')).toEqual(asciiBytes('H\r'));
  });

  it('matches the simulator frame byte for byte', () => {
    expect(nciFrame('  1.50lb', '00')).toEqual(hex('0A 20 20 31 2E 35 30 6C 62 0D 0A 30 30 0D 03'));
  });
});

describe('every NCI status', () => {
  it.each([
    ['00', { reply: 'status-ok' }],
    ['10', { status: 'motion', grams: null }],
    ['20', { status: 'zero', grams: null }],
    ['40', { status: 'fault', grams: null }], // RAM error
    ['80', { status: 'fault', grams: null }], // EEPROM error
    ['04', { status: 'fault', grams: null }], // ROM error
    ['08', { status: 'needs-calibration', grams: null }],
    ['01', { status: 'under', grams: null }],
    ['02', { status: 'over', grams: null }],
    ['0p8', { status: 'needs-rezero', grams: null }], // byte 2 bit 6 announces byte 3; its bit 3 = initial zero error
  ])('status "%s" alone', (status, expected) => {
    expect(decodeBytes(nciFrame(null, status))).toEqual([expected]);
  });

  it('lets the status override whatever the weight field says', () => {
    expect(decodeBytes(nciFrame('  1.50lb', '02'))).toEqual([{ status: 'over', grams: null }]);
    expect(decodeBytes(nciFrame('  0.00lb', '20'))).toEqual([{ status: 'zero', grams: null, unit: 'lb' }]);
  });

  it('reads a net weight from status byte 3', () => {
    const [decoded] = decodeChunks(nci, [nciFrame('  1.50lb', '0p4')]);
    expect(decoded).toMatchObject({ kind: 'reading', reading: { status: 'stable', mg: 680_389, net: true } });
  });

  it('refuses status bytes that break the fixed bits or the byte-3 chain', () => {
    expect(decodeBytes(nciFrame('  1.50lb', '0p'))).toEqual([{ rejected: 'scale.unknown-status' }]); // byte 3 announced, missing
    expect(decodeBytes(nciFrame('  1.50lb', '0'))).toEqual([{ rejected: 'scale.unknown-status' }]); // one byte
    expect(decodeBytes(nciFrame('  1.50lb', '@0'))).toEqual([{ rejected: 'scale.unknown-status' }]); // bits 4/5 clear
    expect(decodeBytes(nciFrame('  1.50lb', 'p0'))).toEqual([{ rejected: 'scale.unknown-status' }]); // byte 1 bit 6 set
  });
});

describe('NCI weight fields', () => {
  it('reads over capacity, under capacity and zero error fills as states', () => {
    expect(decodeBytes(nciFrame('^^^^^^lb', '00'))).toEqual([{ status: 'over', grams: null }]);
    expect(decodeBytes(nciFrame('______', '00'))).toEqual([{ status: 'under', grams: null }]);
    expect(decodeBytes(nciFrame('------', '00'))).toEqual([{ status: 'needs-rezero', grams: null }]);
  });

  it('reads negative weights as under, kilograms, ounces and the 3700LP grams field', () => {
    expect(decodeBytes(nciFrame(' -1.50lb', '00'))).toEqual([{ status: 'under', grams: null, unit: 'lb' }]);
    expect(decodeBytes(nciFrame('  0.680kg', '00'))).toEqual([{ status: 'stable', grams: 680, unit: 'kg' }]);
    expect(decodeBytes(nciFrame(' 24.0oz', '00'))).toEqual([{ status: 'stable', grams: 680.389, unit: 'oz' }]);
    expect(decodeBytes(nciFrame('_1234g_', '00'))).toEqual([{ status: 'stable', grams: 1234, unit: 'g' }]);
  });

  it('reads the Brecknell variant without the second LF', () => {
    expect(decodeBytes(asciiBytes('\n  1.50 lb\r00\x03'))).toEqual([{ status: 'stable', grams: 680.389, unit: 'lb' }]);
  });

  it('reads 7E1 frames through a port opened 8N1 (parity in bit 7)', () => {
    const withParity = nciFrame('  1.50lb', '00').map((b) => b | ((b & 0x0d) === 0x0d ? 0x80 : 0));
    expect(decodeBytes(withParity)).toEqual([{ status: 'stable', grams: 680.389, unit: 'lb' }]);
  });

  it('rejects a weight field that is not a weight, and units it cannot convert', () => {
    expect(decodeBytes(nciFrame('  1.5.0lb', '00'))).toEqual([{ rejected: 'scale.bad-frame' }]);
    expect(decodeBytes(nciFrame('  abc', '00'))).toEqual([{ rejected: 'scale.bad-frame' }]);
    expect(decodeBytes(nciFrame('  1.50st', '00'))).toEqual([{ rejected: 'scale.unsupported-unit' }]);
    expect(summary(decodeNciFrame(asciiBytes('\n1\r\n2\r\n3\r\x03')))).toEqual({ rejected: 'scale.bad-frame' });
  });
});

describe('NCI as a stream', () => {
  const stream = concatBytes(nciFrame('  1.50lb', '00'), nciFrame(null, '20'), nciFrame('  1.52lb', '10'), nciFrame('  2.00kg', '00'));
  const expected = [
    { status: 'stable', grams: 680.389, unit: 'lb' },
    { status: 'zero', grams: null },
    { status: 'motion', grams: 689.46, unit: 'lb' },
    { status: 'stable', grams: 2000, unit: 'kg' },
  ];

  it('gives the same readings however the port chunks the bytes', () => {
    expectReadingsHoweverChunked(nci, stream, expected);
  });

  it('finds the frame after noise, even noise holding its own LF', () => {
    const noisy = concatBytes(asciiBytes('xx\nyy\r\nzz'), nciFrame('  1.50lb', '00'), hex('FF 00'), nciFrame(null, '20'));
    expect(decodeBytes(noisy)).toEqual([
      { rejected: 'scale.garbage' },
      { status: 'stable', grams: 680.389, unit: 'lb' },
      { rejected: 'scale.garbage' },
      { status: 'zero', grams: null },
    ]);
  });

  it('reports a frame cut off by the end of input', () => {
    expect(decodeBytes(asciiBytes('\n  1.50lb\r\n00'))).toEqual([{ rejected: 'scale.incomplete-frame' }]);
  });

  it('never throws on arbitrary bytes and never reads a weight that is not a whole frame in the input', () => {
    const weightFrame = /^\n[ _]*[+-]? *[\d.]+ *[A-Za-z]+_*[\r\n]+[0-?]{2}[0-?p-~]*\r?<ETX>$/;
    fc.assert(
      fc.property(noisyBytes([...ascii('\n\r\x03 1.50lbkg00p?^_-'), 0x83, 0x8a], 120), (bytes) => {
        for (const d of decodeChunks(nci, [bytes])) {
          if (d.kind !== 'reading' || d.reading.mg === null) continue;
          expect(latin1(d.reading.raw.map((b) => b & 0x7f)).replace(String.fromCharCode(0x03), '<ETX>')).toMatch(weightFrame);
          expect(containsBytes(bytes, d.reading.raw)).toBe(true);
        }
      }),
      { numRuns: 3_000 },
    );
  });
});
