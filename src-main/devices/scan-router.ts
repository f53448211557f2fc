import type { ScanEvent } from '../../src-shared/domain/scan';

/** What a workflow does with a scan; it resolves once the scan's effect is committed. */
export type ScanHandler = (scan: ScanEvent) => Promise<void>;

/**
 * The one place every scan goes, whatever the scanner: the keyboard wedge (through the contract),
 * HID POS and serial scanners (through their transports) and the scripted simulator. The active
 * workflow (the packing bench, the returns desk) takes scans by `claim`ing the router; without a
 * claimant a scan is handed to `unclaimed` (the login screen's badge path, or a "nothing is open"
 * notice). Scans are delivered one at a time, in arrival order, so two quick scans can never race
 * each other into the database.
 */
export class ScanRouter {
  #handler: ScanHandler | null = null;
  #tail: Promise<void> = Promise.resolve();
  readonly #unclaimed: ScanHandler;
  readonly #onError: (error: unknown, scan: ScanEvent) => void;
  readonly #observe: ((scan: ScanEvent) => void) | undefined;

  constructor(options: {
    readonly unclaimed: ScanHandler;
    readonly onError: (error: unknown, scan: ScanEvent) => void;
    /** Sees every scan as it is queued (device health, the Devices tab's "last scan"); must not throw. */
    readonly observe?: (scan: ScanEvent) => void;
  }) {
    this.#unclaimed = options.unclaimed;
    this.#onError = options.onError;
    this.#observe = options.observe;
  }

  /** True while a workflow holds the router (the renderer falls back to a badge login when nothing does). */
  get claimed(): boolean {
    return this.#handler !== null;
  }

  /** Makes `handler` the receiver of every scan until the returned release is called. */
  claim(handler: ScanHandler): () => void {
    this.#handler = handler;
    return () => {
      if (this.#handler === handler) this.#handler = null;
    };
  }

  /** Queues a scan; resolves when its handler has finished with it (errors go to `onError`, never to the sender). */
  push(scan: ScanEvent): Promise<void> {
    try {
      this.#observe?.(scan);
    } catch {
      // An observer's bug must not lose a scan.
    }
    const run = async (): Promise<void> => {
      try {
        await (this.#handler ?? this.#unclaimed)(scan);
      } catch (error) {
        this.#onError(error, scan);
      }
    };
    const next = this.#tail.then(run);
    this.#tail = next;
    return next;
  }
}
