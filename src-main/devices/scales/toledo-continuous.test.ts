import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serialScaleCodec } from './scale-stream';
import { concatBytes, hex, toledoFrame, type ToledoFrameSpec } from './simulated-frames';
import { chunked, containsBytes, decodeChunks, noisyBytes, readings, summary, weights } from './test-helpers';
import { decodeToledoFrame, toledoChecksum, type ToledoOptions } from './toledo-continuous';

const auto = serialScaleCodec('toledo');
const decodeBytes = (bytes: Uint8Array, options: ToledoOptions = {}) => decodeChunks(serialScaleCodec('toledo', { toledo: options }), [bytes]).map(summary);

const VECTOR_LB = '02 2C 20 20 30 30 31 32 33 34 30 30 30 30 30 30 0D 3B';
const VECTOR_KG_NET_MOTION = '02 2C 39 20 30 30 30 35 36 37 30 30 30 32 35 30 0D 13';

/** A stable gross frame with these digits: SWA x1, decimal point XXXX.XX; SWB lb. */
const spec = (overrides: Partial<ToledoFrameSpec> = {}): ToledoFrameSpec => ({ swa: 0x2c, swb: 0x20, swc: 0x20, weight: '001234', tare: '000000', checksum: true, ...overrides });

describe('Toledo continuous output (device-protocols.md §2.4 vectors)', () => {
  it('decodes 12.34 lb gross, stable, with tare 0.00 and checksum 0x3B', () => {
    const [decoded] = decodeChunks(auto, [hex(VECTOR_LB)]);
    expect(decoded).toMatchObject({ kind: 'reading', reading: { status: 'stable', mg: 5_597_330, grams: 5597.33, unit: 'lb', net: false, tareMg: 0 } });
  });

  it('decodes net 5.67 kg in motion with tare 2.50 kg and checksum 0x13', () => {
    const [decoded] = decodeChunks(auto, [hex(VECTOR_KG_NET_MOTION)]);
    expect(decoded).toMatchObject({ kind: 'reading', reading: { status: 'motion', mg: 5_670_000, unit: 'kg', net: true, tareMg: 2_500_000 } });
  });

  it('computes the recorded checksums, and the simulator builds the recorded frames', () => {
    expect(toledoChecksum(hex(VECTOR_LB).subarray(0, 17))).toBe(0x3b);
    expect(toledoChecksum(hex(VECTOR_KG_NET_MOTION).subarray(0, 17))).toBe(0x13);
    expect(toledoFrame(spec())).toEqual(hex(VECTOR_LB));
    expect(toledoFrame(spec({ swb: 0x39, weight: '000567', tare: '000250' }))).toEqual(hex(VECTOR_KG_NET_MOTION));
  });
});

