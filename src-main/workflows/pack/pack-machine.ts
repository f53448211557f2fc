/**
 * The pack session as an explicit state machine (STYLE.md habit 5): a pure reducer over events with
 * named phases. No I/O, no clock: the pack service feeds it events, persists what it returns in one
 * transaction and only then tells the packer. Illegal transitions return `refused` with a code,
 * never a silent no-op.
 */
import type { PackPhase, ScanOutcome, UpstreamChange } from '../../../src-shared/domain/pack';
import type { ErrorCode } from '../../../src-shared/errors/codes';
import { checkWeight, expectedWeightMg, type Tolerance } from './weight-check';

export interface MachineLine {
  readonly id: string;
  readonly productId: string | null;
  readonly quantity: number;
  readonly requiresSerial: boolean;
  readonly requiresLot: boolean;
  readonly unitWeightMg: number | null;
}

/** One accepted item scan (or manual confirm): what undo takes back and what a package holds. */
export interface Packed {
  readonly seq: number;
  readonly lineId: string;
  readonly quantity: number;
  readonly packageIndex: number;
  readonly serial: string | null;
  readonly lot: string | null;
  readonly expiry: string | null;
  readonly manual: boolean;
}

export interface MachinePackage {
  readonly index: number;
  readonly boxCode: string | null;
  readonly tareMg: number;
  readonly weightMg: number | null;
  readonly expectedWeightMg: number | null;
  readonly weighed: 'none' | 'ok' | 'override' | 'skipped';
}

/** An item scan that still needs its serial or lot (the next scan supplies it). */
export interface Awaiting {
  readonly kind: 'serial' | 'lot';
  readonly lineId: string;
  readonly quantity: number;
  readonly serial: string | null;
  readonly lot: string | null;
  readonly expiry: string | null;
  readonly manual: boolean;
}

/** The small control part of the state, stored as JSON on the session row (migration 0004). */
export interface Control {
  readonly phase: PackPhase;
  readonly current: number;
  /** What the package being weighed closes into: another package, or the end of the order. */
  readonly closing: 'next' | 'complete' | null;
  /** Only a settled weight with a higher seq counts: never the weight the previous box left. */
  readonly baselineSeq: number;
  readonly awaiting: Awaiting | null;
  readonly weightOff: { readonly actualMg: number; readonly expectedMg: number; readonly offByMg: number } | null;
  readonly interruption: UpstreamChange | null;
  /**
   * The packer chose to ship what is packed: complete is allowed with units missing. Its
   * `pack_exceptions` row lives as long as the flag: undo (or a cancel) withdraws both.
   */
  readonly short?: boolean;
  /** The empty last package a short ship dropped (Next package pressed, then the rest was missing): undo puts it back. */
  readonly dropped?: MachinePackage | null;
}

export interface PackState {
  readonly lines: readonly MachineLine[];
  readonly packed: readonly Packed[];
  readonly packages: readonly MachinePackage[];
  readonly control: Control;
}

/** What the scan resolved to, from the catalog lookup in the service. */
export type PackEvent =
  | {
      readonly type: 'item';
      readonly seq: number;
      /** null: the code is in no product's barcodes. */
      readonly productId: string | null;
      readonly quantity: number;
      readonly serial: string | null;
      readonly lot: string | null;
      readonly expiry: string | null;
      /** The serial is already packed in another session (checked in SQLite by the service). */
      readonly serialUsedElsewhere: boolean;
    }
  | { readonly type: 'manual'; readonly seq: number; readonly lineId: string }
  | { readonly type: 'text'; readonly seq: number; readonly value: string; readonly serialUsedElsewhere: boolean }
  | { readonly type: 'undo' }
  | { readonly type: 'next-package' }
  | { readonly type: 'box'; readonly code: string; readonly tareMg: number }
  | { readonly type: 'settled'; readonly mg: number; readonly seq: number; readonly tolerance: Tolerance }
  | { readonly type: 'skip-weight' }
  | { readonly type: 'recount'; readonly scaleSeq: number }
  | { readonly type: 'override' }
  | { readonly type: 'complete' }
  | { readonly type: 'exception' }
  /** Ship what is packed (partial fulfilment, where the settings allow): weigh, then complete short. */
  | { readonly type: 'short-ship' }
  | { readonly type: 'release' }
  | { readonly type: 'interrupt'; readonly change: UpstreamChange };

