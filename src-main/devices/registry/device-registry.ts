/**
 * The device registry: the DeviceHub the workflows use, built from this station's assignments
 * (assignments.ts) and, in demo mode, the simulators. It owns the drivers (scale, scanners read in
 * main, printers by role), swaps them when a supervisor assigns other devices, and publishes health
 * (`devices:status`), the live scale (`scale:live`), every scan (`scans:received`) and every print
 * job change (`print:job`).
 *
 * Hot-plug: serial scales and scanners reopen a lost port within a second (SerialScale's capped
 * backoff, SerialScanner's retry); HID devices are looked for every 500 ms (HidLink).
 */
import type { DeviceAssignments, DeviceStatus } from '../../../src-shared/domain/devices';
import type { LiveScale } from '../../../src-shared/domain/scale';
import type { ScanEvent } from '../../../src-shared/domain/scan';
import type { Database } from '../../db/database';
import type { PrintJob } from '../../db/repos/print-jobs';
import type { DeviceHub, HubPrintRequest, PrinterInfo, PrinterRole } from '../device-hub';
import { nodeHidApi, type HidApi } from '../hid/hid-link';
import type { PrintOutcome } from '../printers/print-service';
import type { PrinterTransport } from '../printers/types';
import { ScanRouter, type ScanHandler } from '../scan-router';
import { HidScanner } from '../scanners/hid-scanner';
import type { ScannerDriver } from '../scanners/scanner-driver';
import { SerialScanner } from '../scanners/serial-scanner';
import { openNodeSerialPort } from '../serial/node-serial-port';
import { SYSTEM_TIMERS, type PortFactory, type Timers } from '../serial/port';
import type { ScaleSimControl } from '../simulators/memory-scale';
import type { PrinterSink } from '../simulators/printer-sink';
import { loadAssignments, loadWedgeConfig, withOverrides } from './assignments';
import { PrinterDesk } from './printer-desk';
import { ScaleSlot, type SimulatedScaleLink } from './scale-slot';
import { scaleStatus, printerStatus, scannerStatus, keyboardStatus } from './device-status';

/** The simulators demo mode (or `bancada serve --simulate`) runs; simulators/demo-devices.ts starts them. */
export interface Simulation {
  readonly scale: (SimulatedScaleLink & { readonly control: ScaleSimControl }) | null;
  readonly sink: PrinterSink | null;
}

export interface DeviceRegistryDeps {
  readonly db: Database;
  readonly now?: () => Date;
  readonly timers?: Timers;
  readonly openPort?: PortFactory;
  readonly hid?: () => Promise<HidApi>;
  readonly extraTransports?: Readonly<Record<string, (uri: string) => PrinterTransport>>;
  /** Roles set by `bancada serve` flags for this run (not saved). */
  readonly overrides?: Partial<DeviceAssignments>;
  readonly simulation?: Simulation | null;
  /** Who takes a scan no workflow claimed. */
  readonly unclaimed: ScanHandler;
  readonly publish: {
    readonly status: (devices: DeviceStatus[]) => void;
    readonly live: (live: LiveScale) => void;
    readonly scan: (scan: ScanEvent) => void;
    /** A main-side scanner's scan nobody took, or a badge: the renderer tries it as a badge. */
    readonly unclaimed: (scan: ScanEvent) => void;
    readonly job: (job: PrintJob) => void;
  };
  readonly log: (message: string, detail: Record<string, unknown>) => void;
  readonly printTimeoutMs?: number;
}

const STATUS_DEBOUNCE_MS = 100;

export class DeviceRegistry implements DeviceHub {
  readonly scans: ScanRouter;
  #scale: ScaleSlot;
  #scanners: ScannerDriver[] = [];
  #assignments: DeviceAssignments;
  readonly #desk: PrinterDesk;
  readonly #deps: DeviceRegistryDeps;
  readonly #timers: Timers;
  #lastKeyboardScan: string | null = null;
  #statusTimer: ReturnType<typeof setTimeout> | null = null;
  #closed = false;
  #started = false;
  /** Settlement numbers for every scale this registry runs, so `settled.seq` only grows. */
  #seq = 0;
  #unsubscribeLive: () => void = () => undefined;
  #badge: RegExp | null = null;