describe('Toledo frame variants', () => {
  it('reads frames without tare, without checksum, and with neither', () => {
    const lb = [{ status: 'stable', grams: 5597.33, unit: 'lb' }];
    expect(decodeBytes(toledoFrame(spec({ checksum: false })))).toEqual(lb);
    expect(decodeBytes(toledoFrame(spec({ tare: undefined })))).toEqual(lb);
    expect(decodeBytes(toledoFrame(spec({ tare: undefined, checksum: false })))).toEqual(lb);
  });

  it('places the decimal point from SWA bits 0–2', () => {
    const grams = (swa: number) => summary(decodeToledoFrame(toledoFrame(spec({ swa, swb: 0x30 }))));
    expect(grams(0x28)).toEqual({ status: 'stable', grams: 123_400_000, unit: 'kg' }); // XXXX00
    expect(grams(0x29)).toEqual({ status: 'stable', grams: 12_340_000, unit: 'kg' }); // XXXXX0
    expect(grams(0x2a)).toEqual({ status: 'stable', grams: 1_234_000, unit: 'kg' }); // XXXXXX
    expect(grams(0x2b)).toEqual({ status: 'stable', grams: 123_400, unit: 'kg' }); // XXXXX.X
    expect(grams(0x2d)).toEqual({ status: 'stable', grams: 1_234, unit: 'kg' }); // XXX.XXX
    expect(grams(0x2e)).toEqual({ status: 'stable', grams: 123.4, unit: 'kg' }); // XX.XXXX
    expect(grams(0x2f)).toEqual({ status: 'stable', grams: 12.34, unit: 'kg' }); // X.XXXXX
  });

  it('reads 7E1 and 7O1 parity bits through an 8-bit port, and refuses a wrong one', () => {
    const lb = [{ status: 'stable', grams: 5597.33, unit: 'lb' }];
    expect(decodeBytes(toledoFrame(spec({ parity: 'even' })))).toEqual(lb);
    expect(decodeBytes(toledoFrame(spec({ parity: 'odd' })))).toEqual(lb);
    expect(decodeBytes(toledoFrame(spec({ parity: 'even' })), { parity: 'even' })).toEqual(lb);
    expect(decodeBytes(toledoFrame(spec({ parity: 'odd' })), { parity: 'even' })).toEqual([{ rejected: 'scale.bad-parity' }]);
    expect(decodeBytes(toledoFrame(spec({ parity: 'even' })), { parity: 'none' })).toEqual([{ rejected: 'scale.bad-parity' }]);
    expect(decodeBytes(toledoFrame(spec({ parity: 'odd' })), { parity: 'ignore' })).toEqual(lb);
  });

  it('holds a frame to the configured tare and checksum settings', () => {
    expect(decodeBytes(toledoFrame(spec({ checksum: false })), { checksum: 'required' })).toEqual([{ rejected: 'scale.incomplete-frame' }]);
    expect(summary(decodeToledoFrame(toledoFrame(spec({ checksum: false })), { checksum: 'required' }))).toEqual({ rejected: 'scale.bad-frame' });
    expect(summary(decodeToledoFrame(toledoFrame(spec()), { checksum: 'absent' }))).toEqual({ rejected: 'scale.bad-frame' });
    expect(summary(decodeToledoFrame(toledoFrame(spec({ tare: undefined })), { tare: 'with' }))).toEqual({ rejected: 'scale.bad-frame' });
    expect(summary(decodeToledoFrame(toledoFrame(spec()), { tare: 'without' }))).toEqual({ rejected: 'scale.bad-frame' });
  });
});

describe('every Toledo status', () => {
  it.each([
    ['20', '001234', { status: 'stable', grams: 5597.33, unit: 'lb' }],
    ['28', '001234', { status: 'motion', grams: 5597.33, unit: 'lb' }],
    ['20', '000000', { status: 'zero', grams: null, unit: 'lb' }],
    ['22', '001234', { status: 'under', grams: null, unit: 'lb' }], // negative
    ['2a', '001234', { status: 'under', grams: null, unit: 'lb' }], // negative, moving
    ['24', '999999', { status: 'over', grams: null, unit: 'lb' }], // out of range
    ['26', '999999', { status: 'under', grams: null, unit: 'lb' }], // out of range, negative
    ['60', '001234', { status: 'needs-rezero', grams: null, unit: 'lb' }], // power-up, not zeroed
    ['30', '001234', { status: 'stable', grams: 12340, unit: 'kg' }],
    ['00', '001234', { status: 'stable', grams: 5597.33, unit: 'lb' }], // Fairbanks: SWB bit 5 clear
  ])('SWB %s with weight digits %s', (swbHex, weight, expected) => {
    const swb = parseInt(swbHex, 16);
    expect(summary(decodeToledoFrame(toledoFrame(spec({ swb, weight }))))).toEqual(expected);
  });

  it('reads grams from SWC bit 0 and refuses the SWC unit codes it cannot be sure of', () => {
    expect(summary(decodeToledoFrame(toledoFrame(spec({ swc: 0x21, swa: 0x2a }))))).toEqual({ status: 'stable', grams: 1234, unit: 'g' });
    expect(summary(decodeToledoFrame(toledoFrame(spec({ swc: 0x23 }))))).toEqual({ rejected: 'scale.unsupported-unit' });
  });

  it('accepts leading blanks in the digits and refuses anything else there', () => {
    expect(summary(decodeToledoFrame(toledoFrame(spec({ weight: '  1234' }))))).toEqual({ status: 'stable', grams: 5597.33, unit: 'lb' });
    expect(summary(decodeToledoFrame(toledoFrame(spec({ weight: '0012 4' }))))).toEqual({ rejected: 'scale.bad-frame' });
    expect(summary(decodeToledoFrame(toledoFrame(spec({ weight: '00A234' }))))).toEqual({ rejected: 'scale.bad-frame' });
  });

  it('refuses a status word A without its fixed bits or increment', () => {
    expect(summary(decodeToledoFrame(toledoFrame(spec({ swa: 0x24 }))))).toEqual({ rejected: 'scale.bad-frame' }); // no increment
    expect(summary(decodeToledoFrame(toledoFrame(spec({ swa: 0x6c }))))).toEqual({ rejected: 'scale.bad-frame' }); // bit 6 set
  });
});

