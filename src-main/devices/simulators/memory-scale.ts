/**
 * A simulated MT-SICS or NCI scale with no pseudo-terminal: a `PortFactory` whose "port" answers the
 * driver's commands from the same pure model the socat simulator uses (scale-sim-model.ts), so the
 * bytes the driver decodes are the ones the decoders were tested against. Demo mode falls back to it
 * where socat is missing; health says `simulated: true` either way.
 *
 *   const sim = new MemoryScaleSim('sics');
 *   new SerialScale({ path: 'memory:scale', protocol: 'sics' }, { openPort: sim.openPort, timers }).start();
 *   sim.setWeight(1250);
 */
import type { PortConnection, PortFactory, PortHandlers } from '../serial/port';
import { answer, EMPTY_SCALE, type ScaleSimState, type SimProtocol } from './scale-sim-model';

/** What a test or the demo controls on any simulated scale (socat or in memory). */
export interface ScaleSimControl {
  setWeight(grams: number): void;
  setMotion(moving: boolean): void;
  readonly scaleState: ScaleSimState;
}

export class MemoryScaleSim implements ScaleSimControl {
  #state: ScaleSimState = EMPTY_SCALE;
  #handlers: PortHandlers | null = null;
  #pending = '';

  constructor(private readonly protocol: SimProtocol) {}

  get scaleState(): ScaleSimState {
    return this.#state;
  }

  setWeight(grams: number): void {
    this.#state = { ...this.#state, loadMg: Math.round(grams * 1000) };
  }

  setMotion(moving: boolean): void {
    this.#state = { ...this.#state, motion: moving };
  }

  /** The cable is pulled: the driver sees its port lost. */
  unplug(): void {
    const handlers = this.#handlers;
    this.#handlers = null;
    handlers?.onLost(new Error('simulated scale unplugged'));
  }

  readonly openPort: PortFactory = (_path, _settings, handlers) => {
    this.#handlers = handlers;
    this.#pending = '';
    const connection: PortConnection = {
      write: async (bytes) => {
        if (this.#handlers !== handlers) throw new Error('simulated scale is not connected');
        this.#hear(bytes, handlers);
      },
      close: async () => {
        if (this.#handlers === handlers) this.#handlers = null;
      },
    };
    return Promise.resolve(connection);
  };

  #hear(bytes: Uint8Array, handlers: PortHandlers): void {
    for (const byte of bytes) {
      if (byte !== 0x0d && byte !== 0x0a) {
        this.#pending += String.fromCharCode(byte & 0x7f);
        continue;
      }
      if (this.#pending === '') continue;
      const result = answer(this.protocol, this.#state, this.#pending);
      this.#pending = '';
      this.#state = result.state;
      const reply = result.reply;
      // A real line answers later than the write returns; so does this one.
      if (reply) setImmediate(() => this.#handlers === handlers && handlers.onData(reply));
    }
  }
}
