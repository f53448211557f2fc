/**
 * The packing bench in main: opens (claims) an order, takes every scan while a pack is open, runs
 * it through the pack state machine, commits the scan row and the new state in one transaction and
 * only then answers (so a SIGKILL loses nothing acknowledged), and pushes the new view. One pack is
 * open per station; everything that changes it runs one at a time through `#serial`.
 */
import { randomUUID } from 'node:crypto';
import type { LastScan, PackCommand, PackView, ScanOutcome, UpstreamChange } from '../../../src-shared/domain/pack';
import { MIS_SCANS } from '../../../src-shared/domain/pack';
import type { ScanEvent } from '../../../src-shared/domain/scan';
import type { Role } from '../../../src-shared/domain/types';
import { AppError, type ErrorCode } from '../../../src-shared/errors/codes';
import type { Database, Queryable } from '../../db/database';
import { appendAudit } from '../../db/repos/audit';
import { enqueueOutbox } from '../../db/repos/outbox';
import { findBox, listBoxes } from '../../db/repos/pack-boxes';
import { findOrderIdByCode, loadPackOrder, setOrderClaim, type PackOrder } from '../../db/repos/pack-orders';
import { listPackages, upsertPackage } from '../../db/repos/pack-packages';
import { insertPackScan, markScanUndone, serialPackedElsewhere } from '../../db/repos/pack-scans';
import { coarseState, countEndedSessions, insertSession, liveSessionForOrder, saveSession } from '../../db/repos/pack-sessions';
import { findProductByBarcode } from '../../db/repos/products';
import type { DeviceHub } from '../../devices/device-hub';
import type { LiveScale } from '../../../src-shared/domain/scale';
import { classifyScan, type ClassifiedScan } from './classify-scan';
import { initialState, reduce, type PackEvent, type PackState, type Step } from './pack-machine';
import type { PackSettings } from './pack-settings';
import { buildView, type LabelInfo } from './pack-view';
import { restorePack } from './pack-restore';
import { suggestBox } from './weight-check';

export interface Operator {
  readonly id: string;
  readonly role: Role;
}

export interface PackDeps {
  readonly db: Database;
  readonly now: () => Date;
  readonly stationId: string;
  readonly settings: PackSettings;
  /** The device layer; null until the station has one (then no scale and no printing). */
  readonly devices: DeviceHub | null;
  readonly emit: (view: PackView | null) => void;
  readonly newId?: () => string;
}

/** An open pack as main holds it between scans. */
export interface OpenPack {
  readonly sessionId: string;
  readonly operatorId: string;
  readonly startedAt: string;
  readonly reopened: boolean;
  order: PackOrder;
  state: PackState;
  seq: number;
  lastScan: LastScan | null;
  lastItemAt: string | null;
  misScans: number;
  overrides: number;
  packageIds: Map<number, string>;
  labels: Map<number, LabelInfo>;
  suggestedBox: string | null;
}

export interface ScanReply {
  readonly outcome: ScanOutcome;
  /** The error code of a refusal, or the command a command scan asks the screen for (`exception`). */
  readonly code: ErrorCode | PackCommand | null;
  readonly view: PackView | null;
}

interface ScanMeta {
  readonly raw: string;
  readonly symbology: string | null;
  readonly kind: string;
  readonly productId: string | null;
  readonly operatorId: string;
}

export class PackService {
  protected pack: OpenPack | null = null;
  /** The pack completed just before the current one opened by itself (its label state stays on screen). */
  protected previous: PackView['previous'] = null;
  #serial: Promise<unknown> = Promise.resolve();
  #releaseScans: (() => void) | null = null;
  #unsubscribeScale: (() => void) | null = null;
  /** Who is at the bench right now (scans from devices carry no operator). */
  protected operator: () => Operator | null = () => null;
  /** Once started with the station's sessions, a scan with nobody logged in (idle lock) is refused. */
  #sessionsKnown = false;

  constructor(protected readonly deps: PackDeps) {}

  /** Resumes the pack this station had open before it stopped (after a crash or a restart). */
  async start(operator: () => Operator | null): Promise<void> {
    this.operator = operator;
    this.#sessionsKnown = true;
    const restored = await restorePack(this.deps.db, this.deps.stationId);
    if (restored) this.#attach(restored);
  }