export interface Step {
  readonly state: PackState;
  readonly outcome: ScanOutcome;
  readonly lineId: string | null;
  readonly code: ErrorCode | null;
  /** The item scan this event packed, for the scan row. */
  readonly packed: Packed | null;
  /** The seq of the scan an undo took back. */
  readonly undoneSeq: number | null;
  /** An undo took back a short ship: its exception row goes with it. */
  readonly withdrewShortShip: boolean;
}

export function initialState(lines: readonly MachineLine[], baselineSeq: number): PackState {
  return {
    lines,
    packed: [],
    packages: [{ index: 1, boxCode: null, tareMg: 0, weightMg: null, expectedWeightMg: null, weighed: 'none' }],
    control: { phase: 'scanning', current: 1, closing: null, baselineSeq, awaiting: null, weightOff: null, interruption: null },
  };
}

export function packedOf(state: PackState, lineId: string): number {
  let n = 0;
  for (const p of state.packed) if (p.lineId === lineId) n += p.quantity;
  return n;
}

export function unitsIn(state: PackState, packageIndex: number): number {
  let n = 0;
  for (const p of state.packed) if (p.packageIndex === packageIndex) n += p.quantity;
  return n;
}

export function orderUnits(state: PackState): { readonly packed: number; readonly total: number } {
  return { packed: state.packed.reduce((n, p) => n + p.quantity, 0), total: state.lines.reduce((n, l) => n + l.quantity, 0) };
}

const LIVE: ReadonlySet<PackPhase> = new Set(['scanning', 'weighing', 'weight-off', 'ready']);

function result(state: PackState, outcome: ScanOutcome, extra: Partial<Omit<Step, 'state' | 'outcome'>> = {}): Step {
  return { state, outcome, lineId: null, code: null, packed: null, undoneSeq: null, withdrewShortShip: false, ...extra };
}

function refuse(state: PackState, code: ErrorCode): Step {
  return result(state, 'refused', { code });
}

function withControl(state: PackState, control: Partial<Control>): PackState {
  return { ...state, control: { ...state.control, ...control } };
}

export function reduce(state: PackState, event: PackEvent): Step {
  const phase = state.control.phase;
  if (event.type === 'interrupt') {
    if (!LIVE.has(phase) && phase !== 'interrupted') return refuse(state, 'pack.not-open');
    return result(withControl(state, { phase: 'interrupted', interruption: event.change, awaiting: null }), 'refused', { code: 'pack.interrupted' });
  }
  if (phase === 'interrupted') return event.type === 'release' ? result(withControl(state, { phase: 'released' }), 'command') : refuse(state, 'pack.interrupted');
  if (!LIVE.has(phase)) return refuse(state, 'pack.not-open');
  switch (event.type) {
    case 'item':
      return onItem(state, event);
    case 'manual':
      return onManual(state, event);
    case 'text':
      return onText(state, event);
    case 'undo':
      return onUndo(state);
    case 'next-package':
      return onNextPackage(state);
    case 'box':
      return onBox(state, event.code, event.tareMg);
    case 'settled':
      return onSettled(state, event.mg, event.seq, event.tolerance);
    case 'skip-weight':
      // Unweighed, the package still carries its expected weight (for the label), when every unit's is known.
      return phase === 'weighing' ? closePackage(state, 'skipped', null, packageExpected(state)) : refuse(state, 'pack.not-weighing');
    case 'recount':
      return phase === 'weight-off' ? result(withControl(state, { phase: 'weighing', weightOff: null, baselineSeq: event.scaleSeq }), 'command') : refuse(state, 'pack.not-weight-off');
    case 'override':
      return onOverride(state);
    case 'complete':
      return phase === 'ready' ? result(withControl(state, { phase: 'complete' }), 'command') : refuse(state, orderUnits(state).packed < orderUnits(state).total ? 'pack.not-all-packed' : 'pack.weigh-first');
    case 'exception':
      return result(withControl(state, { phase: 'exception', awaiting: null }), 'command');
    case 'short-ship':
      return onShortShip(state);
    case 'release':
      return result(withControl(state, { phase: 'released', awaiting: null }), 'command');
    default: {
      const never: never = event;
      throw new Error(`unknown pack event ${JSON.stringify(never)}`);
    }
  }
}

