import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiBytes } from './ascii';
import { IGNORE_BYTE, MAX_GARBAGE_RUN, ScanningSplitter } from './frame-splitter';
import { SERIAL_SCALE_PROTOCOLS, serialScaleCodec, type SerialScaleProtocol } from './scale-stream';
import { casEcrFrame, casStreamLine, concatBytes, nciFrame, sicsLine, toledoFrame } from './simulated-frames';
import { chunked, decodeChunks, summary } from './test-helpers';

/** Valid frames of each protocol, to mix with noise. */
const FRAMES: Readonly<Record<SerialScaleProtocol, readonly Uint8Array[]>> = {
  sics: [sicsLine('S', 'S', '100.00', 'g'), sicsLine('S', 'D', '1.234', 'g'), sicsLine('Z', 'A'), sicsLine('S', '+')],
  nci: [nciFrame('  1.50lb', '00'), nciFrame(null, '20'), nciFrame('  1.52lb', '10'), nciFrame(null, '?')],
  cas: [casEcrFrame('S', ' ', '01.234', 'kg'), casStreamLine('ST', 'GS', '1', 0xc4, '000013.5', 'kg'), Uint8Array.of(0x06)],
  toledo: [
    toledoFrame({ swa: 0x2c, swb: 0x20, swc: 0x20, weight: '001234', tare: '000000', checksum: true }),
    toledoFrame({ swa: 0x2c, swb: 0x39, swc: 0x20, weight: '000567', tare: '000250', checksum: true }),
  ],
};

describe('scale streams whatever the chunking', () => {
  it.each(SERIAL_SCALE_PROTOCOLS)('%s: frames and noise decode the same however the bytes are cut', (protocol) => {
    const codec = serialScaleCodec(protocol);
    const piece = fc.oneof(fc.constantFrom(...FRAMES[protocol]), fc.uint8Array({ minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }).chain((pieces) => {
          const bytes = concatBytes(...pieces);
          return chunked(bytes).map((chunks) => ({ bytes, chunks }));
        }),
        ({ bytes, chunks }) => {
          expect(decodeChunks(codec, chunks).map(summary)).toEqual(decodeChunks(codec, [bytes]).map(summary));
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each(SERIAL_SCALE_PROTOCOLS)('%s: never throws on arbitrary bytes in arbitrary chunks', (protocol) => {
    const codec = serialScaleCodec(protocol);
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 10 }), (chunks) => {
        for (const decoded of decodeChunks(codec, chunks)) expect(['reading', 'reply', 'rejected']).toContain(decoded.kind);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the scanning splitter', () => {
  const lines = new ScanningSplitter((bytes, at, end) => {
    if (bytes[at] === 0x0a) return IGNORE_BYTE;
    if (bytes[at] !== 0x23) return -1; // '#' starts a frame
    for (let i = at; i < end; i++) if (bytes[i] === 0x0a) return i - at;
    return 0;
  });

  it('reports a long run of noise in pieces no longer than the cap, so health sees it early', () => {
    const noise = new Uint8Array(1000).fill(0x55);
    const items = lines.push(noise);
    expect(items.every((i) => i.kind === 'garbage' && i.bytes.length === MAX_GARBAGE_RUN)).toBe(true);
    expect(items).toHaveLength(3);
    expect(lines.flush()).toEqual([{ kind: 'garbage', bytes: new Uint8Array(1000 - 3 * MAX_GARBAGE_RUN).fill(0x55) }]);
  });

  it('takes a chunk far larger than its buffer', () => {
    const many = asciiBytes('#frame\n'.repeat(20_000));
    const items = lines.push(many);
    expect(items).toHaveLength(20_000);
    expect(items.every((i) => i.kind === 'frame')).toBe(true);
  });

  it('keeps a frame that spans pushes and reports a cut-off frame at the end', () => {
    expect(lines.push(asciiBytes('#fr'))).toEqual([]);
    expect(lines.push(asciiBytes('ame\n#cut'))).toEqual([{ kind: 'frame', bytes: asciiBytes('#frame') }]);
    expect(lines.flush()).toEqual([{ kind: 'incomplete', bytes: asciiBytes('#cut') }]);
    expect(lines.flush()).toEqual([]);
  });

  it('hands out frames that do not change when the buffer is reused', () => {
    const [first] = lines.push(asciiBytes('#one\n'));
    lines.push(asciiBytes('#two\n'));
    expect(first).toEqual({ kind: 'frame', bytes: asciiBytes('#one') });
  });
});
