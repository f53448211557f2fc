import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiBytes } from './ascii';
import { casBcc, casCommand } from './cas';
import { serialScaleCodec } from './scale-stream';
import { casEcrFrame, casStreamLine, concatBytes, hex } from './simulated-frames';
import { ascii, containsBytes, decodeChunks, expectReadingsHoweverChunked, noisyBytes, summary, weights } from './test-helpers';

const cas = serialScaleCodec('cas');
const decodeBytes = (bytes: Uint8Array) => decodeChunks(cas, [bytes]).map(summary);
const decodeHex = (text: string) => decodeBytes(hex(text));

describe('CAS ECR protocol (device-protocols.md §2.3 vectors)', () => {
  it.each([
    ['01 02 53 20 30 31 2E 32 33 34 6B 67 65 03 04', { status: 'stable', grams: 1234, unit: 'kg' }], // S, +, "01.234" kg
    ['01 02 55 2D 30 30 2E 31 35 30 6B 67 6E 03 04', { status: 'under', grams: null, unit: 'kg' }], // U, −0.150 kg
  ])('decodes %s', (frame, expected) => {
    expect(decodeHex(frame)).toEqual([expected]);
  });

  it('computes the BCC over STA..UN2 like the recorded frames', () => {
    expect(casBcc(hex('53 20 30 31 2E 32 33 34 6B 67'), 0, 10)).toBe(0x65);
    expect(casEcrFrame('U', '-', '00.150', 'kg')).toEqual(hex('01 02 55 2D 30 30 2E 31 35 30 6B 67 6E 03 04'));
  });

  it('answers the ENQ handshake: ACK and NAK are replies, not readings', () => {
    expect(decodeHex('06')).toEqual([{ reply: 'ack' }]);
    expect(decodeHex('15')).toEqual([{ reply: 'nak' }]);
    expect(casCommand('enquire')).toEqual(hex('05'));
    expect(casCommand('request-weight')).toEqual(hex('11'));
  });

  it('reads each ECR state', () => {
    expect(decodeBytes(casEcrFrame('U', ' ', '01.234', 'kg'))).toEqual([{ status: 'motion', grams: 1234, unit: 'kg' }]);
    expect(decodeBytes(casEcrFrame('S', ' ', '00.000', 'kg'))).toEqual([{ status: 'zero', grams: null, unit: 'kg' }]);
    expect(decodeBytes(casEcrFrame('S', '-', '00.150', 'kg'))).toEqual([{ status: 'under', grams: null, unit: 'kg' }]);
    expect(decodeBytes(casEcrFrame('S', 'F', '------', 'kg'))).toEqual([{ status: 'over', grams: null }]); // Ohaus overflow
    expect(decodeBytes(casEcrFrame('S', ' ', '02.500', 'lb'))).toEqual([{ status: 'stable', grams: 1133.981, unit: 'lb' }]);
  });

  it('rejects a bad BCC, an unknown status and a malformed weight', () => {
    const frame = casEcrFrame('S', ' ', '01.234', 'kg');
    frame[12] = (frame[12] ?? 0) ^ 0x01;
    expect(decodeBytes(frame)).toEqual([{ rejected: 'scale.bad-checksum' }]);
    expect(decodeBytes(concatBytes(hex('01 02'), fixBcc('X 01.234kg')))).toEqual([{ rejected: 'scale.unknown-status' }]);
    expect(decodeBytes(concatBytes(hex('01 02'), fixBcc('S 0-.234kg')))).toEqual([{ rejected: 'scale.bad-frame' }]);
    expect(decodeBytes(concatBytes(hex('01 02'), fixBcc('S 01.234xx')))).toEqual([{ rejected: 'scale.unsupported-unit' }]);
  });
});

/** STA..UN2 followed by a correct BCC, ETX, EOT. */
function fixBcc(data: string): Uint8Array {
  const bytes = asciiBytes(data);
  return concatBytes(bytes, Uint8Array.of(casBcc(bytes, 0, bytes.length), 0x03, 0x04));
}

