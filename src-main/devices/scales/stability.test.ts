import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mgToGrams } from '../../../src-shared/units/weight';
import { StabilityFilter, stabilityStep, INITIAL_STABILITY_STATE, type StabilityConfig, type StabilityEvent } from './stability';
import { SCALE_STATUSES, type ScaleReading, type ScaleStatus } from './types';

const RAW = new Uint8Array(0);
const stable = (grams: number): ScaleReading => ({ status: 'stable', mg: grams * 1000, grams, raw: RAW });
const moving = (grams: number | null): ScaleReading => ({ status: 'motion', mg: grams === null ? null : grams * 1000, grams, raw: RAW });
const state = (status: ScaleStatus): ScaleReading => ({ status, mg: null, grams: null, raw: RAW });
const zero = state('zero');

const CONFIG: StabilityConfig = { count: 3, toleranceMg: 2_000 };

/** The events a filter emits for these readings, as "settled <grams>" / "cleared". */
function run(readings: readonly ScaleReading[], config: StabilityConfig = CONFIG): string[] {
  const filter = new StabilityFilter(config);
  return readings.map((r) => filter.push(r)).filter((e): e is StabilityEvent => e !== null).map((e) => (e.type === 'settled' ? `settled ${e.grams}` : 'cleared'));
}

describe('the stability filter', () => {
  it('settles one weight after three consecutive stable readings within tolerance', () => {
    expect(run([zero, moving(800), moving(1200), stable(1250), stable(1251), stable(1250), stable(1250), stable(1250)])).toEqual(['settled 1250']);
  });

  it('announces the last reading of the run that settled', () => {
    const filter = new StabilityFilter(CONFIG);
    const events = [stable(1250), stable(1251.5), stable(1251)].map((r) => filter.push(r));
    expect(events[2]).toMatchObject({ type: 'settled', mg: 1_251_000, grams: 1251 });
  });

  it('never settles on motion, even a long run of identical moving weights', () => {
    expect(run(Array.from({ length: 20 }, () => moving(1250)))).toEqual([]);
  });

  it('starts counting again when motion interrupts the run', () => {
    expect(run([stable(1250), stable(1250), moving(1250), stable(1250), stable(1250)])).toEqual([]);
    expect(run([stable(1250), stable(1250), moving(1250), stable(1250), stable(1250), stable(1250)])).toEqual(['settled 1250']);
  });

  it('starts counting again when a reading falls outside the tolerance', () => {
    expect(run([stable(1250), stable(1250), stable(1260), stable(1260)])).toEqual([]);
    expect(run([stable(1250), stable(1250), stable(1260), stable(1260), stable(1260)])).toEqual(['settled 1260']);
  });

  it('ignores zero: an empty platter never settles', () => {
    expect(run(Array.from({ length: 10 }, () => zero))).toEqual([]);
    expect(run(Array.from({ length: 10 }, () => stable(0)))).toEqual([]);
  });

  it('treats tiny stable weights as an empty platter when configured to', () => {
    expect(run([stable(2), stable(2), stable(2), stable(2)], { ...CONFIG, emptyAtOrBelowMg: 3_000 })).toEqual([]);
  });

  it('does not announce the same box twice while it stays on the scale', () => {
    expect(run([stable(1250), stable(1250), stable(1250), stable(1250), stable(1251), stable(1249), stable(1250)])).toEqual(['settled 1250']);
  });

  it('does not announce again when the box is nudged and settles back on the same weight', () => {
    expect(run([stable(1250), stable(1250), stable(1250), moving(1300), moving(1240), stable(1251), stable(1251), stable(1251)])).toEqual(['settled 1250']);
  });

  it('re-arms when the weight changes: an item added to the box gives a new settled weight', () => {
    expect(run([stable(1250), stable(1250), stable(1250), moving(1400), stable(1480), stable(1480), stable(1480)])).toEqual(['settled 1250', 'settled 1480']);
  });

  it('re-arms when the platter returns to zero, and says the box was cleared', () => {
    const box = [stable(1250), stable(1250), stable(1250)];
    expect(run([...box, moving(600), zero, ...box])).toEqual(['settled 1250', 'cleared', 'settled 1250']);
    expect(run([...box, state('under'), ...box])).toEqual(['settled 1250', 'cleared', 'settled 1250']);
  });

  it('never carries a settled weight over to the next box', () => {
    // Box A settles, is lifted (zero), box B is placed: only B's own stable run settles B.
    const events = run([stable(900), stable(900), stable(900), zero, moving(400), stable(2100), stable(2100)]);
    expect(events).toEqual(['settled 900', 'cleared']);
  });

  it('holds through over, fault and calibration states without settling on them', () => {
    for (const status of ['over', 'fault', 'needs-calibration', 'needs-rezero'] as const) {
      expect(run([stable(1250), stable(1250), state(status), stable(1250), stable(1250)])).toEqual([]);
      expect(run([stable(1250), stable(1250), stable(1250), state(status), stable(1250), stable(1250), stable(1250)])).toEqual(['settled 1250']);
    }
  });

  it('settles on the first stable reading when the count is 1', () => {
    expect(run([stable(500), stable(500), stable(700)], { count: 1, toleranceMg: 0 })).toEqual(['settled 500', 'settled 700']);
  });

  it('refuses a configuration that cannot work', () => {
    expect(() => new StabilityFilter({ count: 0, toleranceMg: 0 })).toThrow(RangeError);
    expect(() => new StabilityFilter({ count: 2, toleranceMg: -1 })).toThrow(RangeError);
    expect(() => new StabilityFilter({ count: 2, toleranceMg: 0.5 })).toThrow(RangeError);
  });

  it('is a pure reducer with named states', () => {
    const a = stabilityStep(INITIAL_STABILITY_STATE, stable(1), { count: 2, toleranceMg: 0 });
    expect(a).toEqual({ state: { phase: 'settling', heldMg: null, run: { count: 1, minMg: 1000, maxMg: 1000, lastMg: 1000 } }, event: null });
    const b = stabilityStep(a.state, stable(1), { count: 2, toleranceMg: 0 });
    expect(b.state).toEqual({ phase: 'settled', mg: 1000 });
    expect(stabilityStep(b.state, zero, { count: 2, toleranceMg: 0 })).toEqual({ state: { phase: 'empty' }, event: { type: 'cleared' } });
  });

  it('forgets everything on reset', () => {
    const filter = new StabilityFilter(CONFIG);
    [stable(1250), stable(1250), stable(1250)].forEach((r) => filter.push(r));
    filter.reset();
    expect(filter.state).toEqual({ phase: 'empty' });
  });
});

