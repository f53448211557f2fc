import { describe, expect, it } from 'vitest';
import { initialState, orderUnits, packedOf, reduce, type MachineLine, type PackEvent, type PackState } from './pack-machine';
import { checkWeight, learnUnitWeight, suggestBox } from './weight-check';

const TOL = { grams: 20, percent: 5 };
const shirt: MachineLine = { id: 'l1', productId: 'shirt', quantity: 2, requiresSerial: false, requiresLot: false, unitWeightMg: 150_000 };
const phone: MachineLine = { id: 'l2', productId: 'phone', quantity: 1, requiresSerial: true, requiresLot: false, unitWeightMg: 200_000 };
const cream: MachineLine = { id: 'l3', productId: 'cream', quantity: 12, requiresSerial: false, requiresLot: true, unitWeightMg: 50_000 };

let seq = 0;
const item = (productId: string | null, extra: Partial<Extract<PackEvent, { type: 'item' }>> = {}): PackEvent => ({
  type: 'item',
  seq: ++seq,
  productId,
  quantity: 1,
  serial: null,
  lot: null,
  expiry: null,
  serialUsedElsewhere: false,
  ...extra,
});
const text = (value: string, serialUsedElsewhere = false): PackEvent => ({ type: 'text', seq: ++seq, value, serialUsedElsewhere });

function run(state: PackState, ...events: PackEvent[]) {
  let step = { state, outcome: 'ok' as string, code: null as string | null };
  for (const e of events) step = reduce(step.state, e);
  return step;
}

describe('pack machine: scan-to-verify', () => {
  it('packs a line unit by unit, then says line complete', () => {
    const s0 = initialState([shirt, phone], 0);
    const a = reduce(s0, item('shirt'));
    expect(a.outcome).toBe('ok');
    const b = reduce(a.state, item('shirt'));
    expect(b.outcome).toBe('line-complete');
    expect(packedOf(b.state, 'l1')).toBe(2);
  });

  it('tells a wrong item, an over-scan and an unknown code apart and leaves the counts alone', () => {
    const s = run(initialState([shirt], 0), item('shirt'), item('shirt')).state;
    expect(reduce(s, item('mug')).outcome).toBe('wrong-item');
    expect(reduce(s, item(null)).outcome).toBe('unknown-code');
    // The last unit completed the order: the order is weighing now, and one more shirt is too many.
    expect(reduce(s, item('shirt')).outcome).toBe('too-many');
    expect(packedOf(s, 'l1')).toBe(2);
  });

  it('counts a case-pack barcode as its quantity and refuses a case bigger than what is left', () => {
    const s = initialState([cream], 0);
    const tooBig = reduce(s, item('cream', { quantity: 24, lot: 'L1' }));
    expect(tooBig.outcome).toBe('too-many');
    const full = reduce(s, item('cream', { quantity: 12, lot: 'L1', expiry: '2027-05-31' }));
    expect(full.outcome).toBe('order-complete');
    expect(full.packed).toMatchObject({ quantity: 12, lot: 'L1', expiry: '2027-05-31' });
  });

  it('asks for the serial, takes the next scan as it, and refuses the same serial twice', () => {
    const two = { ...phone, quantity: 2 };
    const a = reduce(initialState([two], 0), item('phone'));
    expect(a.outcome).toBe('needs-serial');
    expect(a.state.control.awaiting?.kind).toBe('serial');
    const b = reduce(a.state, text('SN-1'));
    expect(b.outcome).toBe('ok');
    expect(b.packed?.serial).toBe('SN-1');
    // The same physical unit scanned again, serial in the GS1 string this time.
    const c = reduce(b.state, item('phone', { serial: 'SN-1' }));
    expect(c.outcome).toBe('duplicate-serial');
    expect(packedOf(c.state, 'l2')).toBe(1);
    expect(reduce(b.state, item('phone', { serial: 'SN-9', serialUsedElsewhere: true })).outcome).toBe('duplicate-serial');
  });

  it('asks for the lot where the product requires one', () => {
    const a = reduce(initialState([{ ...cream, quantity: 2 }], 0), item('cream'));
    expect(a.outcome).toBe('needs-lot');
    const b = reduce(a.state, text('LOT-7'));
    expect(b.outcome).toBe('ok');
    expect(b.packed?.lot).toBe('LOT-7');
  });

  it('undoes the last scan', () => {
    const a = run(initialState([shirt], 0), item('shirt'));
    const b = reduce(a.state, { type: 'undo' });
    expect(b.outcome).toBe('undone');
    expect(packedOf(b.state, 'l1')).toBe(0);
    expect(reduce(b.state, { type: 'undo' }).code).toBe('pack.nothing-to-undo');
  });

  it('packs a manual confirm flagged as manual', () => {
    const a = reduce(initialState([shirt], 0), { type: 'manual', seq: 1, lineId: 'l1' });
    expect(a.outcome).toBe('ok');
    expect(a.packed?.manual).toBe(true);
  });
});

