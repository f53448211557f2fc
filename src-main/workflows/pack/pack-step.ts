/**
 * One step of an open pack: an event runs through the pack machine and its outcome (scan row, package
 * rows, the session's control state, audit where a person is accountable) commits in one transaction
 * before memory, the screen and the reply change, so a SIGKILL loses nothing acknowledged.
 */
import type { LiveScale } from '../../../src-shared/domain/scale';
import type { PackCommand, ScanOutcome } from '../../../src-shared/domain/pack';
import { MIS_SCANS } from '../../../src-shared/domain/pack';
import type { ErrorCode } from '../../../src-shared/errors/codes';
import type { Queryable } from '../../db/database';
import { appendAudit } from '../../db/repos/audit';
import { withdrawSessionExceptions } from '../../db/repos/pack-exceptions';
import { deletePackagesAfter, upsertPackage } from '../../db/repos/pack-packages';
import { insertPackScan, markScanUndone } from '../../db/repos/pack-scans';
import { coarseState, saveSession } from '../../db/repos/pack-sessions';
import { reduce, type PackEvent, type Step } from './pack-machine';
import { newId, nowIso, packView, publishView, type OpenPack, type Operator, type PackContext, type PackDeps, type ScanMeta, type ScanReply } from './open-pack';

/**
 * Runs one event through the machine and commits the outcome; `within` runs inside the event's
 * transaction (rows that must commit with it) when the event changed the pack: not on a refusal or a
 * mis-scan, but on an interruption (whose outcome reads `refused` to the packer). A null `meta` is an
 * event no scan carried (a weight, an upstream change).
 */
export async function applyEvent(ctx: PackContext, pack: OpenPack, event: PackEvent, meta: ScanMeta | null, accountable?: Operator, within?: (tx: Queryable) => Promise<void>): Promise<ScanReply> {
  const { deps } = ctx;
  const step = reduce(pack.state, event);
  const seq = meta ? pack.seq + 1 : pack.seq;
  const misScan = MIS_SCANS.has(step.outcome);
  const overrides = pack.overrides + (event.type === 'override' && step.outcome !== 'refused' ? 1 : 0);
  const misScans = pack.misScans + (misScan ? 1 : 0);
  const newPackages = step.state.packages.filter((p) => !pack.packageIds.has(p.index)).map((p) => [p.index, newId(deps)] as const);
  const at = nowIso(deps);
  await deps.db.transaction(async (tx) => {
    if (meta) await insertScanRow(tx, deps, pack, meta, seq, step);
    if (step.undoneSeq !== null) await markScanUndone(tx, pack.sessionId, step.undoneSeq);
    if (step.withdrewShortShip) await withdrawShortShip(tx, deps, pack, meta?.operatorId ?? accountable?.id ?? null, at, 'undo');
    if (step.state.packages !== pack.state.packages) {
      const ids = new Map([...pack.packageIds, ...newPackages]);
      for (const p of step.state.packages) {
        const before = pack.state.packages.find((q) => q.index === p.index);
        if (before === p) continue;
        await upsertPackage(tx, { ...p, id: ids.get(p.index)!, sessionId: pack.sessionId });
      }
      // A package the machine dropped (the empty last one of a short ship) leaves no row to label.
      if (lastIndex(step) < lastIndex(pack)) await deletePackagesAfter(tx, pack.sessionId, lastIndex(step));
    }
    await saveSession(tx, pack.sessionId, { state: coarseState(step.state.control.phase, coarseState(pack.state.control.phase, 'scanning')), control: JSON.stringify(step.state.control), misScans, overrides });
    if (accountable && step.outcome !== 'refused') await auditStep(tx, deps, pack, event, step, accountable, at);
    if (within && step.state !== pack.state) await within(tx);
  });
  for (const [index, id] of newPackages) pack.packageIds.set(index, id);
  for (const index of [...pack.packageIds.keys()]) if (index > lastIndex(step)) pack.packageIds.delete(index);
  const wasWeighing = pack.state.control.phase === 'weighing';
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
  const view = publishView(ctx);
  // Entering the weighing phase: a weight that settled after the last item (and above the baseline) counts at once.
  if (!wasWeighing && step.state.control.phase === 'weighing') await weighSettled(ctx, pack, deps.devices?.scale.current() ?? null);
  return { outcome: step.outcome, code: step.code, view: ctx.pack === pack ? packView(ctx) : view };
}

