/**
 * Tells a keyboard-wedge scanner from a person typing: a scanner "types" a whole code with a few
 * milliseconds between keys and ends with Enter; people need 80 ms or more per key
 * (reference/device-protocols.md §3.1). Pure: keys and times in, a finished burst out.
 */
export interface BurstOptions {
  /** Longest gap between two keys of one scan. */
  readonly maxGapMs: number;
  /** Shortest code accepted as a scan. */
  readonly minLength: number;
}

export const DEFAULT_BURST: BurstOptions = { maxGapMs: 35, minLength: 4 };

export interface BurstDetector {
  /** Feed one key (its `KeyboardEvent.key`) at a time in ms; returns the scanned text when a burst ends. */
  key(key: string, at: number): string | null;
}

export function createBurstDetector(options: BurstOptions = DEFAULT_BURST): BurstDetector {
  let buffer = '';
  let last = -Infinity;
  let fast = true;
  return {
    key(key, at) {
      const gap = at - last;
      last = at;
      if (key === 'Enter') {
        const burst = fast && gap <= options.maxGapMs && buffer.length >= options.minLength ? buffer : null;
        buffer = '';
        fast = true;
        return burst;
      }
      if (key.length !== 1) return null;
      if (buffer.length > 0 && gap > options.maxGapMs) {
        // A slow key: whatever came before was typing, and this key may start a new scan.
        buffer = '';
      }
      fast = true;
      buffer += key;
      return null;
    },
  };
}
