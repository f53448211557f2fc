/**
 * The packing bench in main: opens (claims) an order, takes every scan while a pack is open, runs
 * it through the pack state machine, commits the scan row and the new state in one transaction and
 * only then answers (so a SIGKILL loses nothing acknowledged), and pushes the new view. One pack is
 * open per station; everything that changes it runs one at a time through `#serial`.
 *
 * The steps themselves are plain functions over the station's `PackContext`: opening and claiming
 * (open-order.ts), scans (scan-handling.ts), commands (pack-commands.ts), one event committed
 * (pack-step.ts, which also feeds settled weights) and an upstream change (interruptions.ts).
 */
import type { PackCommand, PackView, ScanOutcome, UpstreamChange } from '../../../src-shared/domain/pack';
import type { LiveScale } from '../../../src-shared/domain/scale';
import type { ScanEvent } from '../../../src-shared/domain/scan';
import type { ErrorCode } from '../../../src-shared/errors/codes';
import type { Queryable } from '../../db/database';
import { interruptPack } from './interruptions';
import { nowIso, newId, packView, publishView, reloadLabels, requireOpen, uiMeta, type OpenPack, type Operator, type PackContext, type PackDeps, type ScanMeta, type ScanReply } from './open-pack';
import { openOrder, orderIdForCode } from './open-order';
import { applyBox, confirmManually, runCommand } from './pack-commands';
import type { PackEvent } from './pack-machine';
import { restorePack } from './pack-restore';
import { applyEvent, noteScan, weighSettled } from './pack-step';
import { takeScan, type ScanRoutes } from './scan-handling';

export class PackService {
  readonly #ctx: PackContext;
  readonly #routes: ScanRoutes;
  #serial: Promise<unknown> = Promise.resolve();
  #releaseScans: (() => void) | null = null;
  #unsubscribeScale: (() => void) | null = null;
  /** Who is at the bench right now (scans from devices carry no operator). */
  protected operator: () => Operator | null = () => null;
  /** Once started with the station's sessions, a scan with nobody logged in (idle lock) is refused. */
  #sessionsKnown = false;

  constructor(protected readonly deps: PackDeps) {
    this.#ctx = { deps, pack: null, previous: null };
    this.#routes = { open: (orderId, who) => this.#open(orderId, who), finish: (pack, command, meta, who) => this.finishCommand(pack, command, meta, who) };
  }

  protected get pack(): OpenPack | null {
    return this.#ctx.pack;
  }

  protected set pack(pack: OpenPack | null) {
    this.#ctx.pack = pack;
  }

  /** The pack completed just before the current one opened by itself (its label state stays on screen). */
  protected get previous(): PackView['previous'] {
    return this.#ctx.previous;
  }

  protected set previous(previous: PackView['previous']) {
    this.#ctx.previous = previous;
  }

  /** Resumes the pack this station had open before it stopped (after a crash or a restart). */
  async start(operator: () => Operator | null): Promise<void> {
    this.operator = operator;
    this.#sessionsKnown = true;
    const restored = await restorePack(this.deps.db, this.deps.stationId, this.deps.devices?.scale.current().settled?.seq ?? 0);
    if (restored) this.#attach(restored);
  }

  /** Resolves once everything queued so far (scans, scale readings, commands) has been applied. */
  idle(): Promise<void> {
    return this.serial(async () => undefined);
  }

  view(): PackView | null {
    return packView(this.#ctx);
  }

  /** Runs `work` after everything queued before it: scans, weights and commands never interleave. */
  protected serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#serial.then(work, work);
    this.#serial = next.catch(() => undefined);
    return next;
  }

  // ---- opening -------------------------------------------------------------------------------

  openByCode(code: string, operator: Operator): Promise<PackView> {
    return this.serial(async () => {
      const orderId = await orderIdForCode(this.deps.db, code, this.deps.settings.scanConfig);
      this.previous = null;
      return this.#open(orderId, operator);
    });
  }

  open(orderId: string, operator: Operator): Promise<PackView> {
    return this.serial(() => {
      this.previous = null;
      return this.#open(orderId, operator);
    });
  }

  #open(orderId: string, operator: Operator): Promise<PackView> {
    return openOrder(this.#ctx, orderId, operator, (pack) => this.#attach(pack));
  }

