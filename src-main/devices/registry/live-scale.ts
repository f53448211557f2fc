/**
 * The live scale as the bench sees it (src-shared/domain/scale.ts LiveScale), built from a scale
 * driver's events: the current display, and the last settled weight with a sequence number that
 * grows with each settlement, so a workflow can tell a fresh weight from the one the last box left.
 *
 * Listeners hear a change of state or of the settled weight at once; a weight that only wobbles is
 * passed on at most every `minIntervalMs` (the renderer does not need 10 Hz of repaints, and the
 * WebSocket does not need the traffic), with the latest value always delivered last.
 */
import type { LiveScale } from '../../../src-shared/domain/scale';
import type { ScaleReading } from '../scales/types';

export const LIVE_SCALE_MIN_MS = 200;

export interface LiveScaleOptions {
  readonly deviceId: string | null;
  readonly simulated: boolean;
  readonly now?: () => Date;
  readonly minIntervalMs?: number;
  /** The next settlement number; the registry shares one counter across scales, so `seq` never goes back when the scale is swapped. */
  readonly nextSeq?: () => number;
}

export const DISCONNECTED_SCALE: LiveScale = { deviceId: null, status: 'disconnected', mg: null, settled: null, simulated: false };

export class LiveScaleFeed {
  #live: LiveScale;
  readonly #nextSeq: () => number;
  #lastSentAt = -Infinity;
  #trailing: ReturnType<typeof setTimeout> | null = null;
  readonly #listeners = new Set<(live: LiveScale) => void>();
  readonly #now: () => Date;
  readonly #minMs: number;

  constructor(options: LiveScaleOptions) {
    this.#live = { deviceId: options.deviceId, status: 'disconnected', mg: null, settled: null, simulated: options.simulated };
    this.#now = options.now ?? (() => new Date());
    this.#minMs = options.minIntervalMs ?? LIVE_SCALE_MIN_MS;
    let seq = 0;
    this.#nextSeq = options.nextSeq ?? (() => ++seq);
  }

  current(): LiveScale {
    return this.#live;
  }

  subscribe(listener: (live: LiveScale) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A decoded reading: the display changes; a weight only for stable and motion (scales/types.ts). */
  reading(reading: ScaleReading): void {
    const mg = reading.status === 'stable' || reading.status === 'motion' ? reading.mg : null;
    // An empty platter ends the box at once (the stability filter says "cleared" right after; stability.ts).
    const settled = reading.status === 'zero' || reading.status === 'under' ? null : this.#live.settled;
    this.#set({ ...this.#live, status: reading.status, mg, settled }, reading.status !== this.#live.status);
  }

  /** The stability filter settled: a new weight for the bench. Zero and empty never get here (stability.ts). */
  settled(mg: number): void {
    if (!(mg >= 1)) return;
    this.#set({ ...this.#live, settled: { mg, seq: this.#nextSeq(), at: this.#now().toISOString() } }, true);
  }

  /** The box left the platter: the settled weight is gone, never carried over to the next box. */
  cleared(): void {
    if (this.#live.settled) this.#set({ ...this.#live, settled: null }, true);
  }

  connected(connected: boolean): void {
    if (!connected) this.#set({ ...this.#live, status: 'disconnected', mg: null, settled: null }, true);
  }

  close(): void {
    if (this.#trailing) clearTimeout(this.#trailing);
    this.#trailing = null;
    this.#listeners.clear();
  }

  #set(next: LiveScale, urgent: boolean): void {
    const same = next.status === this.#live.status && next.mg === this.#live.mg && next.settled === this.#live.settled;
    this.#live = next;
    if (same) return;
    const wait = this.#lastSentAt + this.#minMs - Date.now();
    if (urgent || wait <= 0) {
      this.#send();
      return;
    }
    this.#trailing ??= setTimeout(() => this.#send(), wait);
  }

  #send(): void {
    if (this.#trailing) clearTimeout(this.#trailing);
    this.#trailing = null;
    this.#lastSentAt = Date.now();
    const live = this.#live;
    for (const listener of [...this.#listeners]) {
      try {
        listener(live);
      } catch {
        // One listener's bug must not starve the others of weights.
      }
    }
  }
}
