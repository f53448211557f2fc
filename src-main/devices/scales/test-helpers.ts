/** Shared by the scale decoder tests (not a test file itself). */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { SerialScaleCodec } from './scale-stream';
import { ScaleStream } from './scale-stream';
import type { ScaleDecoded } from './types';

export type Summary =
  | { readonly status: string; readonly grams: number | null; readonly unit?: string }
  | { readonly reply: string }
  | { readonly rejected: string };

/** What a test cares about in a decoded frame. */
export function summary(decoded: ScaleDecoded): Summary {
  if (decoded.kind === 'reply') return { reply: decoded.reply };
  if (decoded.kind === 'rejected') return { rejected: decoded.code };
  const { status, grams, unit } = decoded.reading;
  return unit === undefined ? { status, grams } : { status, grams, unit };
}

/** Everything a stream yields for these chunks, end of input included. */
export function decodeChunks(codec: SerialScaleCodec, chunks: readonly Uint8Array[]): ScaleDecoded[] {
  const stream = new ScaleStream(codec);
  return [...chunks.flatMap((chunk) => stream.push(chunk)), ...stream.flush()];
}

/** `bytes` cut at arbitrary points (including one byte at a time and not at all). */
export function chunked(bytes: Uint8Array): fc.Arbitrary<Uint8Array[]> {
  return fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, bytes.length - 1) }), { maxLength: bytes.length }).map((cuts) => {
    const points = [0, ...cuts.filter((c) => c < bytes.length).sort((a, b) => a - b), bytes.length];
    const chunks: Uint8Array[] = [];
    for (let i = 1; i < points.length; i++) chunks.push(bytes.subarray(points[i - 1], points[i]));
    return chunks;
  });
}

/** The weights (mg) among decoded frames, in order. */
export function weights(decoded: readonly ScaleDecoded[]): number[] {
  const out: number[] = [];
  for (const d of decoded) if (d.kind === 'reading' && d.reading.mg !== null) out.push(d.reading.mg);
  return out;
}

export function readings(decoded: readonly ScaleDecoded[]): Summary[] {
  return decoded.filter((d) => d.kind === 'reading').map(summary);
}

/** However the port cuts `stream` into chunks, the codec reads exactly `expected` from it. */
export function expectReadingsHoweverChunked(codec: SerialScaleCodec, stream: Uint8Array, expected: readonly Summary[]): void {
  fc.assert(
    fc.property(chunked(stream), (chunks) => {
      expect(readings(decodeChunks(codec, chunks))).toEqual(expected);
    }),
  );
}

/** Random bytes, half of them drawn from the bytes that matter to a protocol (so frames almost form). */
export function noisyBytes(significant: readonly number[], maxLength = 200): fc.Arbitrary<Uint8Array> {
  const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...significant));
  return fc.array(byte, { maxLength }).map((list) => Uint8Array.from(list));
}

export function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** True when `needle` occurs in `haystack` as consecutive bytes. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}
