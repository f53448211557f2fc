/**
 * Serial scales send a byte stream, and the serial port hands it over in arbitrary chunks: a frame
 * split across reads, two frames in one read, line noise between frames. A splitter turns that into
 * whole frames plus runs of garbage (which the caller counts in device health), independent of how
 * the bytes were chunked. Each protocol supplies only a `FrameMatcher`: "does a frame start here?".
 */

export type SplitItem =
  | { readonly kind: 'frame'; readonly bytes: Uint8Array }
  /** Bytes that belong to no frame (noise, a wrong baud rate, a frame that started but never made sense). */
  | { readonly kind: 'garbage'; readonly bytes: Uint8Array }
  /** What was left in the buffer when the stream ended: the start of a frame that never finished. */
  | { readonly kind: 'incomplete'; readonly bytes: Uint8Array };

export interface FrameSplitter {
  /** The next chunk from the port; returns every frame and garbage run it completed, in order. */
  push(chunk: Uint8Array): SplitItem[];
  /** The stream ended (port closed, stdin at EOF): returns what was still pending and resets. */
  flush(): SplitItem[];
}

/** A separator (CR/LF between lines): skipped without counting as garbage. */
export const IGNORE_BYTE = Number.MIN_SAFE_INTEGER;

/**
 * Looks at `bytes[at, end)`; `final` is true when no more bytes will come. Returns
 * - `n > 0`: a frame of n bytes starts at `at`;
 * - `-n < 0`: the n bytes at `at` are garbage (no frame can start at any of them);
 * - `IGNORE_BYTE`: the byte at `at` is a harmless separator;
 * - `0`: a frame may start here but more bytes are needed (when `final`, the rest is incomplete).
 * A matcher must decide within a bounded number of bytes, so the buffer never grows without limit.
 */
export type FrameMatcher = (bytes: Uint8Array, at: number, end: number, final: boolean) => number;

/** Garbage runs are reported at most this long, so a scale at the wrong baud rate shows up in health quickly. */
export const MAX_GARBAGE_RUN = 256;

export class ScanningSplitter implements FrameSplitter {
  private buffer = new Uint8Array(512);
  private start = 0;
  private end = 0;
  /** Start of the garbage run being collected, or -1. */
  private garbageFrom = -1;

  constructor(private readonly match: FrameMatcher) {}

  push(chunk: Uint8Array): SplitItem[] {
    this.append(chunk);
    return this.scan(false);
  }

  flush(): SplitItem[] {
    const out = this.scan(true);
    this.start = 0;
    this.end = 0;
    this.garbageFrom = -1;
    return out;
  }

  private append(chunk: Uint8Array): void {
    const keepFrom = this.garbageFrom >= 0 ? this.garbageFrom : this.start;
    const pending = this.end - keepFrom;
    if (this.end + chunk.length > this.buffer.length) {
      const needed = pending + chunk.length;
      if (needed > this.buffer.length) {
        const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
        grown.set(this.buffer.subarray(keepFrom, this.end), 0);
        this.buffer = grown;
      } else {
        this.buffer.copyWithin(0, keepFrom, this.end);
      }
      this.start -= keepFrom;
      if (this.garbageFrom >= 0) this.garbageFrom -= keepFrom;
      this.end = pending;
    }
    this.buffer.set(chunk, this.end);
    this.end += chunk.length;
  }

  private scan(final: boolean): SplitItem[] {
    const out: SplitItem[] = [];
    const bytes = this.buffer;
    let at = this.start;
    while (at < this.end) {
      const verdict = this.match(bytes, at, this.end, final);
      if (verdict > 0) {
        this.endGarbage(out, at);
        out.push({ kind: 'frame', bytes: bytes.slice(at, at + verdict) });
        at += verdict;
      } else if (verdict === IGNORE_BYTE) {
        this.endGarbage(out, at);
        at += 1;
      } else if (verdict < 0) {
        if (this.garbageFrom < 0) this.garbageFrom = at;
        at += -verdict;
        if (at - this.garbageFrom >= MAX_GARBAGE_RUN) this.endGarbage(out, at);
      } else if (final) {
        this.endGarbage(out, at);
        out.push({ kind: 'incomplete', bytes: bytes.slice(at, this.end) });
        at = this.end;
      } else {
        break;
      }
    }
    if (final) this.endGarbage(out, at);
    this.start = at;
    if (this.garbageFrom < 0 && at === this.end) {
      this.start = 0;
      this.end = 0;
    }
    return out;
  }

  private endGarbage(out: SplitItem[], at: number): void {
    if (this.garbageFrom < 0) return;
    out.push({ kind: 'garbage', bytes: this.buffer.slice(this.garbageFrom, at) });
    this.garbageFrom = -1;
  }
}
