import { useEffect, useRef } from 'react';
import { createKeyGate, SHORTCUT_SETTLE_MS } from './key-gate';

/** Keys that no scanner types, so they act at once. */
const IMMEDIATE = /^(F\d{1,2}|Escape)$/;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Screen-wide keyboard shortcuts: `onKey` gets F-keys and Esc at once, wherever the focus is, and
 * single characters only outside text fields and when they are not part of a scanner burst
 * (key-gate.ts). Chords with Ctrl/Alt/Meta are left alone.
 */
export function useShortcutKeys(onKey: (key: string) => void): void {
  const latest = useRef(onKey);
  useEffect(() => {
    latest.current = onKey;
  });
  useEffect(() => {
    const gate = createKeyGate({
      settleMs: SHORTCUT_SETTLE_MS,
      schedule: (fire, ms) => window.setTimeout(fire, ms),
      cancel: (handle) => window.clearTimeout(handle as number),
      onShortcut: (key) => latest.current(key),
    });
    const listener = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      // F-keys and Esc act even from a text field: the bench keeps its scan field focused, and
      // nobody types an F-key into a field. Single characters in a field are the person's.
      if (IMMEDIATE.test(event.key)) {
        event.preventDefault(); // F1 would open the browser's help in station server mode
        latest.current(event.key);
      } else if (event.key.length === 1 && !isTyping(event.target)) {
        gate.key(event.key, event.timeStamp);
      }
    };
    window.addEventListener('keydown', listener);
    return () => {
      window.removeEventListener('keydown', listener);
      gate.dispose();
    };
  }, []);
}
