/**
 * How a pack ends: complete (one transaction with the fulfilment outbox row and the audit row, then
 * labels and the slip print: a failed print leaves the order packed with its label pending), an
 * exception (short ship → the supervisors' list, an `order.hold` for the platform), a release
 * (cancel: the order goes back to the queue), and reprints later, audited.
 */
import type { SHORT_SHIP_REASONS} from '../../../src-shared/domain/pack';
import { type PackCommand, type PackView, type UpstreamChange } from '../../../src-shared/domain/pack';
import { AppError, isErrorCode } from '../../../src-shared/errors/codes';
import type { Queryable } from '../../db/database';
import { appendAudit } from '../../db/repos/audit';
import { enqueueOutbox } from '../../db/repos/outbox';
import { insertPackException } from '../../db/repos/pack-exceptions';
import { markOrderPacked, nextWaitingOrderId, setOrderClaim, loadPackOrder, type PackOrder } from '../../db/repos/pack-orders';
import { getPackage, listPackages, setPackageLabel, setPackageTracking, upsertPackage } from '../../db/repos/pack-packages';
import { unpackSession } from '../../db/repos/pack-scans';
import { endSession } from '../../db/repos/pack-sessions';
import { recordLearnedUnitWeight } from '../../db/repos/products';
import { sql } from '../../db/sql';
import type { PackagePayload } from '../../sync/operations';
import type { LabelSource } from './label-source';
import { orderUnits, reduce, type PackState } from './pack-machine';
import { isLive, uiMeta, type OpenPack, type Operator, type PackDeps, type ScanMeta, type ScanReply } from './open-pack';
import { PackService } from './pack-service';
import { withdrawShortShip } from './pack-step';
import { learnUnitWeight } from './weight-check';

export interface SlipPrinter {
  /** Builds and prints the packing slip on the document printer; never throws. */
  print(order: PackOrder, packages: readonly { index: number; tracking: string | null; weightMg: number | null }[], packedCounts: ReadonlyMap<string, number>): Promise<void>;
}

export interface PackBenchDeps extends PackDeps {
  readonly labels: LabelSource;
  readonly slips?: SlipPrinter;
  /** Locks the operator session ("switch operator" command): the next badge or PIN takes over. */
  readonly lockSession?: () => Promise<void>;
}

export type ShortShipReason = (typeof SHORT_SHIP_REASONS)[number];

export class PackBench extends PackService {
  constructor(private readonly bench: PackBenchDeps) {
    super(bench);
  }

  protected override async finishCommand(pack: OpenPack, command: PackCommand, meta: ScanMeta, who: Operator): Promise<ScanReply> {
    switch (command) {
      case 'complete':
        return this.#complete(pack, who);
      case 'cancel':
        await this.#release(pack, who, 'cancel');
        return { outcome: 'command', code: null, view: this.view() };
      case 'exception':
        // The screen asks for the reason (and partial shipping); nothing ends on the scan alone.
        return this.note(pack, meta, 'command', 'exception');
      case 'reprint':
        await this.#reprintOnScreen(pack, who);
        return { outcome: 'command', code: null, view: this.view() };
      case 'switch-operator':
        await this.bench.lockSession?.();
        return this.note(pack, meta, 'command', null);
      default:
        return this.note(pack, meta, 'refused', 'pack.unknown-command');
    }
  }

