/**
 * A USB HID POS scale (usage page 0x8D) through node-hid: each input report decoded by
 * decodeHidScaleReport, the stability filter on top, zero by output report where the scale obeys it
 * (device-protocols.md §1, [S4]: not all do). Same events as SerialScale, so the registry treats both
 * alike; HidLink reopens it within about a second of it coming back.
 */
import type { Result } from '../../../src-shared/api/result';
import { decodeHidScaleReport, hidZeroScaleReport, type HidScaleOptions } from '../scales/hid-pos';
import { DEFAULT_STABILITY, StabilityFilter, type StabilityConfig } from '../scales/stability';
import type { ScaleHealth, SerialScaleEvents } from '../serial/serial-scale';
import { HidLink, type HidApi } from './hid-link';
import { HID_USAGE_PAGE_SCALE } from '../discovery/classify';

type Listeners = { [K in keyof SerialScaleEvents]: Set<(value: SerialScaleEvents[K]) => void> };

export class HidScale {
  readonly #link: HidLink;
  readonly #filter: StabilityFilter;
  readonly #listeners: Listeners = { reading: new Set(), settled: new Set(), cleared: new Set(), reply: new Set(), health: new Set() };
  #health: ScaleHealth = { state: 'closed', connected: false, lastReadingAt: null, lastError: null, badFrames: 0, reconnects: 0 };
  #everOpened = false;

  constructor(
    options: { readonly vendorId: number; readonly productId: number; readonly decode?: HidScaleOptions; readonly stability?: StabilityConfig },
    private readonly deps: { readonly hid: HidApi; readonly now: () => number; readonly scanMs?: number },
  ) {
    this.#filter = new StabilityFilter(options.stability ?? DEFAULT_STABILITY);
    this.#link = new HidLink(
      deps.hid,
      { vendorId: options.vendorId, productId: options.productId, usagePage: HID_USAGE_PAGE_SCALE },
      {
        onReport: (report) => this.#take(decodeHidScaleReport(report, options.decode)),
        onState: (connected, error) => {
          if (connected && this.#everOpened) this.#health = { ...this.#health, reconnects: this.#health.reconnects + 1 };
          if (connected) this.#everOpened = true;
          if (!connected) this.#filter.reset();
          const lastError = error ? { code: connected ? ('device.open-failed' as const) : ('device.disconnected' as const), message: error.message, at: deps.now() } : this.#health.lastError;
          this.#setHealth({ state: connected ? 'open' : 'lost', connected, lastError });
        },
      },
      deps.scanMs,
    );
  }

  get health(): ScaleHealth {
    return this.#health;
  }

  on<K extends keyof SerialScaleEvents>(event: K, listener: (value: SerialScaleEvents[K]) => void): () => void {
    const set = this.#listeners[event] as Set<(value: SerialScaleEvents[K]) => void>;
    set.add(listener);
    return () => set.delete(listener);
  }

  start(): void {
    this.#setHealth({ state: 'opening' });
    this.#link.start();
  }

  async stop(): Promise<void> {
    this.#link.stop();
    this.#filter.reset();
    this.#setHealth({ state: 'closed', connected: false });
  }

  async zero(): Promise<Result<null>> {
    if (!this.#link.connected) return { ok: false, error: { code: 'device.not-connected', message: 'the HID scale is not open' } };
    return this.#link.write([...hidZeroScaleReport()]) ? { ok: true, value: null } : { ok: false, error: { code: 'device.write-failed', message: 'the HID scale refused the zero report' } };
  }

  #take(decoded: ReturnType<typeof decodeHidScaleReport>): void {
    if (decoded.kind === 'reading') {
      this.#health = { ...this.#health, lastReadingAt: this.deps.now() };
      this.#emit('reading', decoded.reading);
      const event = this.#filter.push(decoded.reading);
      if (event?.type === 'settled') this.#emit('settled', { mg: event.mg, grams: event.grams, reading: event.reading });
      else if (event?.type === 'cleared') this.#emit('cleared', null);
    } else if (decoded.kind === 'rejected') {
      this.#setHealth({ badFrames: this.#health.badFrames + 1, lastError: { code: decoded.code, message: decoded.message, at: this.deps.now() } });
    }
  }

  #setHealth(change: Partial<ScaleHealth>): void {
    this.#health = { ...this.#health, ...change };
    this.#emit('health', this.#health);
  }

  #emit<K extends keyof SerialScaleEvents>(event: K, value: SerialScaleEvents[K]): void {
    for (const listener of this.#listeners[event] as Set<(value: SerialScaleEvents[K]) => void>) listener(value);
  }
}
