import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiBytes } from './ascii';
import { decodeSicsLine, sicsCommand } from './mt-sics';
import { serialScaleCodec } from './scale-stream';
import { concatBytes, hex, sicsLine } from './simulated-frames';
import { ascii, containsBytes, decodeChunks, expectReadingsHoweverChunked, latin1, noisyBytes, summary } from './test-helpers';

const sics = serialScaleCodec('sics');
const decodeText = (text: string) => decodeChunks(sics, [asciiBytes(text)]).map(summary);

describe('MT-SICS replies (device-protocols.md §2.1 vectors)', () => {
  it.each([
    ['S S     100.00 g\r\n', { status: 'stable', grams: 100, unit: 'g' }],
    ['S D 1.234 g\r\n', { status: 'motion', grams: 1.234, unit: 'g' }],
    ['S I\r\n', { status: 'motion', grams: null }],
    ['S +\r\n', { status: 'over', grams: null }],
    ['S -\r\n', { status: 'under', grams: null }],
    ['Z A\r\n', { reply: 'executed' }],
    ['T S 2.48600 g\r\n', { reply: 'executed' }],
    ['I4 A "B207696838"\r\n', { reply: 'executed' }],
    ['ES\r\n', { reply: 'error' }],
    ['I50 B 0  535.141 g\r\n', { reply: 'executed' }],
    ['I50 A 2  335.465 g\r\n', { reply: 'executed' }],
  ])('decodes %j', (line, expected) => {
    expect(decodeText(line)).toEqual([expected]);
  });

  it('names the command a reply belongs to', () => {
    const decoded = decodeSicsLine(asciiBytes('Z A\r\n'));
    expect(decoded).toMatchObject({ kind: 'reply', reply: 'executed', command: 'Z' });
    expect(decodeSicsLine(asciiBytes('Z I\r\n'))).toMatchObject({ kind: 'reply', reply: 'not-executable', command: 'Z' });
    expect(decodeSicsLine(asciiBytes('Z +\r\n'))).toMatchObject({ kind: 'reply', reply: 'error', command: 'Z' });
    expect(decodeSicsLine(asciiBytes('S L\r\n'))).toMatchObject({ kind: 'reply', reply: 'error', command: 'S' });
  });

  it('writes the commands: S, SI, Z, T each ending CR LF', () => {
    expect(sicsCommand('stable-weight')).toEqual(hex('53 0D 0A'));
    expect(sicsCommand('immediate-weight')).toEqual(asciiBytes('SI\r\n'));
    expect(sicsCommand('zero')).toEqual(asciiBytes('Z\r\n'));
    expect(sicsCommand('tare')).toEqual(asciiBytes('T\r\n'));
    expect(sicsCommand('clear-tare')).toEqual(asciiBytes('TAC\r\n'));
  });
});

describe('MT-SICS weights', () => {
  it('reads a negative net weight as under and exactly zero as zero', () => {
    expect(decodeText('S S    -0.50 g\r\nS S 0.00 kg\r\n')).toEqual([
      { status: 'under', grams: null, unit: 'g' },
      { status: 'zero', grams: null, unit: 'kg' },
    ]);
  });

  it('reads the display-unit reply and other units exactly', () => {
    expect(decodeText('SU S 1.50 lb\r\nS S 12.5 oz\r\nS S - 1.00 g\r\n')).toEqual([
      { status: 'stable', grams: 680.389, unit: 'lb' },
      { status: 'stable', grams: 354.369, unit: 'oz' },
      { status: 'under', grams: null, unit: 'g' },
    ]);
  });

  it('accepts a bare LF terminator (a capture typed by hand)', () => {
    expect(decodeText('S S 100.00 g\n')).toEqual([{ status: 'stable', grams: 100, unit: 'g' }]);
  });

  it('rejects malformed weight replies with a code', () => {
    expect(decodeText('S S abc g\r\n')).toEqual([{ rejected: 'scale.bad-frame' }]);
    expect(decodeText('S S 1.00\r\n')).toEqual([{ rejected: 'scale.bad-frame' }]);
    expect(decodeText('S S 1.00 tl\r\n')).toEqual([{ rejected: 'scale.unsupported-unit' }]);
    expect(decodeText('S X 1.00 g\r\n')).toEqual([{ rejected: 'scale.unknown-status' }]);
    expect(decodeText('S I 1\r\n')).toEqual([{ rejected: 'scale.bad-frame' }]);
    expect(decodeText('hello world\r\n')).toEqual([{ rejected: 'scale.bad-frame' }]);
  });
});

describe('MT-SICS as a stream', () => {
  const stream = asciiBytes('S S     100.00 g\r\nS D 1.234 g\r\nZ A\r\nS +\r\nS S 2.000 kg\r\n');
  const expected = [
    { status: 'stable', grams: 100, unit: 'g' },
    { status: 'motion', grams: 1.234, unit: 'g' },
    { status: 'over', grams: null },
    { status: 'stable', grams: 2000, unit: 'kg' },
  ];

  it('gives the same readings however the port chunks the bytes', () => {
    expectReadingsHoweverChunked(sics, stream, expected);
  });

  it('skips noise between lines and counts it', () => {
    const noisy = concatBytes(hex('00 FF 80'), asciiBytes('S S 100.00 g\r\n'), asciiBytes('#$%garbage\r\n'), hex('FE'), asciiBytes('S S 2.000 kg\r\n'));
    expect(decodeChunks(sics, [noisy]).map(summary)).toEqual([
      { rejected: 'scale.garbage' },
      { status: 'stable', grams: 100, unit: 'g' },
      { rejected: 'scale.bad-frame' },
      { rejected: 'scale.garbage' },
      { status: 'stable', grams: 2000, unit: 'kg' },
    ]);
  });

  it('drops an endless line as garbage and reports a truncated last line as incomplete', () => {
    const endless = asciiBytes('S'.repeat(300) + '\r\nS S 1 g\r\nS S 2');
    expect(decodeChunks(sics, [endless]).map(summary)).toEqual([
      { rejected: 'scale.garbage' }, // the first 256 bytes: no line is that long
      { rejected: 'scale.bad-frame' }, // the tail of the endless line
      { status: 'stable', grams: 1, unit: 'g' },
      { rejected: 'scale.incomplete-frame' },
    ]);
  });

  it('never throws on arbitrary bytes and never reads a weight that is not a whole weight line in the input', () => {
    const weightLine = /^(S|SI|SIR|SU|SUI|SUR) +[SD] +[+-]? *\d*\.?\d* +[A-Za-z]+ *\r?\n?$/;
    fc.assert(
      fc.property(noisyBytes([...ascii('SD Ig.0123-+kl\r\n'), 0x00, 0xff], 120), (bytes) => {
        for (const d of decodeChunks(sics, [bytes])) {
          if (d.kind !== 'reading' || d.reading.mg === null) continue;
          expect(latin1(d.reading.raw).trimStart()).toMatch(weightLine);
          expect(containsBytes(bytes, d.reading.raw)).toBe(true);
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('reads back every weight a simulated balance prints', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.constantFrom('S', 'D'), (mg, status) => {
        const line = sicsLine('S', status, `${Math.floor(mg / 1000)}.${String(mg % 1000).padStart(3, '0')}`, 'g');
        const [decoded] = decodeChunks(sics, [line]);
        expect(decoded?.kind === 'reading' && decoded.reading.mg).toBe(mg);
      }),
    );
  });
});
