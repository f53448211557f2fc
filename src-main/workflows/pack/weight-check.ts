/**
 * Check-weighing, pure: the expected weight of a package, whether a measured weight is inside the
 * tolerance, what a completed single-product package teaches about its unit weight, and which box
 * preset fits. All weights are whole milligrams, as the scale layer reports them.
 */

/** Settings `pack.weightToleranceGrams` and `pack.weightTolerancePercent`; the larger one applies. */
export interface Tolerance {
  readonly grams: number;
  readonly percent: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { grams: 20, percent: 5 };

/** Sum of unit weights plus the box tare; null when any unit's weight is unknown. */
export function expectedWeightMg(units: readonly { readonly quantity: number; readonly unitWeightMg: number | null }[], tareMg: number): number | null {
  let total = tareMg;
  for (const u of units) {
    if (u.unitWeightMg === null) return null;
    total += u.quantity * u.unitWeightMg;
  }
  return total;
}

export function allowedDeviationMg(expectedMg: number, tolerance: Tolerance): number {
  return Math.max(Math.round(tolerance.grams * 1000), Math.round((expectedMg * tolerance.percent) / 100));
}

/** `offByMg` is signed: positive when the box is heavier than expected (an extra unit?). */
export function checkWeight(actualMg: number, expectedMg: number, tolerance: Tolerance): { readonly ok: boolean; readonly offByMg: number } {
  const offByMg = actualMg - expectedMg;
  return { ok: Math.abs(offByMg) <= allowedDeviationMg(expectedMg, tolerance), offByMg };
}

/**
 * A unit weight learned from a package holding one product only: (weight − tare) / units, folded into
 * the running mean of earlier samples. Null when the package says nothing (no weight, mixed products).
 */
export function learnUnitWeight(sample: { readonly weightMg: number; readonly tareMg: number; readonly units: number }, previous: { readonly meanMg: number; readonly samples: number } | null): { readonly meanMg: number; readonly samples: number } | null {
  if (sample.units < 1 || sample.weightMg <= sample.tareMg) return null;
  const unit = (sample.weightMg - sample.tareMg) / sample.units;
  if (!previous) return { meanMg: Math.round(unit), samples: 1 };
  const samples = previous.samples + 1;
  return { meanMg: Math.round(previous.meanMg + (unit - previous.meanMg) / samples), samples };
}

export interface BoxDims {
  readonly code: string;
  readonly lengthMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
}

/**
 * The smallest preset whose volume holds the items' volume with 15 % room for packing material and
 * whose longest side fits the longest item. Null when an item has no dimensions or nothing fits.
 */
export function suggestBox(items: readonly { readonly quantity: number; readonly dims: readonly [number, number, number] | null }[], boxes: readonly BoxDims[]): string | null {
  if (items.length === 0 || boxes.length === 0) return null;
  let volume = 0;
  let longest = 0;
  for (const item of items) {
    if (!item.dims) return null;
    volume += item.quantity * item.dims[0] * item.dims[1] * item.dims[2];
    longest = Math.max(longest, ...item.dims);
  }
  const needed = volume * 1.15;
  const fitting = boxes
    .map((b) => ({ code: b.code, volume: b.lengthMm * b.widthMm * b.heightMm, longest: Math.max(b.lengthMm, b.widthMm, b.heightMm) }))
    .filter((b) => b.volume >= needed && b.longest >= longest)
    .sort((a, b) => a.volume - b.volume);
  return fitting[0]?.code ?? null;
}
