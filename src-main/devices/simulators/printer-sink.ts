/**
 * A label printer on TCP 9100, for the tests and for demo mode: it keeps every job it receives,
 * answers `~HS` like a Zebra in the state it is told to be in, and renders the ZPL it got to PNG
 * (zpl-renderer-js) so the UI can show the label that "printed". It can also misbehave as real
 * printers do: refuse connections (switched off), stall (accept but never read: paper out with a
 * full buffer), or drop them (reset mid-job).
 *
 *   const sink = await PrinterSink.start();          // 127.0.0.1, a free port
 *   await print(`tcp://127.0.0.1:${sink.port}`, …);
 *   sink.jobs[0].bytes                               // exactly what arrived
 *   sink.setStatus('paper-out');  await sink.setBehaviour('refuse');
 */
import { createRequire } from 'node:module';
import net from 'node:net';
import type * as ZplRenderer from 'zpl-renderer-js';
import { formatHostStatus, IDLE_HOST_STATUS, type HostStatus } from '../printers/host-status';

export type SinkStatus = 'ok' | 'paper-out' | 'head-open' | 'paused' | 'ribbon-out' | 'silent';
export type SinkBehaviour = 'accept' | 'refuse' | 'stall' | 'drop';

export interface SinkJob {
  /** Every byte of the connection, `~HS` commands included, as it arrived. */
  readonly bytes: Buffer;
  readonly receivedAt: Date;
}

export interface PrinterSinkOptions {
  readonly host?: string;
  /** 0 (default): a free port. */
  readonly port?: number;
  readonly status?: SinkStatus | HostStatus;
  readonly behaviour?: SinkBehaviour;
}

/** Label size for rendering: 4×6 in at 203 dpi (8 dots/mm) unless told otherwise. */
export interface RenderSize {
  readonly widthMm: number;
  readonly heightMm: number;
  readonly dotsPerMm: number;
}

const STATUS_COMMAND = /~HS/gi;
const FOUR_BY_SIX: RenderSize = { widthMm: 101.6, heightMm: 152.4, dotsPerMm: 8 };
const STATUSES: Readonly<Record<Exclude<SinkStatus, 'silent'>, HostStatus>> = {
  ok: IDLE_HOST_STATUS,
  'paper-out': { ...IDLE_HOST_STATUS, paperOut: true },
  'head-open': { ...IDLE_HOST_STATUS, headOpen: true },
  paused: { ...IDLE_HOST_STATUS, paused: true },
  'ribbon-out': { ...IDLE_HOST_STATUS, ribbonOut: true, thermalTransfer: true },
};

export class PrinterSink {
  /** Finished connections that carried more than `~HS`, oldest first. */
  readonly jobs: SinkJob[] = [];
  /** How many `~HS` commands arrived (answered or not). */
  statusQueries = 0;
  #server: net.Server | null = null;
  #status: SinkStatus | HostStatus;
  #behaviour: SinkBehaviour;
  readonly #sockets = new Set<net.Socket>();
  readonly #waiters = new Set<() => void>();

  private constructor(
    readonly host: string,
    public port: number,
    options: PrinterSinkOptions,
  ) {
    this.#status = options.status ?? 'ok';
    this.#behaviour = options.behaviour ?? 'accept';
  }