  complete(operator: Operator): Promise<ScanReply> {
    return this.serial(() => this.#complete(this.requireOpen(), operator));
  }

  /**
   * A short ship: with `partial` (and the `pack.allowPartial` setting) the packed units are weighed and
   * fulfilled and the missing ones go on the supervisors' list; otherwise the whole order is held.
   *
   * Which of them can be taken back: a hold ends the pack (session ended, order in `exception`, an
   * `order.hold` queued), so there is nothing left to undo; the supervisor requeues it. A partial ship
   * keeps the pack open until complete, so its exception row lives and dies with `control.short`:
   * undo withdraws it (the unit turned up), a cancel withdraws it (the order goes back to the queue
   * whole), and a hold replaces it (one row per pack, the hold's reason). Never a stale "missing" on
   * the supervisors' list for an order that shipped whole or never shipped.
   */
  exception(operator: Operator, reason: ShortShipReason, note: string | null, partial = false): Promise<PackView | null> {
    return this.serial(async () => {
      const pack = this.requireOpen();
      if (partial && this.bench.settings.allowPartial) await this.#shortShip(pack, operator, reason, note);
      else await this.#exception(pack, operator, reason, note);
      return this.view();
    });
  }

  async #shortShip(pack: OpenPack, who: Operator, reason: ShortShipReason, note: string | null): Promise<void> {
    const at = this.at();
    const meta = uiMeta('ui:short-ship', who.id);
    // The short ship's state, its exception row and its audit row commit together.
    const reply = await this.apply(pack, { type: 'short-ship' }, meta, who, async (tx) => {
      await insertPackException(tx, { id: this.id(), sessionId: pack.sessionId, orderId: pack.order.id, reason, note, operatorId: who.id, at });
      await appendAudit(tx, { at, stationId: this.bench.stationId, operatorId: who.id, action: 'pack.short-ship', subjectType: 'order', subjectId: pack.order.id, detail: { sessionId: pack.sessionId, reason, note } });
    });
    if (reply.outcome === 'refused') throw new AppError(isErrorCode(reply.code) ? reply.code : 'pack.not-open', 'cannot ship short now');
  }

  release(operator: Operator): Promise<PackView | null> {
    return this.serial(async () => {
      const pack = this.pack;
      if (pack && isLive(pack)) await this.#release(pack, operator, pack.state.control.phase === 'interrupted' ? 'interrupted' : 'cancel');
      else if (pack) {
        this.pack = null;
        this.publish();
      }
      return this.view();
    });
  }

  /** Reprints one package's label (or every label of the pack on screen), audited. */
  reprint(operator: Operator, packageId?: string): Promise<PackView | null> {
    return this.serial(async () => {
      if (packageId) {
        await this.#reprintPackage(packageId, operator);
        await this.#refreshPrevious(packageId);
      }
      else if (this.pack) await this.#reprintOnScreen(this.pack, operator);
      else throw new AppError('pack.nothing-to-reprint', 'no pack on screen and no package named');
      if (this.pack) await this.reloadLabels(this.pack);
      return this.publish();
    });
  }

