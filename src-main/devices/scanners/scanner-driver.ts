import type { ScanEvent } from '../../../src-shared/domain/scan';
import type { AppErrorShape } from '../../../src-shared/errors/codes';

/** What the registry needs from any scanner it reads in main (HID POS, serial). */
export interface ScannerHealth {
  readonly connected: boolean;
  readonly lastScanAt: number | null;
  readonly lastError: (AppErrorShape & { readonly at: number }) | null;
  /** Reports or lines refused (bad reports, over-long lines). */
  readonly badFrames: number;
}

export interface ScannerDriver {
  readonly id: string;
  readonly address: string;
  start(): void;
  stop(): Promise<void>;
  readonly health: ScannerHealth;
}

export interface ScannerSinks {
  readonly onScan: (scan: ScanEvent) => void;
  readonly onHealth: (health: ScannerHealth) => void;
}
