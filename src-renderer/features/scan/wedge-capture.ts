/**
 * Tells a keyboard-wedge scanner from a person typing, and keeps a scan out of the text field it was
 * typed into. Pure: keys and times in, actions out; the caller (use-wedge-capture.ts) applies them to
 * the DOM and calls `tick` when the idle timer it was asked for fires.
 *
 * A scanner "types" a whole code at a few milliseconds per key and ends with Enter (or Tab); people
 * need 80 ms or more per key. A burst is judged on its average speed, as onScan.js does
 * (device-protocols.md §3.1), so one late key event on a busy machine does not split a scan.
 *
 * Inside a text field the keys of a possible burst are held (not typed) until the run proves itself:
 *
 *   idle ──key──▶ burst ──Enter, fast enough, long enough──▶ scan (held keys never reach the field)
 *                   │ ──too slow on average──▶ typing: held keys released into the field, the rest pass
 *                   └ ──pause ≥ maxKeyGapMs (tick) or a slow Enter──▶ released into the field
 *
 * Outside a text field nothing is held (the keys are the screen's shortcuts, as before); only the
 * Enter that ends a scan is swallowed. Ctrl+] (and any Ctrl+@…_) is the control character it names
 * (0x1D for ], the GS1 group separator); Alt+numpad digits are an ALT code, the character when Alt is
 * released (KeyboardBarcodeScanner [S23]).
 */
export interface WedgeTiming {
  /** Average milliseconds per character a scan may take (onScan.js `avgTimeByChar`). */
  readonly avgMsPerChar: number;
  /** A pause this long ends a burst: what came before was typing. */
  readonly maxKeyGapMs: number;
  /** Shortest code accepted as a scan. */
  readonly minLength: number;
}

export interface WedgeKey {
  /** `KeyboardEvent.key`, or 'AltUp' for the release of Alt. */
  readonly key: string;
  readonly at: number;
  readonly ctrl?: boolean;
  readonly alt?: boolean;
  /** The key goes to a text field (input, textarea, contenteditable). */
  readonly inField?: boolean;
}

export type WedgeAction =
  /** Let the browser handle the key. */
  | { readonly type: 'pass' }
  /** preventDefault: the key is held (or is part of an ALT code). */
  | { readonly type: 'hold' }
  /** Type these held characters into the field after all: it was a person. */
  | { readonly type: 'release'; readonly text: string }
  /** A scan (preventDefault the key that ended it). */
  | { readonly type: 'scan'; readonly text: string };

export interface WedgeCapture {
  key(input: WedgeKey): WedgeAction[];
  /** The idle timer fired at `at`: held keys of a run that stopped are released. */
  tick(at: number): WedgeAction[];
  /** Held characters waiting for the run to prove itself (the caller arms a timer while this is non-empty). */
  readonly holding: boolean;
}

const ENDS_SCAN = new Set(['Enter', 'Tab']);
const GS = String.fromCharCode(0x1d);
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Dead', 'Unidentified']);

export function createWedgeCapture(timing: WedgeTiming): WedgeCapture {
  let buffer = '';
  let held = '';
  let first = 0;
  let last = -Infinity;
  let mode: 'idle' | 'burst' | 'typing' = 'idle';
  let altDigits = '';

  const reset = (): void => {
    buffer = '';
    held = '';
    mode = 'idle';
  };
  const releaseHeld = (): WedgeAction[] => {
    // A person's text never carries the control characters a burst may hold (GS from Ctrl+], ALT codes).
    const text = [...held].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join('');
    held = '';
    return text ? [{ type: 'release', text }] : [];
  };
  const fastEnough = (at: number): boolean => at - first <= buffer.length * timing.avgMsPerChar;

  const character = (ch: string, at: number, inField: boolean): WedgeAction[] => {
    const out: WedgeAction[] = [];
    if (at - last > timing.maxKeyGapMs || mode === 'idle') {
      out.push(...releaseHeld());
      buffer = '';
      first = at;
      mode = 'burst';
    }
    last = at;
    buffer += ch;
    if (mode === 'typing') return [...out, { type: 'pass' }];
    if (buffer.length >= 2 && !fastEnough(at)) {
      // Too slow on average to be a scanner: whatever was held was typed.
      mode = 'typing';
      return [...out, ...releaseHeld(), { type: 'pass' }];
    }
    if (!inField) return [...out, { type: 'pass' }];
    held += ch;
    return [...out, { type: 'hold' }];
  };

  const ending = (at: number): WedgeAction[] => {
    const gap = at - last;
    const scanned = buffer;
    const isScan = mode === 'burst' && gap <= timing.maxKeyGapMs && scanned.length >= timing.minLength && fastEnough(at);
    last = at;
    if (isScan) {
      reset();
      return [{ type: 'scan', text: scanned }];
    }
    const out = releaseHeld();
    reset();
    return [...out, { type: 'pass' }];
  };

  return {
    get holding() {
      return held !== '';
    },
    key({ key, at, ctrl = false, alt = false, inField = false }) {
      if (key === 'AltUp') {
        if (!altDigits) return [{ type: 'pass' }];
        const code = Number.parseInt(altDigits, 10);
        altDigits = '';
        return code > 0 && code < 0x110000 ? character(String.fromCodePoint(code), at, inField).map((a) => (a.type === 'pass' ? { type: 'hold' } : a)) : [{ type: 'hold' }];
      }
      if (alt && /^[0-9]$/.test(key)) {
        altDigits += key;
        last = at;
        return [{ type: 'hold' }];
      }
      if (ENDS_SCAN.has(key)) return ending(at);
      if (ctrl && key.length === 1) {
        // Ctrl+] is how a wedge types GS (0x1D), only ever inside a burst; every other Ctrl chord
        // (Ctrl+V, Ctrl+A…) is the person's and passes untouched.
        if (key === ']' && mode === 'burst' && buffer !== '' && at - last <= timing.maxKeyGapMs) return character(GS, at, inField).map((a) => (a.type === 'pass' ? { type: 'hold' } : a));
        // What was held goes into the field first, so a paste lands after it, as typed.
        const out = releaseHeld();
        if (mode === 'burst') mode = 'typing';
        return [...out, { type: 'pass' }];
      }
      if (key.length !== 1 && [...key].length !== 1) {
        // Shift and friends are part of typing a character; Backspace, arrows, Escape… are a person
        // editing: what was held goes into the field first, so the edit applies after it.
        if (MODIFIERS.has(key)) return [{ type: 'pass' }];
        const out = releaseHeld();
        if (mode === 'burst') mode = 'typing';
        return [...out, { type: 'pass' }];
      }
      return character(key, at, inField);
    },
    tick(at) {
      if (!held || at - last < timing.maxKeyGapMs) return [];
      const out = releaseHeld();
      mode = 'typing';
      return out;
    },
  };
}

/** From the burst's text to the scan's parts: configured prefix and suffix off, an AIM id split off. */
export function normaliseWedgeScan(text: string, config: { readonly prefix: string; readonly suffix: string }): { raw: string; symbology: string | null } {
  let data = text;
  if (config.prefix && data.startsWith(config.prefix)) data = data.slice(config.prefix.length);
  if (config.suffix && data.endsWith(config.suffix)) data = data.slice(0, data.length - config.suffix.length);
  const aim = /^\][A-Za-z][0-9A-Za-z]/.exec(data);
  return aim ? { raw: data.slice(3), symbology: aim[0] } : { raw: data, symbology: null };
}