  /** A reprint of the order packed just before: its label state on screen follows. */
  async #refreshPrevious(packageId: string): Promise<void> {
    const previous = this.previous;
    if (!previous?.packages.some((p) => p.packageId === packageId)) return;
    const row = await getPackage(this.bench.db, packageId);
    if (!row) return;
    this.previous = { ...previous, packages: previous.packages.map((p) => (p.packageId === packageId ? { ...p, labelState: row.labelState, labelError: row.labelError } : p)) };
  }

  // ---- complete --------------------------------------------------------------------------------

  async #complete(pack: OpenPack, who: Operator): Promise<ScanReply> {
    const step = reduce(pack.state, { type: 'complete' });
    if (step.outcome === 'refused') return this.note(pack, uiMeta('ui:complete', who.id), 'refused', step.code);
    const { db, stationId } = this.bench;
    const order = pack.order;
    const at = this.at();
    const count = step.state.packages.length;
    const started = Date.parse(pack.startedAt);
    const trackings = new Map<number, { tracking: string; carrier: string | null }>();
    await db.transaction(async (tx) => {
      for (const p of step.state.packages) {
        const id = pack.packageIds.get(p.index)!;
        await upsertPackage(tx, { ...p, id, sessionId: pack.sessionId });
        const t = await this.bench.labels.assignTracking(tx, order, { index: p.index, count, weightMg: p.weightMg });
        trackings.set(p.index, t);
        await setPackageTracking(tx, id, { carrier: t.carrier, tracking: t.tracking, source: this.bench.labels.kind });
        await setPackageLabel(tx, id, { state: 'pending', jobId: null, error: null });
      }
      await endSession(tx, pack.sessionId, { state: 'complete', control: JSON.stringify(step.state.control), endedAt: at, seconds: Math.max(0, Math.round((Date.parse(at) - started) / 1000)), units: orderUnits(step.state).packed });
      await markOrderPacked(tx, order.id, at);
      await this.#learnWeights(tx, pack, step.state);
      await enqueueOutbox(tx, {
        destination: 'platform',
        aggregateType: 'order',
        aggregateId: order.id,
        payload: { kind: 'order.fulfil', orderExternalId: order.externalId, orderNumber: order.number, packages: fulfilPackages(order, step.state, trackings), notifyCustomer: this.bench.settings.notifyCustomer },
        idempotencyKey: `pack:${pack.sessionId}:fulfil`,
        stationId,
        operatorId: who.id,
        createdAt: at,
      });
      await appendAudit(tx, {
        at,
        stationId,
        operatorId: who.id,
        action: 'pack.complete',
        subjectType: 'order',
        subjectId: order.id,
        detail: { sessionId: pack.sessionId, packages: count, units: orderUnits(step.state).packed, misScans: pack.misScans, overrides: pack.overrides },
      });
    });
    pack.state = step.state;
    for (const [index, t] of trackings) pack.labels.set(index, { tracking: t.tracking, labelState: 'pending', labelError: null });
    this.publish();
    await this.#printLabels(pack, who);
    await this.#printSlip(pack);
    const view = this.publish();
    if (this.bench.settings.openNextOnComplete) {
      this.previous = { orderNumber: order.number, packages: [...pack.labels].map(([index, l]) => ({ packageId: pack.packageIds.get(index)!, index, tracking: l.tracking, labelState: l.labelState, labelError: l.labelError })) };
      await this.#openNext(who);
    }
    return { outcome: 'order-complete', code: null, view };
  }

  /**
   * Unit weights learned from packages holding one product only (estimates, never over the catalog's).
   * Only from a package whose box was scanned: with none its tare reads 0, and the weight of whatever
   * box it went in would be learned as product, then counted twice on the next pack's box.
   */
  async #learnWeights(tx: Queryable, pack: OpenPack, state: PackState): Promise<void> {
    for (const p of state.packages) {
      if (p.weightMg === null || p.weighed === 'override' || p.boxCode === null) continue;
      const units = state.packed.filter((u) => u.packageIndex === p.index);
      const products = new Set(units.map((u) => pack.order.lines.find((l) => l.id === u.lineId)?.productId ?? null));
      const [productId] = products;
      if (products.size !== 1 || !productId) continue;
      const n = units.reduce((sum, u) => sum + u.quantity, 0);
      await recordLearnedUnitWeight(tx, productId, (previous) => learnUnitWeight({ weightMg: p.weightMg!, tareMg: p.tareMg, units: n }, previous));
    }
  }

  async #printLabels(pack: OpenPack, who: Operator): Promise<void> {
    for (const p of pack.state.packages) await this.#printLabel(pack.order, pack.packageIds.get(p.index)!, who, false);
    await this.reloadLabels(pack);
  }

  /** Prints (or reprints) one package's label; the outcome is recorded on the package and audited. */
  async #printLabel(order: PackOrder, packageId: string, who: Operator, reprint: boolean): Promise<void> {
    const { db, devices, stationId } = this.bench;
    const pkg = await getPackage(db, packageId);
    if (!pkg?.tracking) throw new AppError('pack.nothing-to-reprint', `package ${packageId} has no label`);
    const count = (await listPackages(db, pkg.sessionId)).length;
    const printer = devices?.printer('label') ?? null;
    let result: { state: 'printed' | 'failed'; jobId: string | null; error: string | null };
    if (!devices || !printer) result = { state: 'failed', jobId: null, error: 'pack.no-printer' };
    else {
      try {
        const weightMg = pkg.weightMg ?? pkg.expectedWeightMg;
        const document = await this.bench.labels.render(order, { index: pkg.index, count, weightMg }, { tracking: pkg.tracking, carrier: pkg.carrier }, printer);
        const outcome = reprint && pkg.labelJobId && pkg.labelState === 'failed' ? await devices.retry(pkg.labelJobId) : await devices.print({ role: 'label', kind: 'shipping-label', documentRef: `order:${order.id}/package:${pkg.index}`, document });
        result = outcome.ok ? { state: 'printed', jobId: outcome.job.id, error: null } : { state: 'failed', jobId: outcome.job?.id ?? null, error: outcome.error.code };
      } catch (error) {
        result = { state: 'failed', jobId: null, error: error instanceof AppError ? error.code : 'pack.label-failed' };
      }
    }
    await db.transaction(async (tx) => {
      await setPackageLabel(tx, packageId, result);
      await appendAudit(tx, {
        at: this.at(),
        stationId,
        operatorId: who.id,
        action: reprint ? 'pack.label-reprint' : result.state === 'printed' ? 'pack.label-printed' : 'pack.label-failed',
        subjectType: 'package',
        subjectId: packageId,
        detail: { order: order.number, package: pkg.index, tracking: pkg.tracking, state: result.state, ...(result.error ? { error: result.error } : {}) },
      });
    });
  }

  async #printSlip(pack: OpenPack): Promise<void> {
    if (!this.bench.slips) return;
    const packed = new Map(pack.order.lines.map((l) => [l.id, pack.state.packed.filter((p) => p.lineId === l.id).reduce((n, p) => n + p.quantity, 0)]));
    const packages = pack.state.packages.map((p) => ({ index: p.index, tracking: pack.labels.get(p.index)?.tracking ?? null, weightMg: p.weightMg }));
    await this.bench.slips.print(pack.order, packages, packed);
  }

  /**
   * REPRINT (scanned, or F6) reprints the labels of the pack on screen; while that is the next order,
   * opened by itself and with no labels yet, it reprints the order packed just before (the one whose
   * label state the screen shows): its labels that did not print, or all of them if every one did.
   */
  async #reprintOnScreen(pack: OpenPack, who: Operator): Promise<void> {
    const previous = this.previous;
    const labelled = (await listPackages(this.bench.db, pack.sessionId)).some((p) => p.tracking);
    if (labelled || !previous?.packages.length) return this.#reprintAll(pack, who);
    const unprinted = previous.packages.filter((p) => p.labelState !== 'printed');
    for (const p of unprinted.length ? unprinted : previous.packages) {
      await this.#reprintPackage(p.packageId, who);
      await this.#refreshPrevious(p.packageId);
    }
    this.publish();
  }

  async #reprintAll(pack: OpenPack, who: Operator): Promise<void> {
    const packages = await listPackages(this.bench.db, pack.sessionId);
    if (!packages.some((p) => p.tracking)) throw new AppError('pack.nothing-to-reprint', 'the pack has no labels yet');
    for (const p of packages) if (p.tracking) await this.#printLabel(pack.order, p.id, who, true);
    await this.reloadLabels(pack);
    this.publish();
  }

  async #reprintPackage(packageId: string, who: Operator): Promise<void> {
    const pkg = await getPackage(this.bench.db, packageId);
    if (!pkg) throw new AppError('pack.nothing-to-reprint', `no package ${packageId}`);
    const session = await this.bench.db.get<{ order_id: string }>(sqlOrderOfSession(pkg.sessionId));
    const order = session ? await loadPackOrder(this.bench.db, session.order_id) : null;
    if (!order) throw new AppError('pack.nothing-to-reprint', `no order for package ${packageId}`);
    await this.#printLabel(order, packageId, who, true);
  }

  async #openNext(who: Operator): Promise<void> {
    const next = await nextWaitingOrderId(this.bench.db, this.bench.stationId);
    if (!next) return;
    try {
      // Straight into the next order: the serial queue is ours already, so call the inner open.
      await this.openInline(next, who);
    } catch {
      // The next order may have been claimed elsewhere in the meantime; the queue shows what is left.
    }
  }

  // ---- exception and release -------------------------------------------------------------------

  async #exception(pack: OpenPack, who: Operator, reason: ShortShipReason, note: string | null): Promise<void> {
    const step = reduce(pack.state, { type: 'exception' });
    if (step.outcome === 'refused') throw new AppError(step.code ?? 'pack.not-open', 'the pack cannot take an exception now');
    const { db, stationId } = this.bench;
    const at = this.at();
    await db.transaction(async (tx) => {
      await withdrawShortShip(tx, this.bench, pack, who.id, at, 'exception');
      await insertPackException(tx, { id: this.id(), sessionId: pack.sessionId, orderId: pack.order.id, reason, note, operatorId: who.id, at });
      await unpackSession(tx, pack.sessionId);
      await endSession(tx, pack.sessionId, { state: 'exception', control: JSON.stringify(step.state.control), endedAt: at, seconds: Math.round((Date.parse(at) - Date.parse(pack.startedAt)) / 1000), units: orderUnits(step.state).packed });
      await setOrderClaim(tx, pack.order.id, null, 'exception', at);
      await enqueueOutbox(tx, {
        destination: 'platform',
        aggregateType: 'order',
        aggregateId: pack.order.id,
        payload: { kind: 'order.hold', orderExternalId: pack.order.externalId, orderNumber: pack.order.number, reason: note ? `${reason}: ${note}` : reason },
        idempotencyKey: `pack:${pack.sessionId}:hold`,
        stationId,
        operatorId: who.id,
        createdAt: at,
      });
      await appendAudit(tx, { at, stationId, operatorId: who.id, action: 'pack.exception', subjectType: 'order', subjectId: pack.order.id, detail: { sessionId: pack.sessionId, reason, note } });
    });
    pack.state = step.state;
    this.detach();
    this.publish();
  }

  async #release(pack: OpenPack, who: Operator, why: 'cancel' | 'interrupted'): Promise<void> {
    const step = reduce(pack.state, { type: 'release' });
    const { db, stationId } = this.bench;
    const at = this.at();
    const change: UpstreamChange | null = pack.state.control.interruption;
    await db.transaction(async (tx) => {
      await withdrawShortShip(tx, this.bench, pack, who.id, at, 'release');
      await unpackSession(tx, pack.sessionId);
      await endSession(tx, pack.sessionId, { state: 'abandoned', control: JSON.stringify(step.state.control), endedAt: at, seconds: Math.round((Date.parse(at) - Date.parse(pack.startedAt)) / 1000), units: orderUnits(step.state).packed });
      // After an upstream change the platform decided the order's status; only our claim is dropped.
      if (why === 'cancel') await setOrderClaim(tx, pack.order.id, null, 'open', at);
      else await tx.run(clearClaim(pack.order.id));
      if (why === 'cancel')
        await enqueueOutbox(tx, {
          destination: 'platform',
          aggregateType: 'order',
          aggregateId: pack.order.id,
          payload: { kind: 'order.release', orderExternalId: pack.order.externalId, orderNumber: pack.order.number },
          idempotencyKey: `pack:${pack.sessionId}:release`,
          stationId,
          operatorId: who.id,
          createdAt: at,
        });
      await appendAudit(tx, { at, stationId, operatorId: who.id, action: 'pack.release', subjectType: 'order', subjectId: pack.order.id, detail: { sessionId: pack.sessionId, why, change } });
    });
    this.detach();
    this.pack = null;
    this.previous = null;
    this.publish();
  }

  /** Opens from inside the serial queue (after a completion). */
  protected openInline(orderId: string, who: Operator): Promise<PackView> {
    return this.openUnqueued(orderId, who);
  }
}


