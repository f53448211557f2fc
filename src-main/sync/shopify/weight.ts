/** Shopify weights (WeightUnit) to whole milligrams, the unit the bench weighs in. */
const MG_PER_UNIT = { GRAMS: 1000, KILOGRAMS: 1_000_000, OUNCES: 28_349.523125, POUNDS: 453_592.37 } as const;

export function weightToMg(weight: { unit: keyof typeof MG_PER_UNIT; value: number } | null | undefined): number | null {
  if (!weight) return null;
  const mg = Math.round(weight.value * MG_PER_UNIT[weight.unit]);
  return Number.isSafeInteger(mg) && mg >= 0 ? mg : null;
}