describe('pack machine: check-weigh and packages', () => {
  const packedShirts = (): PackState => run(initialState([shirt], 5), item('shirt'), item('shirt')).state;

  it('ignores the settled weight left over from before the pack opened', () => {
    const s = packedShirts();
    expect(s.control.phase).toBe('weighing');
    expect(reduce(s, { type: 'settled', mg: 300_000, seq: 5, tolerance: TOL }).code).toBe('pack.weight-not-fresh');
    const ok = reduce(s, { type: 'settled', mg: 305_000, seq: 6, tolerance: TOL });
    expect(ok.state.control.phase).toBe('ready');
    expect(ok.state.packages[0]).toMatchObject({ weighed: 'ok', weightMg: 305_000, expectedWeightMg: 300_000 });
  });

  it('stops on a weight outside the tolerance until a recount and a fresh weight, or an override', () => {
    const s = packedShirts();
    const off = reduce(s, { type: 'settled', mg: 450_000, seq: 6, tolerance: TOL });
    expect(off.code).toBe('pack.weight-off');
    expect(off.state.control.weightOff).toEqual({ actualMg: 450_000, expectedMg: 300_000, offByMg: 150_000 });
    expect(reduce(off.state, { type: 'complete' }).outcome).toBe('refused');
    const recount = reduce(off.state, { type: 'recount', scaleSeq: 6 });
    expect(recount.state.control.phase).toBe('weighing');
    expect(reduce(recount.state, { type: 'settled', mg: 301_000, seq: 7, tolerance: TOL }).state.control.phase).toBe('ready');
    const overridden = reduce(off.state, { type: 'override' });
    expect(overridden.state.packages[0]?.weighed).toBe('override');
    expect(reduce(overridden.state, { type: 'complete' }).state.control.phase).toBe('complete');
  });

  it('weighs the package again when its box changes after it was weighed, so neither the check nor the label keeps the old box', () => {
    const weighed = reduce(packedShirts(), { type: 'settled', mg: 305_000, seq: 6, tolerance: TOL }).state;
    expect(weighed.control.phase).toBe('ready');
    const boxed = reduce(weighed, { type: 'box', code: 'BOX-M', tareMg: 90_000 });
    expect(boxed.state.control).toMatchObject({ phase: 'weighing', closing: 'complete' });
    expect(boxed.state.packages[0]).toMatchObject({ boxCode: 'BOX-M', tareMg: 90_000, weighed: 'none', weightMg: null });
    expect(reduce(boxed.state, { type: 'complete' }).code).toBe('pack.weigh-first');
    expect(reduce(boxed.state, { type: 'settled', mg: 305_000, seq: 6, tolerance: TOL }).code).toBe('pack.weight-not-fresh');
    const reweighed = reduce(boxed.state, { type: 'settled', mg: 392_000, seq: 7, tolerance: TOL });
    expect(reweighed.state.control.phase).toBe('ready');
    expect(reweighed.state.packages[0]).toMatchObject({ weighed: 'ok', weightMg: 392_000, expectedWeightMg: 390_000 });
    // The same box scanned again changes nothing.
    expect(reduce(reweighed.state, { type: 'box', code: 'BOX-M', tareMg: 90_000 }).state).toBe(reweighed.state);
    // After a weight off, the new box's tare is what the next weight is checked against.
    const off = reduce(packedShirts(), { type: 'settled', mg: 392_000, seq: 6, tolerance: TOL }).state;
    expect(off.control.phase).toBe('weight-off');
    const reboxed = reduce(off, { type: 'box', code: 'BOX-M', tareMg: 90_000 });
    expect(reboxed.state.control).toMatchObject({ phase: 'weighing', weightOff: null });
    expect(reduce(reboxed.state, { type: 'settled', mg: 392_000, seq: 7, tolerance: TOL }).state.control.phase).toBe('ready');
  });

  it('closes a package with "next package" and numbers the next one', () => {
    const two = { ...shirt, quantity: 3 };
    const a = run(initialState([two], 0), item('shirt'), { type: 'box', code: 'BOX-S', tareMg: 40_000 }, { type: 'next-package' });
    expect(a.state.control.phase).toBe('weighing');
    expect(reduce(a.state, item('shirt')).outcome).toBe('weigh-first');
    const b = reduce(a.state, { type: 'settled', mg: 190_000, seq: 1, tolerance: TOL });
    expect(b.state.control.current).toBe(2);
    expect(b.state.packages).toHaveLength(2);
    const c = run(b.state, item('shirt'), item('shirt'));
    expect(c.state.packed.map((p) => p.packageIndex)).toEqual([1, 2, 2]);
    expect(orderUnits(c.state)).toEqual({ packed: 3, total: 3 });
    expect(reduce(initialState([two], 0), { type: 'next-package' }).code).toBe('pack.package-empty');
  });

  it('ships what is packed when the packer short-ships: weigh, then complete with units missing', () => {
    const a = run(initialState([shirt, phone], 0), item('shirt'));
    expect(reduce(a.state, { type: 'complete' }).code).toBe('pack.not-all-packed');
    const b = reduce(a.state, { type: 'short-ship' });
    expect(b.state.control).toMatchObject({ phase: 'weighing', closing: 'complete', short: true });
    const c = reduce(b.state, { type: 'settled', mg: 150_000, seq: 1, tolerance: TOL });
    expect(reduce(c.state, { type: 'complete' }).state.control.phase).toBe('complete');
    expect(reduce(initialState([shirt], 0), { type: 'short-ship' }).code).toBe('pack.package-empty');
  });

  it('stops everything when the order changes upstream', () => {
    const a = reduce(packedShirts(), { type: 'interrupt', change: 'cancelled' });
    expect(a.state.control.phase).toBe('interrupted');
    expect(reduce(a.state, item('shirt')).code).toBe('pack.interrupted');
    expect(reduce(a.state, { type: 'release' }).state.control.phase).toBe('released');
  });
});

