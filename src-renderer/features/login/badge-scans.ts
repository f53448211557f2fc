import { useEffect } from 'react';
import { create } from 'zustand';
import type { AppErrorShape } from '../../../src-shared/errors/codes';
import { play } from '../../sound/tones';
import { api } from '../../store/station-store';
import { createBurstDetector } from './burst-detector';

interface BadgeState {
  readonly error: AppErrorShape | null;
  /** Bumped on every badge scan, so a half-typed PIN can be cleared. */
  readonly scans: number;
}

const NOTICE_MS = 8000;

export const useBadgeScans = create<BadgeState>(() => ({ error: null, scans: 0 }));

/**
 * Badge scans from anywhere in the app: on the login screen they log in, on any other screen they
 * switch operator at once (a shift change at the bench takes one scan, no menus). Listens in the
 * capture phase and swallows the Enter that ends a burst, so no screen also acts on it.
 */
export function useBadgeLogin(): void {
  useEffect(() => {
    const detector = createBurstDetector();
    const onKey = (event: KeyboardEvent): void => {
      const badge = detector.key(event.key, event.timeStamp);
      if (!badge) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      useBadgeScans.setState((s) => ({ scans: s.scans + 1 }));
      void api()
        .call['auth:login-badge']({ badge })
        .then((result) => {
          play(result.ok ? 'ok' : 'error');
          const error = result.ok ? null : result.error;
          useBadgeScans.setState({ error });
          // A failed scan is news for a moment, not a state: it clears itself unless replaced.
          if (error) window.setTimeout(() => useBadgeScans.setState((s) => (s.error === error ? { error: null } : s)), NOTICE_MS);
        });
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