type ItemEvent = Extract<PackEvent, { type: 'item' }>;

function onItem(state: PackState, event: ItemEvent): Step {
  if (state.control.awaiting) return refuse(state, state.control.awaiting.kind === 'serial' ? 'pack.serial-expected' : 'pack.lot-expected');
  if (event.productId === null) return result(state, 'unknown-code', { code: 'pack.unknown-code' });
  const forProduct = state.lines.filter((l) => l.productId === event.productId);
  if (forProduct.length === 0) return result(state, 'wrong-item', { code: 'pack.wrong-item' });
  const line = forProduct.find((l) => l.quantity - packedOf(state, l.id) >= event.quantity);
  if (!line) return result(state, 'too-many', { code: 'pack.too-many', lineId: forProduct[0]!.id });
  if (state.control.phase !== 'scanning') return result(state, 'weigh-first', { code: 'pack.weigh-first', lineId: line.id });
  if (event.serial !== null && (event.serialUsedElsewhere || serialTaken(state, line, event.serial))) return result(state, 'duplicate-serial', { code: 'pack.duplicate-serial', lineId: line.id });
  if (line.requiresSerial && event.quantity > 1) return refuse(state, 'pack.serial-needs-single-unit');
  const pending: Awaiting = { kind: 'serial', lineId: line.id, quantity: event.quantity, serial: event.serial, lot: event.lot, expiry: event.expiry, manual: false };
  return advance(state, pending, event.seq);
}

function onManual(state: PackState, event: Extract<PackEvent, { type: 'manual' }>): Step {
  if (state.control.awaiting) return refuse(state, 'pack.serial-expected');
  const line = state.lines.find((l) => l.id === event.lineId);
  if (!line) return refuse(state, 'pack.unknown-line');
  if (packedOf(state, line.id) >= line.quantity) return result(state, 'too-many', { code: 'pack.too-many', lineId: line.id });
  if (state.control.phase !== 'scanning') return result(state, 'weigh-first', { code: 'pack.weigh-first', lineId: line.id });
  return advance(state, { kind: 'serial', lineId: line.id, quantity: 1, serial: null, lot: null, expiry: null, manual: true }, event.seq);
}

/** A scan of plain text: the serial or lot an awaiting item asked for; otherwise an unknown code. */
function onText(state: PackState, event: Extract<PackEvent, { type: 'text' }>): Step {
  const awaiting = state.control.awaiting;
  if (!awaiting) return result(state, 'unknown-code', { code: 'pack.unknown-code' });
  const line = state.lines.find((l) => l.id === awaiting.lineId)!;
  if (awaiting.kind === 'serial') {
    if (event.serialUsedElsewhere || serialTaken(state, line, event.value)) return result(state, 'duplicate-serial', { code: 'pack.duplicate-serial', lineId: line.id });
    return advance(withControl(state, { awaiting: null }), { ...awaiting, serial: event.value }, event.seq);
  }
  return advance(withControl(state, { awaiting: null }), { ...awaiting, lot: event.value }, event.seq);
}

