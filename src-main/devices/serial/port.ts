/**
 * The boundary between the serial drivers and the machine: a port factory and a clock, both passed
 * in, so a driver runs the same over a real tty, a socat pseudo-terminal or a fake in a unit test.
 */

export type Parity = 'none' | 'even' | 'odd';

/** How the bytes are framed on the wire. Every field is a setting on the indicator, so every field is user-settable. */
export interface SerialLineSettings {
  readonly baudRate: number;
  readonly dataBits: 7 | 8;
  readonly parity: Parity;
  readonly stopBits: 1 | 2;
}

export interface PortHandlers {
  /** Bytes as the port delivered them, in any chunking. */
  onData(chunk: Uint8Array): void;
  /** The port closed by itself (device unplugged, pty gone, read or write error). Not called after `close()`. */
  onLost(error: Error): void;
}

/** An open port. */
export interface PortConnection {
  /** Resolves once the bytes are handed to the OS; rejects when the port cannot take them. */
  write(bytes: Uint8Array): Promise<void>;
  /** Closes the port; never rejects (a port that is already gone is closed). */
  close(): Promise<void>;
}

/** Opens `path`; rejects when it cannot (no such device, permission, busy). */
export type PortFactory = (path: string, settings: SerialLineSettings, handlers: PortHandlers) => Promise<PortConnection>;

/** Wall-clock time and one-shot timers: the only clock a driver uses. */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_TIMERS: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