  static async start(options: PrinterSinkOptions = {}): Promise<PrinterSink> {
    const sink = new PrinterSink(options.host ?? '127.0.0.1', options.port ?? 0, options);
    // Listen even when starting "switched off", so the sink has its port from the start.
    await sink.#listen();
    if (sink.#behaviour === 'refuse') await sink.#unlisten();
    return sink;
  }

  /** The printer address the station uses for this sink. */
  get uri(): string {
    return `tcp://${this.host}:${this.port}`;
  }

  /** What `~HS` answers from now on; `silent` answers nothing (a Zebra in error). */
  setStatus(status: SinkStatus | HostStatus): void {
    this.#status = status;
  }

  /** `refuse` closes the port (connections refused); any other behaviour opens it again, on the same port. */
  async setBehaviour(behaviour: SinkBehaviour): Promise<void> {
    this.#behaviour = behaviour;
    if (behaviour === 'refuse') await this.#unlisten();
    else if (!this.#server) await this.#listen();
  }

  /** Resolves with the jobs once `count` have arrived. */
  async waitForJobs(count: number, timeoutMs = 5_000): Promise<SinkJob[]> {
    if (this.jobs.length >= count) return this.jobs.slice(0, count);
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (this.jobs.length < count) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`printer sink: ${this.jobs.length} of ${count} jobs after ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.#waiters.delete(check);
      };
      this.#waiters.add(check);
    });
    return this.jobs.slice(0, count);
  }

  /** The PNGs of a received ZPL job (one per `^XA…^XZ` format), as the printer would print them. */
  async renderJob(index = this.jobs.length - 1, size: RenderSize = FOUR_BY_SIX): Promise<Buffer[]> {
    const job = this.jobs[index];
    if (!job) throw new Error(`printer sink: no job ${index} (${this.jobs.length} received)`);
    const zpl = job.bytes.toString('utf8');
    if (!/\^XA/i.test(zpl)) throw new Error(`printer sink: job ${index} is not ZPL (no ^XA); only ZPL can be rendered`);
    const { api } = await loadRenderer();
    const pngs = await api.zplToBase64MultipleAsync(zpl, size.widthMm, size.heightMm, size.dotsPerMm);
    return pngs.map((png) => Buffer.from(png, 'base64'));
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    await this.#unlisten();
  }

  #listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = net.createServer((socket) => this.#accept(socket));
      server.once('error', reject);
      server.listen(this.port, this.host, () => {
        server.off('error', reject);
        this.port = (server.address() as net.AddressInfo).port;
        this.#server = server;
        resolve();
      });
    });
  }

  #unlisten(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (!server) return Promise.resolve();
    // close() stops accepting at once; its callback waits for open connections, which are not ours to end.
    server.close();
    return Promise.resolve();
  }

  #accept(socket: net.Socket): void {
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
    socket.on('error', () => undefined);
    switch (this.#behaviour) {
      case 'drop':
        socket.resetAndDestroy();
        return;
      case 'stall':
        // Accept and never read: the sender's writes fill the window and its FIN is never answered.
        socket.pause();
        return;
      case 'accept':
      case 'refuse':
        this.#serve(socket);
        return;
      default: {
        const never: never = this.#behaviour;
        throw new Error(`unknown behaviour ${String(never)}`);
      }
    }
  }

  #serve(socket: net.Socket): void {
    const chunks: Buffer[] = [];
    let answered = 0;
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // Count over everything received, so a `~HS` split across two packets is still seen.
      const asked = (Buffer.concat(chunks).toString('latin1').match(STATUS_COMMAND) ?? []).length;
      for (; answered < asked; answered++) {
        this.statusQueries++;
        if (this.#status !== 'silent') socket.write(formatHostStatus(typeof this.#status === 'string' ? STATUSES[this.#status] : this.#status));
      }
    });
    socket.once('end', () => {
      const bytes = Buffer.concat(chunks);
      if (bytes.toString('latin1').replace(STATUS_COMMAND, '').trim() !== '') {
        this.jobs.push({ bytes, receivedAt: new Date() });
        for (const waiter of [...this.#waiters]) waiter();
      }
      // Hang up after the whole job, as a printer does: the sender takes that as "received".
      socket.end();
    });
  }
}

type ZplApi = Awaited<(typeof ZplRenderer)['ready']>;
let renderer: Promise<ZplApi> | undefined;

/**
 * Loaded on first use by Node's require: it is ~8 MB of inlined WASM, and its ESM build names a
 * source map it does not ship, which Vite reports.
 */
function loadRenderer(): Promise<ZplApi> {
  renderer ??= Promise.resolve().then(() => (createRequire(import.meta.url)('zpl-renderer-js') as typeof ZplRenderer).ready);
  return renderer;
}