  private constructor(deps: DeviceRegistryDeps, assignments: DeviceAssignments) {
    this.#deps = deps;
    this.#timers = deps.timers ?? SYSTEM_TIMERS;
    this.#assignments = assignments;
    this.scans = new ScanRouter({
      unclaimed: async (scan) => {
        if (scan.source !== 'keyboard') deps.publish.unclaimed(scan);
        await deps.unclaimed(scan);
      },
      onError: (error, scan) => deps.log('a scan handler failed', { error, source: scan.source }),
      observe: (scan) => {
        if (scan.source === 'keyboard') {
          this.#lastKeyboardScan = scan.at;
          this.#statusChanged();
        }
        deps.publish.scan(scan);
      },
    });
    this.#desk = new PrinterDesk({
      db: deps.db,
      now: deps.now ?? (() => new Date()),
      sink: deps.simulation?.sink ?? null,
      onJob: (job) => {
        deps.publish.job(job);
        this.#statusChanged();
      },
      ...(deps.extraTransports ? { extraTransports: deps.extraTransports } : {}),
      ...(deps.printTimeoutMs === undefined ? {} : { timeoutMs: deps.printTimeoutMs }),
    });
    this.#scale = this.#newScale(null);
  }

  /** Reads the saved assignments, applies the run's overrides and the simulators, and starts every device. */
  static async start(deps: DeviceRegistryDeps): Promise<DeviceRegistry> {
    const saved = await loadAssignments(deps.db, (key, problem) => deps.log('ignoring an unreadable device assignment', { key, problem }));
    const registry = new DeviceRegistry(deps, registryAssignments(withOverrides(saved, deps.overrides ?? {}), deps.simulation ?? null));
    registry.setBadgePattern((await loadWedgeConfig(deps.db)).badgePattern);
    await registry.#apply(registry.#assignments);
    return registry;
  }

  get scale(): ScaleSlot {
    return this.#scale;
  }

  get assignments(): DeviceAssignments {
    return this.#assignments;
  }

  get simulation(): Simulation | null {
    return this.#deps.simulation ?? null;
  }

  printer(role: PrinterRole): PrinterInfo | null {
    return this.#desk.info(role);
  }

  print(request: HubPrintRequest): Promise<PrintOutcome> {
    return this.#desk.print(request);
  }

  retry(jobId: string): Promise<PrintOutcome> {
    return this.#desk.retry(jobId);
  }

  preview(): ReturnType<PrinterDesk['preview']> {
    return this.#desk.preview();
  }

  /** Scans from main-side scanners that match this are badges: they switch operator, whatever workflow holds the router. */
  setBadgePattern(source: string): void {
    try {
      this.#badge = source ? new RegExp(source, 'u') : null;
    } catch {
      this.#badge = null;
    }
  }

  /** Takes new assignments (already saved by the caller) and restarts what changed. */
  async reassign(assignments: DeviceAssignments): Promise<void> {
    await this.#apply(assignments);
  }

  status(): DeviceStatus[] {
    const out: DeviceStatus[] = [keyboardStatus(this.#lastKeyboardScan)];
    for (const scanner of this.#scanners) out.push(scannerStatus(scanner));
    if (this.#scale.assignment) out.push(scaleStatus(this.#scale));
    for (const role of ['label', 'document'] as const) {
      const uri = this.#desk.uri(role);
      const info = role === 'label' ? this.#assignments.labelPrinter : null;
      if (uri) out.push(printerStatus(role, uri, this.#desk.lastJobs.get(uri) ?? null, this.#deps.simulation?.sink?.uri === uri, info));
    }
    return out;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#statusTimer) clearTimeout(this.#statusTimer);
    this.#unsubscribeLive();
    await this.#scale.stop();
    await Promise.all(this.#scanners.map((s) => s.stop()));
    this.#scanners = [];
  }

  async #apply(next: DeviceAssignments): Promise<void> {
    const previous = this.#started ? this.#assignments : null;
    this.#started = true;
    this.#assignments = registryAssignments(next, this.#deps.simulation ?? null);
    this.#desk.label = this.#assignments.labelPrinter;
    this.#desk.document = this.#assignments.documentPrinter;
    // Only what changed restarts: a new label printer must not drop the scale's settled weight.
    if (!previous || !sameJson(previous.scale, this.#assignments.scale)) {
      await this.#scale.stop();
      this.#unsubscribeLive();
      this.#scale = this.#newScale(this.#assignments.scale);
      this.#unsubscribeLive = this.#scale.subscribe((live) => this.#deps.publish.live(live));
      this.#deps.publish.live(this.#scale.current());
      await this.#scale.start().catch((error: unknown) => this.#deps.log('the scale could not start', { error }));
    }
    if (!previous || !sameJson(previous.scanners, this.#assignments.scanners)) {
      await Promise.all(this.#scanners.map((s) => s.stop()));
      this.#scanners = await this.#newScanners(this.#assignments.scanners);
      for (const scanner of this.#scanners) scanner.start();
    }
    this.#statusChanged();
  }

  #newScale(assignment: DeviceAssignments['scale']): ScaleSlot {
    return new ScaleSlot(assignment, {
      openPort: this.#deps.openPort ?? openNodeSerialPort,
      timers: this.#timers,
      hid: this.#deps.hid ?? nodeHidApi,
      simulated: this.#deps.simulation?.scale ?? null,
      onHealth: () => this.#statusChanged(),
      nextSeq: () => ++this.#seq,
    });
  }

  async #newScanners(assigned: DeviceAssignments['scanners']): Promise<ScannerDriver[]> {
    const sinks = { onScan: (scan: ScanEvent) => this.#fromScanner(scan), onHealth: () => this.#statusChanged() };
    const drivers: ScannerDriver[] = [];
    for (const [i, a] of assigned.entries()) {
      const id = `scanner:${i + 1}`;
      if (a.kind === 'serial') {
        drivers.push(new SerialScanner({ id, path: a.path, ...(a.baudRate ? { baudRate: a.baudRate } : {}), ...(a.terminator ? { terminator: a.terminator } : {}) }, { openPort: this.#deps.openPort ?? openNodeSerialPort, timers: this.#timers, sinks }));
      } else {
        try {
          drivers.push(new HidScanner({ id, vendorId: a.vendorId, productId: a.productId }, { hid: await (this.#deps.hid ?? nodeHidApi)(), now: () => this.#timers.now(), sinks }));
        } catch (error) {
          this.#deps.log('node-hid is not available; the HID scanner is skipped', { error });
        }
      }
    }
    return drivers;
  }

  /** A scan from an HID POS or serial scanner: a badge goes to the renderer (as the wedge's do), the rest to the router. */
  #fromScanner(scan: ScanEvent): void {
    if (this.#badge?.test(scan.raw)) {
      this.#deps.publish.scan(scan);
      this.#deps.publish.unclaimed(scan);
      return;
    }
    void this.scans.push(scan);
  }

  /** Health changes come in bursts (a port lost, then reopened); the renderer hears the settled picture. */
  #statusChanged(): void {
    if (this.#closed || this.#statusTimer) return;
    this.#statusTimer = setTimeout(() => {
      this.#statusTimer = null;
      if (!this.#closed) this.#deps.publish.status(this.status());
    }, STATUS_DEBOUNCE_MS);
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** With simulators running, an unassigned scale is the simulated one and an unassigned label printer is the sink. */
function registryAssignments(a: DeviceAssignments, sim: Simulation | null): DeviceAssignments {
  return {
    ...a,
    scale: a.scale ?? (sim?.scale ? { kind: 'simulated' } : null),
    labelPrinter: a.labelPrinter ?? (sim?.sink ? { uri: sim.sink.uri, language: 'zpl', size: '4x6', dpi: 203 } : null),
  };
}