describe('CAS 22-byte stream format', () => {
  it('decodes the recorded line "ST,GS,1\\xC4,000013.5 kg"', () => {
    const line = concatBytes(asciiBytes('ST,GS,1'), hex('C4'), asciiBytes(',000013.5 kg\r\n'));
    expect(line.length).toBe(22);
    expect(decodeBytes(line)).toEqual([{ status: 'stable', grams: 13500, unit: 'kg' }]);
    expect(casStreamLine('ST', 'GS', '1', 0xc4, '000013.5', 'kg')).toEqual(line);
  });

  it('reads each stream state', () => {
    expect(decodeBytes(casStreamLine('US', 'GS', '1', 0x84, '000013.5', 'kg'))).toEqual([{ status: 'motion', grams: 13500, unit: 'kg' }]);
    expect(decodeBytes(casStreamLine('OL', 'GS', '1', 0x84, '        ', 'kg'))).toEqual([{ status: 'over', grams: null }]);
    expect(decodeBytes(casStreamLine('ST', 'GS', '1', 0xc5, '000000.0', 'kg'))).toEqual([{ status: 'zero', grams: null, unit: 'kg' }]);
    expect(decodeBytes(casStreamLine('ST', 'NT', '1', 0xc2, '-00001.5', 'kg'))).toEqual([{ status: 'under', grams: null, unit: 'kg' }]);
    const [net] = decodeChunks(cas, [casStreamLine('ST', 'NT', '1', 0xc2, '000002.5', 'kg')]);
    expect(net).toMatchObject({ kind: 'reading', reading: { status: 'stable', mg: 2_500_000, net: true } });
  });

  it('rejects a line whose lamp byte lacks bit 7 or whose fields are wrong', () => {
    expect(decodeBytes(casStreamLine('ST', 'GS', '1', 0x44, '000013.5', 'kg'))).toEqual([{ rejected: 'scale.bad-frame' }]);
    expect(decodeBytes(asciiBytes('ST,XX,1\xc4,000013.5 kg\r\n'))).toEqual([{ rejected: 'scale.bad-frame' }]);
  });
});

describe('CAS as a stream', () => {
  const stream = concatBytes(
    hex('06'),
    casEcrFrame('S', ' ', '01.234', 'kg'),
    casStreamLine('US', 'GS', '1', 0x84, '000013.5', 'kg'),
    casEcrFrame('U', '-', '00.150', 'kg'),
    casStreamLine('ST', 'GS', '1', 0xc4, '000013.5', 'kg'),
  );
  const expected = [
    { status: 'stable', grams: 1234, unit: 'kg' },
    { status: 'motion', grams: 13500, unit: 'kg' },
    { status: 'under', grams: null, unit: 'kg' },
    { status: 'stable', grams: 13500, unit: 'kg' },
  ];

  it('gives the same readings however the port chunks the bytes', () => {
    expectReadingsHoweverChunked(cas, stream, expected);
  });

  it('skips noise between frames and counts it', () => {
    const noisy = concatBytes(hex('00 01 FF'), casEcrFrame('S', ' ', '01.234', 'kg'), asciiBytes('SX'), casStreamLine('ST', 'GS', '1', 0xc4, '000013.5', 'kg'));
    expect(decodeBytes(noisy)).toEqual([
      { rejected: 'scale.garbage' },
      { status: 'stable', grams: 1234, unit: 'kg' },
      { rejected: 'scale.garbage' },
      { status: 'stable', grams: 13500, unit: 'kg' },
    ]);
  });

  const ecrWeight = fc.integer({ min: 0, max: 99_999 }).map((n) => `${String(Math.floor(n / 1000)).padStart(2, '0')}.${String(n % 1000).padStart(3, '0')}`);

  it('never reads a weight from an ECR frame with any single byte corrupted', () => {
    const before = casEcrFrame('S', ' ', '11.111', 'kg');
    const after = casEcrFrame('S', ' ', '22.222', 'kg');
    fc.assert(
      fc.property(ecrWeight, fc.constantFrom('S' as const, 'U' as const), fc.constantFrom(' ' as const, '-' as const), (weight, sta, sign) => {
        const frame = casEcrFrame(sta, sign, weight, 'kg');
        for (let at = 0; at < frame.length; at++) {
          for (let value = 0; value < 256; value++) {
            if (value === frame[at]) continue;
            const corrupt = frame.slice();
            corrupt[at] = value;
            const alone = weights(decodeChunks(cas, [corrupt]));
            const between = weights(decodeChunks(cas, [before, corrupt, after]));
            if (alone.length > 0 || between.length !== 2 || between[0] !== 11_111_000 || between[1] !== 22_222_000) {
              expect({ corrupt: [...corrupt], alone, between }).toEqual({ corrupt: [...corrupt], alone: [], between: [11_111_000, 22_222_000] });
            }
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it('never throws on arbitrary bytes and never reads an ECR weight whose BCC does not hold', () => {
    fc.assert(
      fc.property(noisyBytes([0x01, 0x02, 0x03, 0x04, 0x06, 0x15, ...ascii('SU -01.234kg\r\n,TG')], 150), (bytes) => {
        for (const d of decodeChunks(cas, [bytes])) {
          if (d.kind !== 'reading' || d.reading.mg === null) continue;
          const raw = d.reading.raw;
          expect(containsBytes(bytes, raw)).toBe(true);
          if (raw[0] === 0x01) expect(casBcc(raw, 2, 12)).toBe(raw[12]);
          else expect(raw[7]! & 0x80).toBe(0x80);
        }
      }),
      { numRuns: 3_000 },
    );
  });
});