describe('weight rules', () => {
  it('uses the larger of the gram and percent tolerances', () => {
    expect(checkWeight(1_030_000, 1_000_000, { grams: 20, percent: 5 }).ok).toBe(true);
    expect(checkWeight(1_060_000, 1_000_000, { grams: 20, percent: 5 })).toEqual({ ok: false, offByMg: 60_000 });
    expect(checkWeight(125_000, 100_000, { grams: 20, percent: 5 }).ok).toBe(false);
    expect(checkWeight(119_000, 100_000, { grams: 20, percent: 5 }).ok).toBe(true);
  });

  it('learns a unit weight as a running mean', () => {
    const first = learnUnitWeight({ weightMg: 340_000, tareMg: 40_000, units: 2 }, null);
    expect(first).toEqual({ meanMg: 150_000, samples: 1 });
    expect(learnUnitWeight({ weightMg: 200_000, tareMg: 40_000, units: 1 }, first)).toEqual({ meanMg: 155_000, samples: 2 });
    expect(learnUnitWeight({ weightMg: 30_000, tareMg: 40_000, units: 1 }, first)).toBeNull();
  });

  it('suggests the smallest box that holds the items', () => {
    const boxes = [
      { code: 'L', lengthMm: 600, widthMm: 400, heightMm: 400 },
      { code: 'S', lengthMm: 300, widthMm: 200, heightMm: 100 },
      { code: 'M', lengthMm: 400, widthMm: 300, heightMm: 200 },
    ];
    expect(suggestBox([{ quantity: 2, dims: [250, 150, 30] }], boxes)).toBe('S');
    expect(suggestBox([{ quantity: 10, dims: [250, 150, 30] }], boxes)).toBe('M');
    expect(suggestBox([{ quantity: 1, dims: [700, 10, 10] }], boxes)).toBeNull();
    expect(suggestBox([{ quantity: 1, dims: null }], boxes)).toBeNull();
  });
});