/**
 * Takes back the session's short ship (its `pack_exceptions` row) inside the caller's transaction,
 * audited: an undo, a cancel, or a hold that replaces it. Nothing when there was none.
 */
export async function withdrawShortShip(tx: Queryable, deps: PackDeps, pack: OpenPack, operatorId: string | null, at: string, why: 'undo' | 'release' | 'exception'): Promise<void> {
  const exceptionIds = await withdrawSessionExceptions(tx, pack.sessionId);
  if (exceptionIds.length === 0) return;
  await appendAudit(tx, { at, stationId: deps.stationId, operatorId, action: 'pack.short-ship-withdrawn', subjectType: 'order', subjectId: pack.order.id, detail: { sessionId: pack.sessionId, exceptionIds, why } });
}

function lastIndex(holder: { readonly state: { readonly packages: readonly { readonly index: number }[] } }): number {
  return Math.max(0, ...holder.state.packages.map((p) => p.index));
}

/** A scan that changes nothing but is recorded (an order scanned mid-pack, an unknown command). */
export async function noteScan(ctx: PackContext, pack: OpenPack, meta: ScanMeta, outcome: ScanOutcome, code: ErrorCode | PackCommand | null): Promise<ScanReply> {
  const seq = pack.seq + 1;
  await ctx.deps.db.transaction((tx) => insertScanRow(tx, ctx.deps, pack, meta, seq, { outcome, lineId: null, packed: null }));
  pack.seq = seq;
  pack.lastScan = { seq, raw: meta.raw, outcome, lineId: null, code, manual: false };
  return { outcome, code, view: publishView(ctx) };
}

/** Feeds a fresh settled weight (never one older than the last item scanned) to a weighing package. */
export async function weighSettled(ctx: PackContext, pack: OpenPack, live: LiveScale | null): Promise<void> {
  const { settings } = ctx.deps;
  if (pack.state.control.phase !== 'weighing') return;
  if (!live || live.status === 'disconnected') {
    if (settings.weighWithoutScale === 'skip') await applyEvent(ctx, pack, { type: 'skip-weight' }, null);
    return;
  }
  const settled = live.settled;
  // An empty platter (the box lifted to recount or to change boxes) weighs nothing: no refusal for the packer.
  if (!settled || settled.seq <= pack.state.control.baselineSeq || settled.mg <= 0) return;
  if (pack.lastItemAt && settled.at < pack.lastItemAt) return;
  await applyEvent(ctx, pack, { type: 'settled', mg: settled.mg, seq: settled.seq, tolerance: settings.tolerance }, null);
}

async function insertScanRow(tx: Queryable, deps: PackDeps, pack: OpenPack, meta: ScanMeta, seq: number, step: Pick<Step, 'outcome' | 'lineId' | 'packed'>): Promise<void> {
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
    at: nowIso(deps),
    operatorId: meta.operatorId,
  });
}

async function auditStep(tx: Queryable, deps: PackDeps, pack: OpenPack, event: PackEvent, step: Step, who: Operator, at: string): Promise<void> {
  // A manual confirm is audited when it recorded something: the unit packed, or awaiting its serial
  // or lot. One that ends as too many or weigh first packed nothing.
  if (event.type === 'manual' && step.packed === null && !step.state.control.awaiting?.manual) return;
  const action = event.type === 'override' ? 'pack.weight-override' : event.type === 'manual' ? 'pack.manual-confirm' : event.type === 'skip-weight' ? 'pack.weight-skipped' : null;
  if (!action) return;
  const off = pack.state.control.weightOff;
  await appendAudit(tx, {
    at,
    stationId: deps.stationId,
    operatorId: who.id,
    action,
    subjectType: 'order',
    subjectId: pack.order.id,
    detail: { sessionId: pack.sessionId, lineId: step.lineId, package: pack.state.control.current, ...(off ? { actualMg: off.actualMg, expectedMg: off.expectedMg } : {}) },
  });
}
