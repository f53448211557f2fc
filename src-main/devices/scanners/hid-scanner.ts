/**
 * An HID POS barcode scanner (usage page 0x8C) through node-hid: reports joined into scans by
 * HidScanAssembler, the AIM id from the report, reopened by HidLink when it comes back.
 * Honeywell (0x0C2E) and Youjie (0x23D0) scanners get feature report 0xFE = [0x01] after opening to
 * switch on HID POS output (device-protocols.md §3.2, [S22]).
 */
import { HID_USAGE_PAGE_SCANNER } from '../discovery/classify';
import { HidLink, type HidApi } from '../hid/hid-link';
import { HidScanAssembler } from './hid-pos-scan-report';
import type { ScannerDriver, ScannerHealth, ScannerSinks } from './scanner-driver';

const NEEDS_POS_FEATURE = new Set([0x0c2e, 0x23d0]);

export interface HidScannerOptions {
  readonly id: string;
  readonly vendorId: number;
  readonly productId: number;
}

export class HidScanner implements ScannerDriver {
  readonly #link: HidLink;
  readonly #assembler = new HidScanAssembler();
  #health: ScannerHealth = { connected: false, lastScanAt: null, lastError: null, badFrames: 0 };

  constructor(
    private readonly options: HidScannerOptions,
    private readonly deps: { readonly hid: HidApi; readonly now: () => number; readonly sinks: ScannerSinks; readonly scanMs?: number },
  ) {
    this.#link = new HidLink(
      deps.hid,
      { vendorId: options.vendorId, productId: options.productId, usagePage: HID_USAGE_PAGE_SCANNER },
      {
        onReport: (report) => this.#take(report),
        onState: (connected, error) =>
          this.#update(error ? { connected, lastError: { code: connected ? 'device.open-failed' : 'device.disconnected', message: error.message, at: deps.now() } } : { connected }),
        onOpen: (device) => {
          if (NEEDS_POS_FEATURE.has(options.vendorId)) device.sendFeatureReport?.([0xfe, 0x01]);
        },
      },
      deps.scanMs,
    );
  }

  get id(): string {
    return this.options.id;
  }

  get address(): string {
    return `${hex(this.options.vendorId)}:${hex(this.options.productId)}`;
  }

  get health(): ScannerHealth {
    return this.#health;
  }

  start(): void {
    this.#link.start();
  }

  async stop(): Promise<void> {
    this.#link.stop();
    this.#update({ connected: false });
  }

  #take(report: Uint8Array): void {
    const result = this.#assembler.push(report);
    if (!result) return;
    const at = this.deps.now();
    if (result.kind === 'rejected') {
      this.#update({ badFrames: this.#health.badFrames + 1, lastError: { code: result.code, message: result.message, at } });
      return;
    }
    this.#update({ lastScanAt: at });
    this.deps.sinks.onScan({ raw: result.text, symbology: result.symbology, source: 'hid', deviceId: this.options.id, at: new Date(at).toISOString() });
  }

  #update(change: Partial<ScannerHealth>): void {
    this.#health = { ...this.#health, ...change };
    this.deps.sinks.onHealth(this.#health);
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(4, '0');
}
