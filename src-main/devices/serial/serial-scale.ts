/**
 * A serial scale on a port: opens it with the protocol's line settings, feeds the bytes through the
 * protocol's decoder and the stability filter, polls when the protocol needs asking, and comes back
 * by itself when the device vanishes. Garbage on the line is counted, never thrown.
 *
 *   closed ──start()──▶ opening ──opened──▶ open ──port lost / write failed──▶ lost
 *                          ▲  └──open failed──────────────────────────────────▶ │
 *                          └───────────── retry timer (100 ms doubling to 1 s) ──┘
 *   stop() from any state ──▶ closed
 *
 * The retry delay is capped at 1 s so a device that comes back is open again within about a second
 * (issue 3: "reconnect within 2 seconds"); it resets after every successful open.
 */
import type { Result } from '../../../src-shared/api/result';
import type { AppErrorShape, ErrorCode } from '../../../src-shared/errors/codes';
import { ScaleStream, serialScaleCodec, type SerialScaleProtocol } from '../scales/scale-stream';
import { DEFAULT_STABILITY, StabilityFilter, type StabilityConfig } from '../scales/stability';
import type { ToledoOptions } from '../scales/toledo-continuous';
import type { ScaleDecoded, ScaleReading, ScaleReply } from '../scales/types';
import type { PortConnection, PortFactory, SerialLineSettings, Timers } from './port';
import { scaleProtocolProfile, type ScaleCommand, type ScaleMode, type ScaleProtocolProfile, type SicsPoll } from './scale-protocols';

export type PortState = 'closed' | 'opening' | 'open' | 'lost';

export interface ScaleHealth {
  readonly state: PortState;
  readonly connected: boolean;
  /** Epoch ms of the last reading (any status), or null. */
  readonly lastReadingAt: number | null;
  readonly lastError: (AppErrorShape & { readonly at: number }) | null;
  /** Frames the decoder rejected: garbage, bad checksums, broken or truncated frames. */
  readonly badFrames: number;
  /** Successful opens after the first one. */
  readonly reconnects: number;
}

export interface SettledWeight {
  readonly mg: number;
  readonly grams: number;
  readonly reading: ScaleReading;
}

export interface SerialScaleEvents {
  readonly reading: ScaleReading;
  /** One per box: the stability filter settled. */
  readonly settled: SettledWeight;
  /** The settled box left the platter. */
  readonly cleared: null;
  /** The scale answering a command ("Z A", CAS ACK…). */
  readonly reply: ScaleReply;
  /** The port state, the error count or the last error changed. */
  readonly health: ScaleHealth;
}

export interface SerialScaleOptions {
  readonly path: string;
  readonly protocol: SerialScaleProtocol;
  /** Overrides the protocol's default line settings (the indicator is configurable). */
  readonly line?: Partial<SerialLineSettings>;
  /** Default: polled every 200 ms, except Toledo (continuous only). */
  readonly mode?: ScaleMode;
  readonly sicsPoll?: SicsPoll;
  readonly stability?: StabilityConfig;
  readonly toledo?: ToledoOptions;
}

export interface SerialScaleDeps {
  readonly openPort: PortFactory;
  readonly timers: Timers;
}

export const FIRST_RETRY_MS = 100;
export const MAX_RETRY_MS = 1_000;
const MIN_POLL_MS = 20;

type Listeners = { [K in keyof SerialScaleEvents]: Set<(value: SerialScaleEvents[K]) => void> };

export class SerialScale {
  readonly line: SerialLineSettings;
  readonly mode: ScaleMode;
  private readonly profile: ScaleProtocolProfile;
  private readonly filter: StabilityFilter;
  private readonly listeners: Listeners = { reading: new Set(), settled: new Set(), cleared: new Set(), reply: new Set(), health: new Set() };
  private state: PortState = 'closed';
  /** Bumped on every open attempt and on stop(), so callbacks of an older port are ignored. */
  private generation = 0;
  private connection: PortConnection | null = null;
  private stream: ScaleStream;
  private retryTimer: unknown = null;
  private pollTimer: unknown = null;
  private retryMs = FIRST_RETRY_MS;
  private everOpened = false;
  private lastReadingAt: number | null = null;
  private lastError: ScaleHealth['lastError'] = null;
  private badFrames = 0;
  private reconnects = 0;

  constructor(
    private readonly options: SerialScaleOptions,
    private readonly deps: SerialScaleDeps,
  ) {
    this.profile = scaleProtocolProfile(options.protocol, options.sicsPoll);
    this.line = { ...this.profile.line, ...options.line };
    this.mode = options.mode ?? this.profile.defaultMode;
    if (this.mode.kind === 'polled' && !this.profile.poll) throw new RangeError(`a ${options.protocol} scale cannot be polled; use continuous mode`);
    if (this.mode.kind === 'polled' && !(Number.isInteger(this.mode.everyMs) && this.mode.everyMs >= MIN_POLL_MS)) {
      throw new RangeError(`poll interval must be a whole number of ms ≥ ${MIN_POLL_MS}, got ${this.mode.everyMs}`);
    }
    this.filter = new StabilityFilter(options.stability ?? DEFAULT_STABILITY);
    this.stream = this.newStream();
  }

  get health(): ScaleHealth {
    return {
      state: this.state,
      connected: this.state === 'open',
      lastReadingAt: this.lastReadingAt,
      lastError: this.lastError,
      badFrames: this.badFrames,
      reconnects: this.reconnects,
    };
  }