/** Asks for what the line still needs (serial, then lot), else packs the unit. */
function advance(state: PackState, item: Awaiting, seq: number): Step {
  const line = state.lines.find((l) => l.id === item.lineId)!;
  if (line.requiresSerial && item.serial === null) return result(withControl(state, { awaiting: { ...item, kind: 'serial' } }), 'needs-serial', { lineId: line.id, code: 'pack.scan-serial' });
  if (line.requiresLot && item.lot === null) return result(withControl(state, { awaiting: { ...item, kind: 'lot' } }), 'needs-lot', { lineId: line.id, code: 'pack.scan-lot' });
  const packed: Packed = { seq, lineId: line.id, quantity: item.quantity, packageIndex: state.control.current, serial: item.serial, lot: item.lot, expiry: item.expiry, manual: item.manual };
  let next: PackState = { ...state, packed: [...state.packed, packed], control: { ...state.control, awaiting: null } };
  const units = orderUnits(next);
  if (units.packed === units.total) {
    next = withControl(next, { phase: 'weighing', closing: 'complete' });
    return result(next, 'order-complete', { lineId: line.id, packed });
  }
  return result(next, packedOf(next, line.id) === line.quantity ? 'line-complete' : 'ok', { lineId: line.id, packed });
}

function serialTaken(state: PackState, line: MachineLine, serial: string): boolean {
  return state.packed.some((p) => p.serial === serial && state.lines.find((l) => l.id === p.lineId)?.productId === line.productId);
}

function onUndo(state: PackState): Step {
  if (state.control.awaiting) return result(withControl(state, { awaiting: null }), 'undone');
  if (state.control.short) return withdrawShortShip(state);
  const last = state.packed.at(-1);
  if (!last || last.packageIndex !== state.control.current) return refuse(state, 'pack.nothing-to-undo');
  const packed = state.packed.slice(0, -1);
  const packages = state.packages.map((p) => (p.index === state.control.current ? { ...p, weightMg: null, expectedWeightMg: null, weighed: 'none' as const } : p));
  const next: PackState = { ...state, packed, packages, control: { ...state.control, phase: 'scanning', closing: null, weightOff: null } };
  return result(next, 'undone', { lineId: last.lineId, undoneSeq: last.seq });
}

/**
 * Ship what is packed: the current package is weighed and the order completes short. When it is
 * empty (Next package pressed, then the rest turned out missing) it is dropped: the packages before
 * it were weighed when they closed, so the order is ready to complete at once.
 */
function onShortShip(state: PackState): Step {
  const { current } = state.control;
  if (state.control.phase !== 'scanning' || state.control.awaiting) return refuse(state, 'pack.weigh-first');
  if (unitsIn(state, current) > 0) return result(withControl(state, { phase: 'weighing', closing: 'complete', short: true }), 'command');
  if (orderUnits(state).packed === 0) return refuse(state, 'pack.package-empty');
  const dropped = state.packages.find((p) => p.index === current)!;
  const packages = state.packages.filter((p) => p.index !== current);
  return result({ ...state, packages, control: { ...state.control, phase: 'ready', closing: null, current: current - 1, short: true, dropped } }, 'command');
}

/**
 * Undo right after a short ship takes back the short ship, the packer's last act (the missing unit
 * turned up): back to scanning the same package, its weight cleared, units kept. A second undo takes
 * back units as usual.
 */
function withdrawShortShip(state: PackState): Step {
  const dropped = state.control.dropped;
  const back: Control = { ...state.control, phase: 'scanning', closing: null, weightOff: null, short: false, dropped: null };
  // The dropped package comes back as it was; the ones before it keep the weight they closed with.
  if (dropped) return result({ ...state, packages: [...state.packages, dropped], control: { ...back, current: dropped.index } }, 'undone', { withdrewShortShip: true });
  const packages = state.packages.map((p) => (p.index === state.control.current ? { ...p, weightMg: null, expectedWeightMg: null, weighed: 'none' as const } : p));
  return result({ ...state, packages, control: back }, 'undone', { withdrewShortShip: true });
}

function onNextPackage(state: PackState): Step {
  if (state.control.phase !== 'scanning') return refuse(state, 'pack.weigh-first');
  if (unitsIn(state, state.control.current) === 0) return refuse(state, 'pack.package-empty');
  return result(withControl(state, { phase: 'weighing', closing: 'next' }), 'command');
}

