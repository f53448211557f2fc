/**
 * Tells a keyboard-wedge scanner from a person typing: a scanner "types" a whole code at a few
 * milliseconds per key and ends with Enter; people need 80 ms or more per key. Judged on the
 * average speed of the whole burst, as onScan.js does (reference/device-protocols.md §3.1), so one
 * late key event on a busy machine does not split a scan in two. Pure: keys and times in, a
 * finished scan out.
 */
export interface BurstOptions {
  /** Average milliseconds per character a scan may take (onScan.js `avgTimeByChar`). */
  readonly avgMsPerChar: number;
  /** Shortest code accepted as a scan. */
  readonly minLength: number;
  /** A pause this long means whatever came before was typing: start again. */
  readonly resetGapMs: number;
}

export const DEFAULT_BURST: BurstOptions = { avgMsPerChar: 30, minLength: 4, resetGapMs: 100 };

export interface BurstDetector {
  /** Feed one key (its `KeyboardEvent.key`) and its time in ms; returns the scanned text when a burst ends. */
  key(key: string, at: number): string | null;
}

export function createBurstDetector(options: BurstOptions = DEFAULT_BURST): BurstDetector {
  let buffer = '';
  let first = 0;
  let last = -Infinity;
  return {
    key(key, at) {
      const gap = at - last;
      if (key === 'Enter') {
        const scanned = buffer;
        buffer = '';
        last = at;
        if (gap > options.resetGapMs || scanned.length < options.minLength) return null;
        return at - first <= scanned.length * options.avgMsPerChar ? scanned : null;
      }
      if (key.length !== 1) return null; // Shift, Control…: part of typing a character, not one
      if (gap > options.resetGapMs) {
        buffer = '';
        first = at;
      }
      last = at;
      buffer += key;
      return null;
    },
  };
}