  on<K extends keyof SerialScaleEvents>(event: K, listener: (value: SerialScaleEvents[K]) => void): () => void {
    const set = this.listeners[event] as Set<(value: SerialScaleEvents[K]) => void>;
    set.add(listener);
    return () => set.delete(listener);
  }

  start(): void {
    if (this.state === 'closed') this.open();
  }

  async stop(): Promise<void> {
    this.generation++;
    this.clearTimers();
    const connection = this.connection;
    this.connection = null;
    this.filter.reset();
    this.setState('closed');
    await connection?.close();
  }

  zero(): Promise<Result<null>> {
    return this.command('zero');
  }

  tare(): Promise<Result<null>> {
    return this.command('tare');
  }

  clearTare(): Promise<Result<null>> {
    return this.command('clear-tare');
  }

  async command(command: ScaleCommand): Promise<Result<null>> {
    const bytes = this.profile.commands[command];
    if (!bytes) return this.refuse('device.unsupported-command', `a ${this.options.protocol} scale has no ${command} command`);
    const connection = this.connection;
    if (this.state !== 'open' || !connection) return this.refuse('device.not-connected', `${this.options.path} is not open`);
    const written = await this.write(connection, bytes);
    if (!written) return this.refuse('device.write-failed', `could not write to ${this.options.path}`);
    // Any command ends MT-SICS repetition (SIR): ask for it again.
    if (this.mode.kind === 'continuous' && this.profile.startContinuous) void this.write(connection, this.profile.startContinuous);
    return { ok: true, value: null };
  }

  private open(): void {
    const generation = ++this.generation;
    this.setState('opening');
    const handlers = {
      onData: (chunk: Uint8Array) => {
        if (generation === this.generation) this.take(this.stream.push(chunk));
      },
      onLost: (error: Error) => {
        if (generation === this.generation && this.state === 'open') this.lose('device.disconnected', error);
      },
    };
    this.deps.openPort(this.options.path, this.line, handlers).then(
      (connection) => {
        if (generation !== this.generation || this.state !== 'opening') void connection.close();
        else this.opened(connection);
      },
      (error: unknown) => {
        if (generation === this.generation && this.state === 'opening') this.lose('device.open-failed', error);
      },
    );
  }

  private opened(connection: PortConnection): void {
    this.connection = connection;
    this.stream = this.newStream();
    this.filter.reset();
    this.retryMs = FIRST_RETRY_MS;
    if (this.everOpened) this.reconnects++;
    this.everOpened = true;
    this.setState('open');
    if (this.mode.kind === 'polled') this.poll(connection, this.mode.everyMs);
    else if (this.profile.startContinuous) void this.write(connection, this.profile.startContinuous);
  }

  private poll(connection: PortConnection, everyMs: number): void {
    const request = this.profile.poll;
    if (this.connection !== connection || !request) return;
    void this.write(connection, request);
    this.pollTimer = this.deps.timers.setTimeout(() => this.poll(connection, everyMs), everyMs);
  }

  /** True when written; a failed write loses the port (serialport closes it too). */
  private async write(connection: PortConnection, bytes: Uint8Array): Promise<boolean> {
    try {
      await connection.write(bytes);
      return true;
    } catch (error) {
      if (this.connection === connection && this.state === 'open') this.lose('device.write-failed', error);
      return false;
    }
  }

  private lose(code: ErrorCode, error: unknown): void {
    const connection = this.connection;
    this.connection = null;
    this.clearTimers();
    this.filter.reset();
    this.lastError = { code, message: error instanceof Error ? error.message : String(error), at: this.deps.timers.now() };
    this.setState('lost');
    void connection?.close();
    this.retryTimer = this.deps.timers.setTimeout(() => {
      this.retryTimer = null;
      if (this.state === 'lost') this.open();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }

  private take(decoded: readonly ScaleDecoded[]): void {
    for (const item of decoded) {
      switch (item.kind) {
        case 'reading':
          this.lastReadingAt = this.deps.timers.now();
          this.emit('reading', item.reading);
          this.settle(item.reading);
          break;
        case 'reply':
          this.emit('reply', item);
          if (item.reply === 'ack' && this.mode.kind === 'polled' && this.profile.afterAck && this.connection) void this.write(this.connection, this.profile.afterAck);
          break;
        case 'rejected':
          this.badFrames++;
          this.lastError = { code: item.code, message: item.message, at: this.deps.timers.now() };
          this.emit('health', this.health);
          break;
        default: {
          const never: never = item;
          throw new Error(`unknown decoded frame ${String(never)}`);
        }
      }
    }
  }

  private settle(reading: ScaleReading): void {
    const event = this.filter.push(reading);
    if (event?.type === 'settled') this.emit('settled', { mg: event.mg, grams: event.grams, reading: event.reading });
    else if (event?.type === 'cleared') this.emit('cleared', null);
  }

  private refuse(code: ErrorCode, message: string): Result<null> {
    return { ok: false, error: { code, message } };
  }

  private newStream(): ScaleStream {
    return new ScaleStream(serialScaleCodec(this.options.protocol, this.options.toledo ? { toledo: this.options.toledo } : {}));
  }

  private setState(state: PortState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('health', this.health);
  }

  private clearTimers(): void {
    if (this.retryTimer !== null) this.deps.timers.clearTimeout(this.retryTimer);
    if (this.pollTimer !== null) this.deps.timers.clearTimeout(this.pollTimer);
    this.retryTimer = null;
    this.pollTimer = null;
  }

  private emit<K extends keyof SerialScaleEvents>(event: K, value: SerialScaleEvents[K]): void {
    for (const listener of this.listeners[event] as Set<(value: SerialScaleEvents[K]) => void>) listener(value);
  }
}
