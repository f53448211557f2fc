import { create } from 'zustand';
import { DEFAULT_WEDGE, type WedgeConfig } from '../../../src-shared/domain/devices';
import type { ScanEvent } from '../../../src-shared/domain/scan';

interface ScanState {
  readonly config: WedgeConfig;
  /** The last scan the station received (any scanner), for the Devices tab. */
  readonly last: ScanEvent | null;
  /** Screens that take unclaimed scans themselves (the Devices tab's scan test); no badge fallback while > 0. */
  readonly takers: number;
}

export const useScans = create<ScanState>(() => ({ config: DEFAULT_WEDGE, last: null, takers: 0 }));

/** A screen that shows scans itself, so an unclaimed scan is not taken for a badge while it is open. */
export function takeScans(): () => void {
  useScans.setState((s) => ({ takers: s.takers + 1 }));
  return () => useScans.setState((s) => ({ takers: Math.max(0, s.takers - 1) }));
}