function sqlOrderOfSession(sessionId: string) {
  return sql`SELECT order_id FROM pack_sessions WHERE id = ${sessionId}`;
}

function clearClaim(orderId: string) {
  return sql`UPDATE orders SET claimed_station_id = NULL, claimed_operator_id = NULL WHERE id = ${orderId}`;
}

/**
 * One fulfilment entry per package with its own lines, named by the platform's line id. Demo orders
 * have no platform line id (order_lines.external_id is null): then the local line id stands in.
 */
export function fulfilPackages(order: PackOrder, state: PackState, trackings: ReadonlyMap<number, { tracking: string; carrier: string | null }>): PackagePayload[] {
  return state.packages
    .map((p) => {
      const perLine = new Map<string, number>();
      for (const u of state.packed) if (u.packageIndex === p.index) perLine.set(u.lineId, (perLine.get(u.lineId) ?? 0) + u.quantity);
      const t = trackings.get(p.index);
      return {
        tracking: t?.tracking ?? null,
        carrier: t?.carrier ?? null,
        trackingUrl: null,
        weightMg: p.weightMg,
        lines: [...perLine].map(([lineId, quantity]) => ({ lineExternalId: order.lines.find((l) => l.id === lineId)?.externalId ?? lineId, quantity })),
      };
    })
    .filter((p) => p.lines.length > 0);
}
