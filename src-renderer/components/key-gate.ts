/**
 * Single-key shortcuts (1, 2, 3 on the home screen, later on the bench) that a keyboard-wedge scan
 * must not fire: a scanner types its code a few milliseconds per key, so a character only counts
 * as a shortcut when no other character follows within `settleMs`. People never type two keys that
 * fast, so the short wait goes unnoticed. Pure: keys, times and a scheduler in.
 */
export interface KeyGateOptions {
  readonly settleMs: number;
  readonly schedule: (fire: () => void, ms: number) => unknown;
  readonly cancel: (handle: unknown) => void;
  readonly onShortcut: (key: string) => void;
}

export interface KeyGate {
  /** One printable character (`KeyboardEvent.key` of length 1) and its time in ms. */
  key(key: string, at: number): void;
  dispose(): void;
}

export const SHORTCUT_SETTLE_MS = 60;

export function createKeyGate(options: KeyGateOptions): KeyGate {
  let pending: unknown = null;
  let last = -Infinity;
  const drop = (): void => {
    if (pending !== null) options.cancel(pending);
    pending = null;
  };
  return {
    key(key, at) {
      const inBurst = at - last < options.settleMs;
      last = at;
      drop();
      if (inBurst) return;
      pending = options.schedule(() => {
        pending = null;
        options.onShortcut(key);
      }, options.settleMs);
    },
    dispose: drop,
  };
}
