/**
 * The stability filter: from a scale's stream of readings, ONE settled weight per box. A weight
 * settles after `count` consecutive stable readings that stay within `toleranceMg` of each other.
 * Zero and motion never settle. Once settled, the filter holds that weight and re-arms only when the
 * weight changes by more than the tolerance or the platter returns to zero, so a settled weight is
 * never announced twice, and never carried over to the next box (a new box starts from zero or from
 * a different weight).
 *
 *   empty ──stable──▶ settling ──count reached──▶ settled ──zero/under──▶ empty (event: cleared)
 *                      ▲   │ motion/over/fault: run restarts      │ weight changes beyond tolerance
 *                      └───┴──────────────────────────────────────┘ (re-armed; a disturbance that
 *                                             settles back on the held weight announces nothing)
 */
import { mgToGrams } from '../../../src-shared/units/weight';
import type { ScaleReading } from './types';

export interface StabilityConfig {
  /** Consecutive stable readings needed (≥ 1). */
  readonly count: number;
  /** Largest spread between those readings, and the change that re-arms a settled weight (mg, ≥ 0). */
  readonly toleranceMg: number;
  /** Stable weights at or below this are an empty platter (mg, default 0: only zero is). */
  readonly emptyAtOrBelowMg?: number;
}

/** Three readings in a row (≈0.3–0.6 s at the 5–10 Hz scales send), within 5 g: one or two divisions of a shipping scale. */
export const DEFAULT_STABILITY: StabilityConfig = { count: 3, toleranceMg: 5_000, emptyAtOrBelowMg: 0 };

/** A run of consecutive stable readings. */
export interface StableRun {
  readonly count: number;
  readonly minMg: number;
  readonly maxMg: number;
  readonly lastMg: number;
}

export type StabilityState =
  /** Nothing on the platter (zero or under): armed. */
  | { readonly phase: 'empty' }
  /** Something on the platter, not settled yet. `heldMg`: the weight announced before a disturbance; `run`: null after motion/over/fault. */
  | { readonly phase: 'settling'; readonly heldMg: number | null; readonly run: StableRun | null }
  /** Announced; holds until the weight changes or the platter empties. */
  | { readonly phase: 'settled'; readonly mg: number };

export type StabilityEvent =
  | { readonly type: 'settled'; readonly mg: number; readonly grams: number; readonly reading: ScaleReading }
  /** The settled box left the platter. */
  | { readonly type: 'cleared' };

export interface StabilityStep {
  readonly state: StabilityState;
  readonly event: StabilityEvent | null;
}

export const INITIAL_STABILITY_STATE: StabilityState = { phase: 'empty' };

type Observation = { readonly kind: 'empty' } | { readonly kind: 'disturbed' } | { readonly kind: 'stable'; readonly mg: number };

function observe(reading: ScaleReading, emptyAtOrBelowMg: number): Observation {
  switch (reading.status) {
    case 'zero':
    case 'under':
      return { kind: 'empty' };
    case 'stable':
      if (reading.mg === null) return { kind: 'disturbed' };
      return reading.mg <= emptyAtOrBelowMg ? { kind: 'empty' } : { kind: 'stable', mg: reading.mg };
    case 'motion':
    case 'over':
    case 'fault':
    case 'needs-calibration':
    case 'needs-rezero':
      return { kind: 'disturbed' };
    default: {
      const never: never = reading.status;
      throw new Error(`unknown scale status ${String(never)}`);
    }
  }
}

function extend(run: StableRun | null, mg: number, toleranceMg: number): StableRun {
  if (run) {
    const minMg = Math.min(run.minMg, mg);
    const maxMg = Math.max(run.maxMg, mg);
    if (maxMg - minMg <= toleranceMg) return { count: run.count + 1, minMg, maxMg, lastMg: mg };
  }
  return { count: 1, minMg: mg, maxMg: mg, lastMg: mg };
}

function settleOrCount(heldMg: number | null, run: StableRun, reading: ScaleReading, config: StabilityConfig): StabilityStep {
  if (run.count < config.count) return { state: { phase: 'settling', heldMg, run }, event: null };
  if (heldMg !== null && Math.abs(run.lastMg - heldMg) <= config.toleranceMg) return { state: { phase: 'settled', mg: heldMg }, event: null };
  return { state: { phase: 'settled', mg: run.lastMg }, event: { type: 'settled', mg: run.lastMg, grams: mgToGrams(run.lastMg), reading } };
}

/** The reducer: one reading in, the next state and at most one event out. Pure. */
export function stabilityStep(state: StabilityState, reading: ScaleReading, config: StabilityConfig): StabilityStep {
  const seen = observe(reading, config.emptyAtOrBelowMg ?? 0);
  switch (state.phase) {
    case 'empty':
      if (seen.kind !== 'stable') return { state, event: null };
      return settleOrCount(null, extend(null, seen.mg, config.toleranceMg), reading, config);
    case 'settling':
      if (seen.kind === 'empty') return { state: INITIAL_STABILITY_STATE, event: state.heldMg === null ? null : { type: 'cleared' } };
      if (seen.kind === 'disturbed') return { state: { phase: 'settling', heldMg: state.heldMg, run: null }, event: null };
      return settleOrCount(state.heldMg, extend(state.run, seen.mg, config.toleranceMg), reading, config);
    case 'settled':
      if (seen.kind === 'empty') return { state: INITIAL_STABILITY_STATE, event: { type: 'cleared' } };
      if (seen.kind === 'disturbed') return { state: { phase: 'settling', heldMg: state.mg, run: null }, event: null };
      if (Math.abs(seen.mg - state.mg) <= config.toleranceMg) return { state, event: null };
      return settleOrCount(state.mg, extend(null, seen.mg, config.toleranceMg), reading, config);
    default: {
      const never: never = state;
      throw new Error(`unknown stability phase ${String(never)}`);
    }
  }
}

export function checkStabilityConfig(config: StabilityConfig): void {
  if (!Number.isInteger(config.count) || config.count < 1) throw new RangeError(`stability count must be a whole number ≥ 1, got ${config.count}`);
  if (!Number.isSafeInteger(config.toleranceMg) || config.toleranceMg < 0) throw new RangeError(`stability tolerance must be whole mg ≥ 0, got ${config.toleranceMg}`);
  const empty = config.emptyAtOrBelowMg ?? 0;
  if (!Number.isSafeInteger(empty) || empty < 0) throw new RangeError(`empty threshold must be whole mg ≥ 0, got ${empty}`);
}

/** The reducer with its state kept, for a driver that feeds it readings as they come. */
export class StabilityFilter {
  private current: StabilityState = INITIAL_STABILITY_STATE;

  constructor(private readonly config: StabilityConfig = DEFAULT_STABILITY) {
    checkStabilityConfig(config);
  }

  get state(): StabilityState {
    return this.current;
  }

  push(reading: ScaleReading): StabilityEvent | null {
    const step = stabilityStep(this.current, reading, this.config);
    this.current = step.state;
    return step.event;
  }

  /** Forget everything (the scale was disconnected, or the station switched scales). */
  reset(): void {
    this.current = INITIAL_STABILITY_STATE;
  }
}
