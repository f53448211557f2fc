/**
 * The station's one scale: builds the driver its assignment names (serial, HID POS, or the
 * simulator), feeds its events into the LiveScaleFeed, and answers health and zero. Swapped whole
 * when the supervisor assigns another scale.
 */
import type { Result } from '../../../src-shared/api/result';
import type { ScaleAssignment } from '../../../src-shared/domain/devices';
import type { LiveScale } from '../../../src-shared/domain/scale';
import { AppError } from '../../../src-shared/errors/codes';
import type { ScaleControl } from '../device-hub';
import { HidScale } from '../hid/hid-scale';
import type { HidApi } from '../hid/hid-link';
import type { PortFactory, Timers } from '../serial/port';
import { SerialScale, type ScaleHealth } from '../serial/serial-scale';
import { LiveScaleFeed } from './live-scale';

export type ScaleDriver = Pick<SerialScale, 'on' | 'start' | 'stop' | 'zero' | 'health'>;

/** The simulated scale the registry may drive: on a socat pty (a real serial path), or in memory. */
export interface SimulatedScaleLink {
  readonly via: 'socat' | 'memory';
  /** The pty the app opens (socat), or a label (memory). */
  readonly path: string;
  /** The memory simulator's port factory; absent for socat (the real serialport opens the pty). */
  readonly openPort?: PortFactory;
}

export interface ScaleSlotDeps {
  readonly openPort: PortFactory;
  readonly timers: Timers;
  readonly hid: () => Promise<HidApi>;
  readonly simulated: SimulatedScaleLink | null;
  readonly onHealth: () => void;
  readonly nextSeq?: () => number;
}

export const SCALE_ID = 'scale';

export class ScaleSlot implements ScaleControl {
  readonly feed: LiveScaleFeed;
  readonly address: string;
  readonly name: string;
  readonly simulated: boolean;
  #driver: ScaleDriver | null = null;
  #unsubscribe: (() => void)[] = [];
  #stopped = false;

  constructor(
    readonly assignment: ScaleAssignment | null,
    private readonly deps: ScaleSlotDeps,
  ) {
    const simulated = assignment?.kind === 'simulated' && deps.simulated !== null;
    this.simulated = simulated;
    this.feed = new LiveScaleFeed({ deviceId: assignment ? SCALE_ID : null, simulated, ...(deps.nextSeq ? { nextSeq: deps.nextSeq } : {}) });
    this.address = describeAddress(assignment, deps.simulated);
    this.name = describeName(assignment, deps.simulated);
  }

  /** Builds and starts the driver; an HID scale waits for node-hid to load. */
  async start(): Promise<void> {
    const driver = await this.#build();
    if (!driver || this.#stopped) return;
    this.#driver = driver;
    this.#unsubscribe = [
      driver.on('reading', (reading) => this.feed.reading(reading)),
      driver.on('settled', (settled) => this.feed.settled(settled.mg)),
      driver.on('cleared', () => this.feed.cleared()),
      driver.on('health', (health) => {
        this.feed.connected(health.connected);
        this.deps.onHealth();
      }),
    ];
    driver.start();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    const driver = this.#driver;
    this.#driver = null;
    this.feed.close();
    await driver?.stop();
  }

  get health(): ScaleHealth | null {
    return this.#driver?.health ?? null;
  }

  current(): LiveScale {
    return this.feed.current();
  }

  subscribe(listener: (live: LiveScale) => void): () => void {
    return this.feed.subscribe(listener);
  }

  async zero(): Promise<void> {
    const result: Result<null> = this.#driver ? await this.#driver.zero() : { ok: false, error: { code: 'device.not-connected', message: 'no scale is assigned' } };
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
  }

  async #build(): Promise<ScaleDriver | null> {
    const a = this.assignment;
    if (!a) return null;
    switch (a.kind) {
      case 'serial':
        return new SerialScale({ path: a.path, protocol: a.protocol }, { openPort: this.deps.openPort, timers: this.deps.timers });
      case 'hid':
        return new HidScale({ vendorId: a.vendorId, productId: a.productId }, { hid: await this.deps.hid(), now: () => this.deps.timers.now() });
      case 'simulated': {
        const sim = this.deps.simulated;
        if (!sim) return null;
        return new SerialScale({ path: sim.path, protocol: 'sics' }, { openPort: sim.openPort ?? this.deps.openPort, timers: this.deps.timers });
      }
      default: {
        const never: never = a;
        throw new Error(`unknown scale assignment ${JSON.stringify(never)}`);
      }
    }
  }
}

const PROTOCOL_NAMES = { sics: 'MT-SICS', nci: 'NCI', cas: 'CAS', toledo: 'Toledo' } as const;

function describeAddress(a: ScaleAssignment | null, sim: SimulatedScaleLink | null): string {
  if (!a) return '';
  if (a.kind === 'serial') return a.path;
  if (a.kind === 'hid') return `${hex(a.vendorId)}:${hex(a.productId)}`;
  return sim ? `${sim.via}:${sim.path}` : 'simulated';
}

function describeName(a: ScaleAssignment | null, sim: SimulatedScaleLink | null): string {
  if (!a) return '';
  if (a.kind === 'serial') return PROTOCOL_NAMES[a.protocol];
  if (a.kind === 'hid') return 'HID POS';
  // The address says socat:… or memory:…; the Simulated badge says the rest.
  return sim ? 'MT-SICS' : '';
}

export function hex(n: number): string {
  return n.toString(16).padStart(4, '0');
}