describe('Toledo as a stream', () => {
  const frames = [spec(), spec({ swb: 0x39, weight: '000567', tare: '000250' }), spec({ weight: '000000' }), spec({ weight: '000100' })];

  it('gives the same readings however the port chunks the bytes, with or without checksums and tare', () => {
    for (const variant of [{}, { checksum: false }, { tare: undefined }, { tare: undefined, checksum: false }]) {
      const stream = concatBytes(...frames.map((f) => toledoFrame({ ...f, ...variant })));
      const expected = readings(decodeChunks(auto, [stream]));
      expect(expected.map((r) => ('status' in r ? r.status : ''))).toEqual(['stable', 'motion', 'zero', 'stable']);
      fc.assert(
        fc.property(chunked(stream), (chunks) => {
          expect(readings(decodeChunks(auto, chunks))).toEqual(expected);
        }),
        { numRuns: 50 },
      );
    }
  });

  it('tells a checksum byte that happens to be STX from the next frame’s STX', () => {
    // STX..CR of this frame sums to 126 mod 128, so its checksum is 0x02.
    const withStxChecksum = spec({ weight: '999999', tare: '000409' });
    const stx = toledoFrame(withStxChecksum);
    expect(stx[17]).toBe(0x02);
    const weight = readings(decodeChunks(auto, [stx]));
    expect(weight).toEqual([{ status: 'stable', grams: 4535919.164, unit: 'lb' }]);
    const twice = concatBytes(stx, stx, toledoFrame(spec()));
    expect(decodeChunks(auto, [twice]).map(summary)).toEqual([...weight, ...weight, { status: 'stable', grams: 5597.33, unit: 'lb' }]);
    const bare = toledoFrame({ ...withStxChecksum, checksum: false });
    const noChecksums = concatBytes(bare, bare, toledoFrame(spec({ checksum: false })));
    expect(decodeChunks(auto, [noChecksums]).map(summary)).toEqual([...weight, ...weight, { status: 'stable', grams: 5597.33, unit: 'lb' }]);
  });

  it('verifies a checksum of 0x02 even when the frame before it is corrupt', () => {
    const corrupt = toledoFrame(spec({ weight: '999999', tare: '000409' }));
    corrupt[5] = 0x38; // a weight digit, so the checksum 0x02 no longer holds
    expect(decodeChunks(auto, [corrupt]).map(summary)).toEqual([{ rejected: 'scale.bad-checksum' }]);
    expect(decodeChunks(auto, [corrupt, toledoFrame(spec())]).map(summary)).toEqual([{ rejected: 'scale.bad-checksum' }, { status: 'stable', grams: 5597.33, unit: 'lb' }]);
  });

  it('skips noise between frames and counts it', () => {
    const noisy = concatBytes(hex('00 02 0D FF'), hex(VECTOR_LB), hex('02 2C'), hex(VECTOR_KG_NET_MOTION));
    expect(decodeBytes(noisy)).toEqual([
      { rejected: 'scale.garbage' },
      { status: 'stable', grams: 5597.33, unit: 'lb' },
      { rejected: 'scale.garbage' },
      { status: 'motion', grams: 5670, unit: 'kg' },
    ]);
  });

  it('rejects a frame whose checksum does not match', () => {
    const frame = hex(VECTOR_LB);
    frame[17] = 0x3c;
    expect(decodeBytes(frame)).toEqual([{ rejected: 'scale.bad-checksum' }]);
  });
});

