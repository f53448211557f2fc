/**
 * A fake clock and a fake port factory for driver unit tests (not a test file itself). The real
 * thing, over socat pseudo-terminals, is exercised in test/peers/serial.
 */
import type { PortConnection, PortFactory, PortHandlers, SerialLineSettings, Timers } from './port';

interface Pending {
  readonly at: number;
  readonly callback: () => void;
}

export class FakeTimers implements Timers {
  private time = 1_000_000;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Moves the clock on, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      let next: [number, Pending] | null = null;
      for (const entry of this.pending) if (entry[1].at <= until && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.pending.delete(next[0]);
      this.time = next[1].at;
      next[1].callback();
    }
    this.time = until;
  }
}

export interface FakeOpenPort {
  readonly path: string;
  readonly settings: SerialLineSettings;
  readonly written: Uint8Array[];
  closed: boolean;
  /** The device sends bytes. */
  send(bytes: Uint8Array | string): void;
  /** The device vanishes. */
  lose(message?: string): void;
}

/** Every open attempt succeeds while `present`, and each open port is kept in `opened` (latest last). */
export class FakePortFactory {
  present = true;
  failWrites = false;
  readonly opened: FakeOpenPort[] = [];
  attempts = 0;

  readonly open: PortFactory = async (path, settings, handlers) => {
    this.attempts++;
    if (!this.present) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    const port = this.makePort(path, settings, handlers);
    this.opened.push(port);
    return port.connection;
  };

  get latest(): FakeOpenPort {
    const port = this.opened[this.opened.length - 1];
    if (!port) throw new Error('no port was opened');
    return port;
  }

  /** Everything written to the latest port, as text. */
  writtenText(): string {
    return this.latest.written.map((b) => String.fromCharCode(...b)).join('');
  }

  private makePort(path: string, settings: SerialLineSettings, handlers: PortHandlers): FakeOpenPort & { connection: PortConnection } {
    const writesFail = () => this.failWrites;
    const port = {
      path,
      settings,
      written: [] as Uint8Array[],
      closed: false,
      send(bytes: Uint8Array | string) {
        if (!port.closed) handlers.onData(typeof bytes === 'string' ? Uint8Array.from(bytes, (c) => c.charCodeAt(0)) : bytes);
      },
      lose(message = 'bad file descriptor') {
        if (port.closed) return;
        port.closed = true;
        handlers.onLost(new Error(message));
      },
      connection: {
        async write(bytes: Uint8Array) {
          if (port.closed || writesFail()) throw new Error('write EIO');
          port.written.push(bytes);
        },
        async close() {
          port.closed = true;
        },
      },
    };
    return port;
  }
}