describe('stability filter properties', () => {
  const reading: fc.Arbitrary<ScaleReading> = fc.oneof(
    fc.integer({ min: 1, max: 50_000 }).map((g) => stable(g)),
    fc.integer({ min: 1, max: 50_000 }).map((g) => moving(g)),
    fc.constantFrom(...SCALE_STATUSES.filter((s) => s !== 'stable' && s !== 'motion')).map(state),
  );
  const config = fc.record({ count: fc.integer({ min: 1, max: 5 }), toleranceMg: fc.integer({ min: 0, max: 5_000 }) });

  it('only ever settles on a weight that ended a run of `count` stable readings within tolerance', () => {
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 60 }), config, (readings, cfg) => {
        const filter = new StabilityFilter(cfg);
        readings.forEach((r, i) => {
          const event = filter.push(r);
          if (event?.type !== 'settled') return;
          const window = readings.slice(i - cfg.count + 1, i + 1);
          expect(window).toHaveLength(cfg.count);
          expect(window.every((w) => w.status === 'stable')).toBe(true);
          const mgs = window.map((w) => w.mg as number);
          expect(Math.max(...mgs) - Math.min(...mgs)).toBeLessThanOrEqual(cfg.toleranceMg);
          expect(event.mg).toBe(r.mg);
          expect(event.grams).toBe(mgToGrams(event.mg));
        });
      }),
    );
  });

  it('never announces two settled weights within tolerance of each other without zero or a change in between', () => {
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 60 }), config, (readings, cfg) => {
        const filter = new StabilityFilter(cfg);
        let last: number | null = null;
        for (const r of readings) {
          const event = filter.push(r);
          if (r.status === 'zero' || r.status === 'under') last = null;
          if (event?.type === 'settled') {
            if (last !== null) expect(Math.abs(event.mg - last)).toBeGreaterThan(cfg.toleranceMg);
            last = event.mg;
          }
        }
      }),
    );
  });
});