  /** Opens from inside the serial queue (the next order after a completion). */
  protected openUnqueued(orderId: string, operator: Operator): Promise<PackView> {
    return this.#open(orderId, operator);
  }

  /** Takes the scanner and the scale for the pack now in memory. */
  #attach(pack: OpenPack): void {
    this.pack = pack;
    const devices = this.deps.devices;
    if (!devices) return;
    this.#releaseScans ??= devices.scans.claim((scan) => this.scan(scan).then(() => undefined));
    this.#unsubscribeScale ??= devices.scale.subscribe((live) => void this.#onScale(live));
  }

  protected detach(): void {
    this.#releaseScans?.();
    this.#releaseScans = null;
    this.#unsubscribeScale?.();
    this.#unsubscribeScale = null;
  }

  // ---- scans, commands and the scale ---------------------------------------------------------

  /** Every scan while a pack is open, from any scanner (the router) or the bench's own entry field. */
  scan(scan: Pick<ScanEvent, 'raw' | 'symbology'>, operator?: Operator): Promise<ScanReply> {
    return this.serial(() => takeScan(this.#ctx, scan, operator ?? this.operator(), this.#sessionsKnown, this.#routes));
  }

  command(command: PackCommand, operator: Operator): Promise<ScanReply> {
    return this.serial(async () => runCommand(this.#ctx, this.requireOpen(), command, uiMeta(`ui:${command}`, operator.id), operator, this.#routes.finish));
  }

  /** Complete, cancel, exception, reprint, switch operator: the finishing side's (PackBench); a bare PackService records the scan only. */
  protected finishCommand(pack: OpenPack, _command: PackCommand, meta: ScanMeta, _who: Operator): Promise<ScanReply> {
    return this.note(pack, meta, 'refused', 'pack.unknown-command');
  }

  /** A unit confirmed by hand (unreadable label): only with the permission, recorded and flagged. */
  manualConfirm(lineId: string, operator: Operator): Promise<ScanReply> {
    return this.serial(async () => confirmManually(this.#ctx, this.requireOpen(), lineId, operator));
  }

  /** A supervisor's override of a weight outside the tolerance, authorised by the caller. */
  override(supervisor: Operator): Promise<ScanReply> {
    return this.serial(async () => applyEvent(this.#ctx, this.requireOpen(), { type: 'override' }, uiMeta('ui:override', supervisor.id), supervisor));
  }

  setBox(code: string, operator: Operator): Promise<ScanReply> {
    return this.serial(async () => applyBox(this.#ctx, this.requireOpen(), code, { raw: code, symbology: null, kind: 'box', productId: null, operatorId: operator.id }));
  }

  async #onScale(live: LiveScale): Promise<void> {
    await this.serial(async () => {
      const pack = this.pack;
      if (!pack || pack.state.control.phase !== 'weighing') return;
      await weighSettled(this.#ctx, pack, live);
    }).catch(() => undefined);
  }

  /** The order changed upstream (sync): stop the packer at once with what happened. */
  interrupt(orderId: string, change: UpstreamChange): Promise<void> {
    return this.serial(() => interruptPack(this.#ctx, orderId, change));
  }

  // ---- for the finishing side (PackBench) ----------------------------------------------------

  protected publish(): PackView | null {
    return publishView(this.#ctx);
  }

  protected at(): string {
    return nowIso(this.deps);
  }

  protected id(): string {
    return newId(this.deps);
  }

  protected note(pack: OpenPack, meta: ScanMeta, outcome: ScanOutcome, code: ErrorCode | PackCommand | null): Promise<ScanReply> {
    return noteScan(this.#ctx, pack, meta, outcome, code);
  }

  /** `within` runs inside the event's transaction (rows that must commit with it). */
  protected apply(pack: OpenPack, event: PackEvent, meta: ScanMeta | null, accountable?: Operator, within?: (tx: Queryable) => Promise<void>): Promise<ScanReply> {
    return applyEvent(this.#ctx, pack, event, meta, accountable, within);
  }

  protected requireOpen(): OpenPack {
    return requireOpen(this.#ctx);
  }

  /** Labels of the packages (after completion, as they print). */
  protected reloadLabels(pack: OpenPack): Promise<void> {
    return reloadLabels(this.deps.db, pack);
  }
}