const frameSpec: fc.Arbitrary<ToledoFrameSpec> = fc.record({
  swa: fc.tuple(fc.constantFrom(0x08, 0x10, 0x18), fc.integer({ min: 0, max: 7 })).map(([increment, dp]) => 0x20 | increment | dp),
  swb: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()).map(([net, neg, motion, kg]) => 0x20 | (net ? 1 : 0) | (neg ? 2 : 0) | (motion ? 8 : 0) | (kg ? 0x10 : 0)),
  swc: fc.constantFrom(0x20, 0x21),
  weight: fc.integer({ min: 1, max: 999_999 }).map((n) => String(n).padStart(6, '0')),
  tare: fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0')),
  checksum: fc.constant(true),
});

/** Every single-byte corruption of `frame`: each position, every other byte value. */
function* corruptions(frame: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < frame.length; at++) {
    for (let value = 0; value < 256; value++) {
      if (value === frame[at]) continue;
      const corrupt = frame.slice();
      corrupt[at] = value;
      yield corrupt;
    }
  }
}

describe('Toledo checksum against corruption', () => {
  const pinned = serialScaleCodec('toledo', { toledo: { tare: 'with', checksum: 'required', parity: 'none' } });
  const before = toledoFrame(spec({ weight: '011111' }));
  const after = toledoFrame(spec({ weight: '022222' }));
  const [beforeMg, afterMg] = [weights(decodeChunks(pinned, [before]))[0], weights(decodeChunks(pinned, [after]))[0]];

  it('never reads a weight from a checksummed frame with any single byte corrupted (format pinned)', () => {
    fc.assert(
      fc.property(frameSpec, (frameSpecValue) => {
        for (const corrupt of corruptions(toledoFrame(frameSpecValue))) {
          const alone = weights(decodeChunks(pinned, [corrupt]));
          const between = weights(decodeChunks(pinned, [before, corrupt, after]));
          if (alone.length > 0 || between.length !== 2 || between[0] !== beforeMg || between[1] !== afterMg) {
            expect({ corrupt: [...corrupt], alone, between }).toEqual({ corrupt: [...corrupt], alone: [], between: [beforeMg, afterMg] });
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('with the format auto-detected, a corrupted frame yields no weight, or only the very weight the scale sent', () => {
    fc.assert(
      fc.property(frameSpec, (frameSpecValue) => {
        const frame = toledoFrame(frameSpecValue);
        const original = readings(decodeChunks(auto, [frame]));
        for (const corrupt of corruptions(frame)) {
          for (const d of decodeChunks(auto, [corrupt])) {
            if (d.kind === 'reading' && d.reading.mg !== null) expect(original).toContainEqual(summary(d));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('never throws on arbitrary bytes, and a weight only ever comes from a frame in the input whose checksum holds', () => {
    fc.assert(
      fc.property(noisyBytes([0x02, 0x0d, 0x20, 0x2c, 0x30, 0x31, 0x39, 0x82, 0x8d], 200), (bytes) => {
        for (const d of decodeChunks(pinned, [bytes])) {
          if (d.kind !== 'reading' || d.reading.mg === null) continue;
          const raw = d.reading.raw;
          expect(containsBytes(bytes, raw)).toBe(true);
          expect(toledoChecksum(raw, 0, 17)).toBe(raw[17]);
        }
      }),
      { numRuns: 3_000 },
    );
  });
});