/**
 * The current package's box. Changed after the package was weighed (or stopped on a weight off), the
 * weight was the old box's: the package goes back to weighing, so neither the check, the label's
 * weight nor a learned unit weight mixes one box's weight with another's tare.
 */
function onBox(state: PackState, code: string, tareMg: number): Step {
  const current = state.packages.find((p) => p.index === state.control.current)!;
  if (current.boxCode === code && current.tareMg === tareMg) return result(state, 'box');
  const reweigh = state.control.phase === 'ready' || state.control.phase === 'weight-off';
  const boxed: MachinePackage = reweigh ? { ...current, boxCode: code, tareMg, weightMg: null, expectedWeightMg: null, weighed: 'none' } : { ...current, boxCode: code, tareMg };
  const packages = state.packages.map((p) => (p.index === current.index ? boxed : p));
  const control: Control = reweigh ? { ...state.control, phase: 'weighing', closing: state.control.closing ?? 'complete', weightOff: null } : state.control;
  return result({ ...state, packages, control }, 'box');
}

function packageExpected(state: PackState): number | null {
  const current = state.packages.find((p) => p.index === state.control.current)!;
  const units = state.packed.filter((p) => p.packageIndex === current.index).map((p) => ({ quantity: p.quantity, unitWeightMg: state.lines.find((l) => l.id === p.lineId)!.unitWeightMg }));
  return expectedWeightMg(units, current.tareMg);
}

function onSettled(state: PackState, mg: number, seq: number, tolerance: Tolerance): Step {
  if (state.control.phase !== 'weighing') return refuse(state, 'pack.not-weighing');
  if (seq <= state.control.baselineSeq || mg <= 0) return refuse(state, 'pack.weight-not-fresh');
  const current = state.packages.find((p) => p.index === state.control.current)!;
  const units = state.packed.filter((p) => p.packageIndex === current.index).map((p) => ({ quantity: p.quantity, unitWeightMg: state.lines.find((l) => l.id === p.lineId)!.unitWeightMg }));
  const expected = expectedWeightMg(units, current.tareMg);
  // Without every unit weight there is nothing to check against: the weight is recorded, unchecked.
  if (expected === null) return closePackage(state, 'skipped', mg, null, seq);
  const check = checkWeight(mg, expected, tolerance);
  if (!check.ok) {
    const weightOff = { actualMg: mg, expectedMg: expected, offByMg: check.offByMg };
    const packages = state.packages.map((p) => (p.index === current.index ? { ...p, weightMg: mg, expectedWeightMg: expected } : p));
    return result({ ...state, packages, control: { ...state.control, phase: 'weight-off', weightOff, baselineSeq: seq } }, 'refused', { code: 'pack.weight-off' });
  }
  return closePackage(state, 'ok', mg, expected, seq);
}

function onOverride(state: PackState): Step {
  const off = state.control.weightOff;
  if (state.control.phase !== 'weight-off' || !off) return refuse(state, 'pack.not-weight-off');
  return closePackage(withControl(state, { weightOff: null }), 'override', off.actualMg, off.expectedMg);
}

/** Records the package's weight and moves on: a new package, or ready to complete. */
function closePackage(state: PackState, weighed: MachinePackage['weighed'], mg: number | null, expected: number | null, seq?: number): Step {
  const index = state.control.current;
  const packages = state.packages.map((p) => (p.index === index ? { ...p, weighed, weightMg: mg, expectedWeightMg: expected } : p));
  const baselineSeq = seq ?? state.control.baselineSeq;
  if (state.control.closing === 'next') {
    const fresh: MachinePackage = { index: index + 1, boxCode: null, tareMg: 0, weightMg: null, expectedWeightMg: null, weighed: 'none' };
    return result({ ...state, packages: [...packages, fresh], control: { ...state.control, phase: 'scanning', closing: null, current: index + 1, baselineSeq, weightOff: null } }, 'command');
  }
  return result({ ...state, packages, control: { ...state.control, phase: 'ready', closing: null, baselineSeq, weightOff: null } }, 'command');
}
