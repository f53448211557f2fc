/**
 * The badge detector the login screen started with, now a thin view of the one keyboard-wedge
 * capture (features/scan/wedge-capture.ts): keys and times in, a finished scan out. Kept for its
 * callers and tests; the app itself runs the capture through use-wedge-capture.ts.
 */
import { createWedgeCapture } from '../scan/wedge-capture';

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
  const capture = createWedgeCapture({ avgMsPerChar: options.avgMsPerChar, minLength: options.minLength, maxKeyGapMs: options.resetGapMs });
  return {
    key(key, at) {
      const scan = capture.key({ key, at }).find((a) => a.type === 'scan');
      return scan?.type === 'scan' ? scan.text : null;
    },
  };
}