  /** Resolves once everything queued so far (scans, scale readings, commands) has been applied. */
  idle(): Promise<void> {
    return this.serial(async () => undefined);
  }

  view(): PackView | null {
    const p = this.pack;
    if (!p) return null;
    return buildView({ ...p, labels: p.labels, previous: this.previous, allowPartial: this.deps.settings.allowPartial });
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
      const classified = classifyScan(code, this.deps.settings.scanConfig);
      const kind = classified.kind === 'tote' ? 'tote' : 'order';
      const value = classified.kind === 'order' || classified.kind === 'tote' ? classified.value : code.trim();
      const orderId = await findOrderIdByCode(this.deps.db, value, kind);
      if (!orderId) throw new AppError('pack.order-not-found', `no order ${value}`, { code: value });
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

  async #open(orderId: string, operator: Operator): Promise<PackView> {
    const { db, stationId } = this.deps;
    if (this.pack && isLive(this.pack)) {
      if (this.pack.order.id === orderId) return this.view()!;
      throw new AppError('pack.already-open', `order ${this.pack.order.number} is open at this bench`, { order: this.pack.order.number });
    }
    const order = await loadPackOrder(db, orderId);
    if (!order) throw new AppError('pack.order-not-found', `no order ${orderId}`, { code: orderId });
    refuseUnpackable(order, stationId);
    const live = await liveSessionForOrder(db, orderId);
    if (live) {
      if (live.stationId !== stationId) throw new AppError('pack.order-claimed-elsewhere', `order ${order.number} is being packed at ${live.stationId}`, { station: live.stationId });
      const restored = await restorePack(db, stationId);
      if (restored) {
        this.#attach(restored);
        return this.view()!;
      }
    }
    const sessionId = this.#id();
    const baseline = this.deps.devices?.scale.current().settled?.seq ?? 0;
    const state = initialState(
      order.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity, requiresSerial: l.requiresSerial, requiresLot: l.requiresLot, unitWeightMg: l.unitWeightMg })),
      baseline,
    );
    const at = this.#at();
    const reopens = await countEndedSessions(db, orderId);
    const packageId = this.#id();
    await db.transaction(async (tx) => {
      await insertSession(tx, { id: sessionId, orderId, stationId, operatorId: operator.id, startedAt: at, control: JSON.stringify(state.control), reopens });
      await upsertPackage(tx, { id: packageId, sessionId, index: 1, boxCode: null, tareMg: 0, weightMg: null, expectedWeightMg: null, weighed: 'none' });
      await setOrderClaim(tx, orderId, { stationId, operatorId: operator.id }, 'in-progress', at);
      await enqueueOutbox(tx, {
        destination: 'platform',
        aggregateType: 'order',
        aggregateId: orderId,
        payload: { kind: 'order.claim', orderExternalId: order.externalId, orderNumber: order.number },
        idempotencyKey: `pack:${sessionId}:claim`,
        stationId,
        operatorId: operator.id,
        createdAt: at,
      });
      await appendAudit(tx, { at, stationId, operatorId: operator.id, action: reopens > 0 ? 'pack.reopen' : 'pack.open', subjectType: 'order', subjectId: orderId, detail: { sessionId, number: order.number } });
    });
    this.#attach({
      sessionId,
      operatorId: operator.id,
      startedAt: at,
      reopened: reopens > 0,
      order,
      state,
      seq: 0,
      lastScan: null,
      lastItemAt: null,
      misScans: 0,
      overrides: 0,
      packageIds: new Map([[1, packageId]]),
      labels: new Map(),
      suggestedBox: null,
    });
    this.pack!.suggestedBox = suggestBox(
      order.lines.map((l) => ({ quantity: l.quantity, dims: l.dims })),
      await listBoxes(db),
    );
    return this.#publish()!;
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

  // ---- scans -----------------------------------------------------------------------------------

  /** Every scan while a pack is open, from any scanner (the router) or the bench's own entry field. */
  scan(scan: Pick<ScanEvent, 'raw' | 'symbology'>, operator?: Operator): Promise<ScanReply> {
    return this.serial(async () => {
      const raw = (scan.symbology ?? '') + scan.raw;
      const classified = classifyScan(raw, this.deps.settings.scanConfig);
      const pack = this.pack;
      if (!pack || !isLive(pack)) return this.#idleScan(classified, operator ?? this.operator());
      const current = operator ?? this.operator();
      // A scanner keeps sending while the screen is locked; nobody is accountable for those scans.
      if (!current && this.#sessionsKnown) throw new AppError('auth.required', 'log in to scan');
      const who = current ?? { id: pack.operatorId, role: 'packer' as const };
      return this.#onClassified(pack, classified, { raw: scan.raw, symbology: scan.symbology, kind: classified.kind, productId: null, operatorId: who.id }, who);
    });
  }

  /** Between packs (or after one completed) a scanned order number, slip or tote opens that order. */
  async #idleScan(c: ClassifiedScan, who: Operator | null): Promise<ScanReply> {
    if (c.kind !== 'order' && c.kind !== 'tote') throw new AppError('pack.not-open', 'no pack is open at this bench');
    if (!who) throw new AppError('auth.required', 'log in to open an order');
    const orderId = await findOrderIdByCode(this.deps.db, c.value, c.kind);
    if (!orderId) throw new AppError('pack.order-not-found', `no order ${c.value}`, { code: c.value });
    return { outcome: 'command', code: null, view: await this.#open(orderId, who) };
  }

  /** Opens from inside the serial queue (the next order after a completion). */
  protected openUnqueued(orderId: string, operator: Operator): Promise<PackView> {
    return this.#open(orderId, operator);
  }

  async #onClassified(pack: OpenPack, c: ClassifiedScan, meta: ScanMeta, who: Operator): Promise<ScanReply> {
    const seq = pack.seq + 1;
    const awaiting = pack.state.control.awaiting;
    if (awaiting && c.kind !== 'command') {
      const value = awaiting.kind === 'serial' ? (c.kind === 'item' ? (c.serial ?? c.key) : meta.raw) : c.kind === 'item' ? (c.lot ?? c.key) : meta.raw;
      const line = pack.order.lines.find((l) => l.id === awaiting.lineId);
      const elsewhere = awaiting.kind === 'serial' && line?.productId ? await serialPackedElsewhere(this.deps.db, line.productId, value, pack.sessionId) : false;
      return this.#apply(pack, { type: 'text', seq, value, serialUsedElsewhere: elsewhere }, { ...meta, kind: awaiting.kind, productId: line?.productId ?? null });
    }
    switch (c.kind) {
      case 'command':
        if (!c.command) return this.#note(pack, meta, 'refused', 'pack.unknown-command');
        return this.#command(pack, c.command, meta, who);
      case 'order':
      case 'tote': {
        const id = await findOrderIdByCode(this.deps.db, c.value, c.kind);
        return this.#note(pack, meta, 'refused', id === pack.order.id ? null : 'pack.already-open');
      }
      case 'box': {
        const box = await findBox(this.deps.db, c.value);
        if (!box) return this.#note(pack, meta, 'refused', 'pack.unknown-box');
        return this.#apply(pack, { type: 'box', code: box.code, tareMg: box.tareMg }, meta);
      }
      case 'badge':
        return this.#note(pack, meta, 'refused', 'pack.bad-scan');
      case 'bad':
        return this.#apply(pack, { type: 'item', seq, productId: null, quantity: 1, serial: null, lot: null, expiry: null, serialUsedElsewhere: false }, meta);
      case 'item': {
        const found = await findProductByBarcode(this.deps.db, c.key);
        const productId = found?.product.id ?? null;
        const elsewhere = productId && c.serial ? await serialPackedElsewhere(this.deps.db, productId, c.serial, pack.sessionId) : false;
        const event: PackEvent = { type: 'item', seq, productId, quantity: found?.quantity ?? 1, serial: c.serial, lot: c.lot, expiry: c.expiry, serialUsedElsewhere: elsewhere };
        return this.#apply(pack, event, { ...meta, kind: c.read, productId });
      }
      default: {
        const never: never = c;
        throw new Error(`unknown classified scan ${JSON.stringify(never)}`);
      }
    }
  }

  /** A scan that changes nothing but is recorded (an order scanned mid-pack, an unknown command). */
  async #note(pack: OpenPack, meta: ScanMeta, outcome: ScanOutcome, code: ErrorCode | PackCommand | null): Promise<ScanReply> {
    const seq = pack.seq + 1;
    await this.deps.db.transaction((tx) => this.#scanRow(tx, pack, meta, seq, { outcome, lineId: null, packed: null }));
    pack.seq = seq;
    pack.lastScan = { seq, raw: meta.raw, outcome, lineId: null, code, manual: false };
    return { outcome, code, view: this.#publish() };
  }

  // ---- commands --------------------------------------------------------------------------------

  command(command: PackCommand, operator: Operator): Promise<ScanReply> {
    return this.serial(async () => {
      const pack = this.#requireOpen();
      return this.#command(pack, command, { raw: `ui:${command}`, symbology: null, kind: 'command', productId: null, operatorId: operator.id }, operator);
    });
  }

  async #command(pack: OpenPack, command: PackCommand, meta: ScanMeta, who: Operator): Promise<ScanReply> {
    switch (command) {
      case 'undo':
        return this.#apply(pack, { type: 'undo' }, meta);
      case 'next-package':
        return this.#apply(pack, { type: 'next-package' }, meta);
      case 'recount':
        return this.#apply(pack, { type: 'recount', scaleSeq: this.deps.devices?.scale.current().settled?.seq ?? pack.state.control.baselineSeq }, meta);
      case 'override':
        if (who.role !== 'supervisor') return this.#note(pack, meta, 'refused', 'pack.override-not-allowed');
        return this.#apply(pack, { type: 'override' }, meta, who);
      case 'skip-weight':
        if (this.#scaleConnected() && who.role !== 'supervisor') return this.#note(pack, meta, 'refused', 'pack.weigh-first');
        return this.#apply(pack, { type: 'skip-weight' }, meta, who);
      case 'complete':
      case 'cancel':
      case 'exception':
      case 'reprint':
      case 'switch-operator':
        // Handled by the finishing side (PackBench); a bare PackService records the scan only.
        return this.finishCommand(pack, command, meta, who);
      default: {
        const never: never = command;
        throw new Error(`unknown command ${String(never)}`);
      }
    }
  }

  protected finishCommand(pack: OpenPack, _command: PackCommand, meta: ScanMeta, _who: Operator): Promise<ScanReply> {
    return this.#note(pack, meta, 'refused', 'pack.unknown-command');
  }

  /** A unit confirmed by hand (unreadable label): only with the permission, recorded and flagged. */
  manualConfirm(lineId: string, operator: Operator): Promise<ScanReply> {
    return this.serial(async () => {
      const pack = this.#requireOpen();
      const meta: ScanMeta = { raw: `manual:${lineId}`, symbology: null, kind: 'manual', productId: pack.order.lines.find((l) => l.id === lineId)?.productId ?? null, operatorId: operator.id };
      if (operator.role !== 'supervisor' && !this.deps.settings.manualConfirmRoles.includes(operator.role)) return this.#note(pack, meta, 'refused', 'pack.manual-not-allowed');
      return this.#apply(pack, { type: 'manual', seq: pack.seq + 1, lineId }, meta, operator);
    });
  }

  /** A supervisor's override of a weight outside the tolerance, authorised by the caller. */
  override(supervisor: Operator): Promise<ScanReply> {
    return this.serial(async () => {
      const pack = this.#requireOpen();
      return this.#apply(pack, { type: 'override' }, { raw: 'ui:override', symbology: null, kind: 'command', productId: null, operatorId: supervisor.id }, supervisor);
    });
  }

  setBox(code: string, operator: Operator): Promise<ScanReply> {
    return this.serial(async () => {
      const pack = this.#requireOpen();
      const meta: ScanMeta = { raw: code, symbology: null, kind: 'box', productId: null, operatorId: operator.id };
      const box = await findBox(this.deps.db, code);
      if (!box) return this.#note(pack, meta, 'refused', 'pack.unknown-box');
      return this.#apply(pack, { type: 'box', code: box.code, tareMg: box.tareMg }, meta);
    });
  }

  // ---- the scale -------------------------------------------------------------------------------

  #scaleConnected(): boolean {
    const status = this.deps.devices?.scale.current().status;
    return status !== undefined && status !== 'disconnected';
  }

  async #onScale(live: LiveScale): Promise<void> {
    await this.serial(async () => {
      const pack = this.pack;
      if (!pack || pack.state.control.phase !== 'weighing') return;
      await this.#weigh(pack, live);
    }).catch(() => undefined);
  }

  /** Feeds a fresh settled weight (never one older than the last item scanned) to a weighing package. */
  async #weigh(pack: OpenPack, live: LiveScale | null): Promise<void> {
    if (pack.state.control.phase !== 'weighing') return;
    if (!live || live.status === 'disconnected') {
      if (this.deps.settings.weighWithoutScale === 'skip') await this.#apply(pack, { type: 'skip-weight' }, null);
      return;
    }
    const settled = live.settled;
    if (!settled || settled.seq <= pack.state.control.baselineSeq) return;
    if (pack.lastItemAt && settled.at < pack.lastItemAt) return;
    await this.#apply(pack, { type: 'settled', mg: settled.mg, seq: settled.seq, tolerance: this.deps.settings.tolerance }, null);
  }

  // ---- applying an event -----------------------------------------------------------------------

  /**
   * Runs one event through the machine and commits the outcome (scan row, packages, session state,
   * audit where a person is accountable) in one transaction; memory and the screen change after.
   */
  async #apply(pack: OpenPack, event: PackEvent, meta: ScanMeta | null, accountable?: Operator, within?: (tx: Queryable) => Promise<void>): Promise<ScanReply> {
    const step = reduce(pack.state, event);
    const seq = meta ? pack.seq + 1 : pack.seq;
    const misScan = MIS_SCANS.has(step.outcome);
    const overrides = pack.overrides + (event.type === 'override' && step.outcome !== 'refused' ? 1 : 0);
    const misScans = pack.misScans + (misScan ? 1 : 0);
    const newPackages = step.state.packages.filter((p) => !pack.packageIds.has(p.index)).map((p) => [p.index, this.#id()] as const);
    const at = this.#at();
    await this.deps.db.transaction(async (tx) => {
      if (meta) await this.#scanRow(tx, pack, meta, seq, step);
      if (step.undoneSeq !== null) await markScanUndone(tx, pack.sessionId, step.undoneSeq);
      if (step.state.packages !== pack.state.packages) {
        const ids = new Map([...pack.packageIds, ...newPackages]);
        for (const p of step.state.packages) {
          const before = pack.state.packages.find((q) => q.index === p.index);
          if (before === p) continue;
          await upsertPackage(tx, { id: ids.get(p.index)!, sessionId: pack.sessionId, index: p.index, boxCode: p.boxCode, tareMg: p.tareMg, weightMg: p.weightMg, expectedWeightMg: p.expectedWeightMg, weighed: p.weighed });
        }
      }
      await saveSession(tx, pack.sessionId, { state: coarseState(step.state.control.phase, coarseState(pack.state.control.phase, 'scanning')), control: JSON.stringify(step.state.control), misScans, overrides });
      if (accountable && step.outcome !== 'refused') await this.#auditStep(tx, pack, event, step, accountable, at);
      if (within && step.outcome !== 'refused') await within(tx);
    });
    for (const [index, id] of newPackages) pack.packageIds.set(index, id);
    const wasScanning = pack.state.control.phase === 'scanning';
    pack.state = step.state;
    pack.misScans = misScans;
    pack.overrides = overrides;
    if (meta) {
      pack.seq = seq;
      pack.lastScan = { seq, raw: meta.raw, outcome: step.outcome, lineId: step.lineId, code: step.code, manual: event.type === 'manual' };
    } else if (step.code) {
      pack.lastScan = { seq: pack.seq, raw: '', outcome: step.outcome, lineId: null, code: step.code, manual: false };
    }
    if (step.packed) pack.lastItemAt = at;
    const view = this.#publish();
    // Entering the weighing phase: a weight that settled after the last item counts at once.
    if (wasScanning && step.state.control.phase === 'weighing') await this.#weigh(pack, this.deps.devices?.scale.current() ?? null);
    return { outcome: step.outcome, code: step.code, view: this.pack === pack ? this.view() : view };
  }

  async #scanRow(tx: Queryable, pack: OpenPack, meta: ScanMeta, seq: number, step: Pick<Step, 'outcome' | 'lineId' | 'packed'>): Promise<void> {
    await insertPackScan(tx, {
      sessionId: pack.sessionId,
      seq,
      raw: meta.raw,
      symbology: meta.symbology,
      kind: meta.kind,
      outcome: step.outcome,
      lineId: step.lineId,
      productId: meta.productId,
      quantity: step.packed?.quantity ?? 1,
      packageIndex: step.packed?.packageIndex ?? pack.state.control.current,
      serial: step.packed?.serial ?? null,
      lot: step.packed?.lot ?? null,
      expiry: step.packed?.expiry ?? null,
      manual: step.packed?.manual ?? false,
      at: this.#at(),
      operatorId: meta.operatorId,
    });
  }

  async #auditStep(tx: Queryable, pack: OpenPack, event: PackEvent, step: Step, who: Operator, at: string): Promise<void> {
    const action = event.type === 'override' ? 'pack.weight-override' : event.type === 'manual' ? 'pack.manual-confirm' : event.type === 'skip-weight' ? 'pack.weight-skipped' : null;
    if (!action) return;
    const off = pack.state.control.weightOff;
    await appendAudit(tx, {
      at,
      stationId: this.deps.stationId,
      operatorId: who.id,
      action,
      subjectType: 'order',
      subjectId: pack.order.id,
      detail: { sessionId: pack.sessionId, lineId: step.lineId, package: pack.state.control.current, ...(off ? { actualMg: off.actualMg, expectedMg: off.expectedMg } : {}) },
    });
  }

  // ---- interruptions ---------------------------------------------------------------------------

  /** The order changed upstream (sync): stop the packer at once with what happened. */
  interrupt(orderId: string, change: UpstreamChange): Promise<void> {
    return this.serial(async () => {
      const pack = this.pack;
      if (!pack || pack.order.id !== orderId || !isLive(pack)) return;
      await this.#apply(pack, { type: 'interrupt', change }, null);
      await appendAudit(this.deps.db, { at: this.#at(), stationId: this.deps.stationId, operatorId: null, action: 'pack.interrupted', subjectType: 'order', subjectId: orderId, detail: { sessionId: pack.sessionId, change } });
    });
  }

  // ---- helpers ---------------------------------------------------------------------------------

  #requireOpen(): OpenPack {
    const pack = this.pack;
    if (!pack || !isLive(pack)) throw new AppError('pack.not-open', 'no pack is open at this bench');
    return pack;
  }

  #publish(): PackView | null {
    const view = this.view();
    this.deps.emit(view);
    return view;
  }

  protected publish(): PackView | null {
    return this.#publish();
  }

  #id(): string {
    return this.deps.newId?.() ?? randomUUID();
  }

  #at(): string {
    return this.deps.now().toISOString();
  }

  protected at(): string {
    return this.#at();
  }

  protected id(): string {
    return this.#id();
  }

  protected note(pack: OpenPack, meta: ScanMeta, outcome: ScanOutcome, code: ErrorCode | PackCommand | null): Promise<ScanReply> {
    return this.#note(pack, meta, outcome, code);
  }

  /** `within` runs inside the event's transaction (rows that must commit with it). */
  protected apply(pack: OpenPack, event: PackEvent, meta: ScanMeta | null, accountable?: Operator, within?: (tx: Queryable) => Promise<void>): Promise<ScanReply> {
    return this.#apply(pack, event, meta, accountable, within);
  }

  protected requireOpen(): OpenPack {
    return this.#requireOpen();
  }

  /** Labels of the packages (after completion, as they print). */
  protected async reloadLabels(pack: OpenPack): Promise<void> {
    for (const p of await listPackages(this.deps.db, pack.sessionId)) pack.labels.set(p.index, { tracking: p.tracking, labelState: p.labelState, labelError: p.labelError });
  }
}

export type { ScanMeta };

export function isLive(pack: OpenPack): boolean {
  const phase = pack.state.control.phase;
  return phase !== 'complete' && phase !== 'exception' && phase !== 'released';
}

/** Claims: one packer per order; on hold, cancelled and finished orders are refused with the reason. */
function refuseUnpackable(order: PackOrder, stationId: string): void {
  if (order.status === 'cancelled') throw new AppError('pack.order-cancelled', `order ${order.number} is cancelled`, { order: order.number });
  if (order.status === 'on-hold') throw new AppError('pack.order-on-hold', `order ${order.number} is on hold`, { order: order.number });
  if (order.status !== 'open' && order.status !== 'in-progress') throw new AppError('pack.order-not-packable', `order ${order.number} is ${order.status}`, { order: order.number, status: order.status });
  if (order.claimedStationId && order.claimedStationId !== stationId) throw new AppError('pack.order-claimed-elsewhere', `order ${order.number} is claimed at ${order.claimedStationId}`, { station: order.claimedStationId });
}
