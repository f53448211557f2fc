import { useEffect } from 'react';
import { api, useStation } from './store/station-store';

/**
 * Locks the screen after the station's idle time without a key or touch. Main enforces the same
 * limit on its side (src-main/auth/session-holder.ts), so a frozen screen never keeps a session.
 */
export function useIdleLock(): void {
  const seconds = useStation((s) => s.info?.idleLockSeconds ?? 0);
  const loggedIn = useStation((s) => s.session !== null);
  useEffect(() => {
    if (!loggedIn || seconds <= 0) return;
    let last = Date.now();
    const touch = (): void => {
      last = Date.now();
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    const timer = setInterval(() => {
      if (Date.now() - last <= seconds * 1000) return;
      last = Date.now(); // one lock call per idle period, not one a second while it travels
      void api().call['auth:lock']({});
    }, 1000);
    return () => {
      clearInterval(timer);
      for (const e of events) window.removeEventListener(e, touch);
    };
  }, [seconds, loggedIn]);
}
