/**
 * A serial scale on a socat pseudo-terminal, for the tests and for demo mode: it answers like an
 * MT-SICS balance or an NCI scale, on request or continuously, and its weight is scripted (put a
 * box on, make it wobble, zero it, overload it). `killSocat()` and `restart()` pull the cable and
 * plug it back in.
 *
 *   const sim = await SerialScaleSim.start({ protocol: 'nci' });
 *   new SerialScale({ path: sim.appPath, protocol: 'nci' }, …).start();
 *   sim.setWeight(1250);            // grams on the platter
 */
import { scaleProtocolProfile } from '../serial/scale-protocols';
import { openNodeSerialPort } from '../serial/node-serial-port';
import type { PortConnection, PortFactory } from '../serial/port';
import { answer, EMPTY_SCALE, weightFrame, type ScaleSimState, type SimProtocol } from './scale-sim-model';
import { SocatPair } from './socat-pair';

export interface SerialScaleSimOptions {
  readonly protocol: SimProtocol;
  /** `continuous`: send the weight every `intervalMs` by itself; `on-request` (default): only answer. */
  readonly mode?: 'continuous' | 'on-request';
  /** Continuous and MT-SICS SIR output period (default 100 ms: 10 Hz, as shipping scales send). */
  readonly intervalMs?: number;
  /** Folder for the two pty links (default: a new temp folder). */
  readonly dir?: string;
  readonly openPort?: PortFactory;
}

const MAX_COMMAND = 64;

export class SerialScaleSim {
  /** Every command received, without its terminator, oldest first. */
  readonly received: string[] = [];
  private state: ScaleSimState = EMPTY_SCALE;
  private port: PortConnection | null = null;
  private pending = '';
  private repeating: boolean;
  private ticker: ReturnType<typeof setInterval> | null = null;

  private constructor(
    private readonly socat: SocatPair,
    private readonly options: SerialScaleSimOptions,
  ) {
    this.repeating = options.mode === 'continuous';
  }

  static async start(options: SerialScaleSimOptions): Promise<SerialScaleSim> {
    const sim = new SerialScaleSim(await SocatPair.start(options.dir), options);
    try {
      await sim.attach();
    } catch (error) {
      await sim.socat.close();
      throw error;
    }
    return sim;
  }

  /** The path the app opens. */
  get appPath(): string {
    return this.socat.appPath;
  }

  get scaleState(): ScaleSimState {
    return this.state;
  }

  /** Grams on the platter (from the power-up zero). */
  setWeight(grams: number): void {
    this.state = { ...this.state, loadMg: Math.round(grams * 1000) };
  }

  setMotion(moving: boolean): void {
    this.state = { ...this.state, motion: moving };
  }

  setOverload(overloaded: boolean): void {
    this.state = { ...this.state, overload: overloaded };
  }

  /** The zero key: what lies on the platter now reads zero. */
  zero(): void {
    this.state = { ...this.state, zeroMg: this.state.loadMg, tareMg: 0 };
  }

  /** Raw bytes on the line (noise, a frame from another protocol). */
  async inject(bytes: Uint8Array | string): Promise<void> {
    await this.write(typeof bytes === 'string' ? Uint8Array.from(bytes, (c) => c.charCodeAt(0) & 0xff) : bytes);
  }

  /** The device vanishes: socat ends, both links disappear. */
  async killSocat(): Promise<void> {
    this.detach();
    await this.socat.kill();
  }

  /** The device comes back on the same path. */
  async restart(): Promise<void> {
    this.detach();
    await this.socat.restart();
    await this.attach();
  }

  async close(): Promise<void> {
    this.detach();
    await this.socat.close();
  }

  private async attach(): Promise<void> {
    const openPort = this.options.openPort ?? openNodeSerialPort;
    const line = scaleProtocolProfile(this.options.protocol).line;
    this.port = await openPort(this.socat.devicePath, line, {
      onData: (chunk) => this.hear(chunk),
      onLost: () => this.detach(),
    });
    this.ticker = setInterval(() => {
      if (this.repeating) void this.write(weightFrame(this.options.protocol, this.state));
    }, this.options.intervalMs ?? 100);
  }

  private detach(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    const port = this.port;
    this.port = null;
    this.pending = '';
    void port?.close();
  }

  /** Commands end with CR (NCI) or CR LF (MT-SICS); an over-long line is dropped, as a scale's buffer would. */
  private hear(chunk: Uint8Array): void {
    for (const byte of chunk) {
      const c = byte & 0x7f;
      if (c !== 0x0d && c !== 0x0a) {
        this.pending = this.pending.length < MAX_COMMAND ? this.pending + String.fromCharCode(c) : this.pending;
        continue;
      }
      if (this.pending === '') continue;
      const command = this.pending;
      this.pending = '';
      this.received.push(command);
      const result = answer(this.options.protocol, this.state, command);
      this.state = result.state;
      if (result.repeat !== null && this.options.mode !== 'continuous') this.repeating = result.repeat;
      if (result.reply) void this.write(result.reply);
    }
  }

  private async write(bytes: Uint8Array): Promise<void> {
    try {
      await this.port?.write(bytes);
    } catch {
      // The cable is being pulled; the port's own close tells us.
    }
  }
}
