/**
 * One HID device by vendor and product id (and usage page, where a scanner exposes a keyboard and a
 * POS interface side by side), kept open: found by listing, opened, and when it errors (unplugged)
 * closed and looked for again every `scanMs`, so a device plugged back in is reading again within
 * about a second (issue 3: "hot-plug and reconnect within 2 seconds").
 *
 * node-hid cannot run here without a device, so everything goes through `HidApi`, a narrow slice of
 * node-hid 3's API (`devices()`, `new HID(path)`, the `data` / `error` events, `write`,
 * `sendFeatureReport`, `close`); the tests pass a faithful fake of it.
 */
import type { RawHidDevice } from '../discovery/classify';

export interface HidDeviceLike {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  write(data: number[]): number;
  sendFeatureReport?(data: number[]): number;
  close(): void;
}

export interface HidApi {
  devices(): readonly RawHidDevice[];
  open(path: string): HidDeviceLike;
}

export interface HidMatch {
  readonly vendorId: number;
  readonly productId: number;
  readonly usagePage?: number;
}

export interface HidLinkEvents {
  readonly onReport: (report: Uint8Array) => void;
  readonly onState: (connected: boolean, error: Error | null) => void;
  /** Right after each open (e.g. the Honeywell feature report that turns on HID POS output). */
  readonly onOpen?: (device: HidDeviceLike) => void;
}

export const HID_SCAN_MS = 500;

/** node-hid itself, loaded on first use (a native module: not loaded at all on a station without HID devices assigned). */
export async function nodeHidApi(): Promise<HidApi> {
  const hid = await import('node-hid');
  return { devices: () => hid.devices(), open: (path) => new hid.HID(path) as unknown as HidDeviceLike };
}

export class HidLink {
  #device: HidDeviceLike | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopped = true;

  constructor(
    private readonly api: HidApi,
    private readonly match: HidMatch,
    private readonly events: HidLinkEvents,
    private readonly scanMs = HID_SCAN_MS,
  ) {}

  get connected(): boolean {
    return this.#device !== null;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#tryOpen();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#drop(null, false);
  }

  /** Writes an output report; false when the device is not open or refuses it. */
  write(report: readonly number[]): boolean {
    const device = this.#device;
    if (!device) return false;
    try {
      device.write([...report]);
      return true;
    } catch (error) {
      this.#lost(error);
      return false;
    }
  }

  #tryOpen(): void {
    this.#timer = null;
    if (this.#stopped) return;
    try {
      const found = this.api.devices().find((d) => d.vendorId === this.match.vendorId && d.productId === this.match.productId && (this.match.usagePage === undefined || d.usagePage === this.match.usagePage) && d.path);
      if (found?.path) {
        const device = this.api.open(found.path);
        this.#device = device;
        device.on('data', (data) => {
          if (this.#device === device) this.events.onReport(new Uint8Array(data));
        });
        device.on('error', (error) => {
          if (this.#device === device) this.#lost(error);
        });
        this.events.onOpen?.(device);
        this.events.onState(true, null);
        return;
      }
    } catch (error) {
      // Opening failed (permissions on /dev/hidraw*, or it went away between listing and opening).
      this.events.onState(false, error instanceof Error ? error : new Error(String(error)));
    }
    this.#timer = setTimeout(() => this.#tryOpen(), this.scanMs);
  }

  #lost(error: unknown): void {
    this.#drop(error instanceof Error ? error : new Error(String(error)), true);
    if (!this.#stopped && !this.#timer) this.#timer = setTimeout(() => this.#tryOpen(), this.scanMs);
  }

  #drop(error: Error | null, tell: boolean): void {
    const device = this.#device;
    this.#device = null;
    try {
      device?.close();
    } catch {
      // Already gone.
    }
    if (device && tell) this.events.onState(false, error);
  }
}
