import { create } from 'zustand';
import type { AppErrorShape } from '../../../src-shared/errors/codes';
import { play } from '../../sound/tones';
import { api } from '../../store/station-store';
import { useWedgeCapture } from '../scan/use-wedge-capture';

interface BadgeState {
  readonly error: AppErrorShape | null;
  /** Bumped on every badge scan, so a half-typed PIN can be cleared. */
  readonly scans: number;
}

const NOTICE_MS = 8000;

export const useBadgeScans = create<BadgeState>(() => ({ error: null, scans: 0 }));

/**
 * A badge scan: on the login screen it logs in, on any other screen it switches operator at once
 * (a shift change at the bench takes one scan, no menus). The scan itself is recognised by the one
 * keyboard-wedge capture (features/scan), which decides what is a badge (scan/route-scan.ts).
 */
export async function loginWithBadge(badge: string): Promise<void> {
  useBadgeScans.setState((s) => ({ scans: s.scans + 1 }));
  const result = await api().call['auth:login-badge']({ badge });
  play(result.ok ? 'ok' : 'error');
  const error = result.ok ? null : result.error;
  useBadgeScans.setState({ error });
  // A failed scan is news for a moment, not a state: it clears itself unless replaced.
  if (error) window.setTimeout(() => useBadgeScans.setState((s) => (s.error === error ? { error: null } : s)), NOTICE_MS);
}

/** The app's scanner input (badges included): the global keyboard-wedge capture. */
export function useBadgeLogin(): void {
  useWedgeCapture();
}
