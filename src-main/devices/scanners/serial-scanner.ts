/**
 * A serial / USB-CDC barcode scanner: 9600 8N1 by default, one barcode per line (line-splitter.ts),
 * an AIM id at the start taken off into `symbology`. Reopens a vanished port every RETRY_MS, so a
 * scanner plugged back in reads again within about a second (issue 3: reconnect within 2 s).
 */
import type { ErrorCode } from '../../../src-shared/errors/codes';
import type { PortConnection, PortFactory, SerialLineSettings, Timers } from '../serial/port';
import { LineSplitter, type ScanTerminator } from './line-splitter';
import type { ScannerDriver, ScannerHealth, ScannerSinks } from './scanner-driver';
import { splitAim } from './scan-text';

export interface SerialScannerOptions {
  readonly id: string;
  readonly path: string;
  readonly baudRate?: number;
  readonly terminator?: ScanTerminator;
}

export const SCANNER_RETRY_MS = 500;

export class SerialScanner implements ScannerDriver {
  #connection: PortConnection | null = null;
  #generation = 0;
  #stopped = true;
  #retry: unknown = null;
  #splitter: LineSplitter;
  #health: ScannerHealth = { connected: false, lastScanAt: null, lastError: null, badFrames: 0 };
  readonly #decoder = new TextDecoder('utf-8');

  constructor(
    private readonly options: SerialScannerOptions,
    private readonly deps: { readonly openPort: PortFactory; readonly timers: Timers; readonly sinks: ScannerSinks },
  ) {
    this.#splitter = new LineSplitter(options.terminator ?? 'any');
  }

  get id(): string {
    return this.options.id;
  }

  get address(): string {
    return this.options.path;
  }

  get health(): ScannerHealth {
    return this.#health;
  }

  get line(): SerialLineSettings {
    return { baudRate: this.options.baudRate ?? 9600, dataBits: 8, parity: 'none', stopBits: 1 };
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#open();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#generation++;
    if (this.#retry !== null) this.deps.timers.clearTimeout(this.#retry);
    this.#retry = null;
    const connection = this.#connection;
    this.#connection = null;
    this.#update({ connected: false });
    await connection?.close();
  }

  #open(): void {
    const generation = ++this.#generation;
    this.deps
      .openPort(this.options.path, this.line, {
        onData: (chunk) => {
          if (generation === this.#generation) this.#take(chunk);
        },
        onLost: (error) => {
          if (generation === this.#generation) this.#lose('device.disconnected', error);
        },
      })
      .then(
        (connection) => {
          if (generation !== this.#generation || this.#stopped) {
            void connection.close();
            return;
          }
          this.#connection = connection;
          this.#splitter = new LineSplitter(this.options.terminator ?? 'any');
          this.#update({ connected: true });
        },
        (error: unknown) => {
          if (generation === this.#generation) this.#lose('device.open-failed', error);
        },
      );
  }

  #take(chunk: Uint8Array): void {
    const { lines, overlong } = this.#splitter.push(chunk);
    if (overlong > 0) this.#update({ badFrames: this.#health.badFrames + overlong, lastError: this.#error('scanner.too-long', 'a line longer than 4096 bytes (is the scanner\'s suffix set?)') });
    for (const line of lines) {
      const text = this.#decoder.decode(line);
      const { raw, symbology } = splitAim(text);
      if (raw.length === 0) continue;
      const at = this.deps.timers.now();
      this.#update({ lastScanAt: at });
      this.deps.sinks.onScan({ raw, symbology, source: 'serial', deviceId: this.options.id, at: new Date(at).toISOString() });
    }
  }

  #lose(code: ErrorCode, error: unknown): void {
    const connection = this.#connection;
    this.#connection = null;
    void connection?.close();
    this.#update({ connected: false, lastError: this.#error(code, error instanceof Error ? error.message : String(error)) });
    if (this.#stopped) return;
    this.#retry = this.deps.timers.setTimeout(() => {
      this.#retry = null;
      if (!this.#stopped) this.#open();
    }, SCANNER_RETRY_MS);
  }

  #error(code: ErrorCode, message: string): ScannerHealth['lastError'] {
    return { code, message, at: this.deps.timers.now() };
  }

  #update(change: Partial<ScannerHealth>): void {
    this.#health = { ...this.#health, ...change };
    this.deps.sinks.onHealth(this.#health);
  }
}
