/**
 * Weights are whole milligrams (a JS number that is always a safe integer). A scale's decimal, in
 * whatever unit it displays, becomes milligrams through exact BigInt fractions and one rounding; a
 * milligram count becomes a displayed decimal the same way. Definitions are the international ones:
 * 1 lb = 453.59237 g exactly, 1 oz = 1/16 lb = 28.349523125 g, 1 grain = 64.79891 mg (pennyweight
 * = 24 gr, troy ounce = 480 gr), 1 carat = 200 mg.
 *
 * Rounding: metric units are exact down to the milligram; a pound or ounce reading lands on a
 * milligram by `half-away-from-zero` unless the caller names another rule (an error under 0.5 mg,
 * far below the 0.01 oz ≈ 283 mg step of any shipping scale).
 */
import { divideRounded, formatScaled, MAX_DECIMAL_EXPONENT, parseDecimal, pow10, type Rounding, type ScaledDecimal } from './decimal';

export { parseDecimal, type Rounding, type ScaledDecimal } from './decimal';

export const WEIGHT_UNITS = ['mg', 'g', 'kg', 't', 'ct', 'gr', 'dwt', 'ozt', 'oz', 'lb'] as const;
export type WeightUnit = (typeof WEIGHT_UNITS)[number];

/** One unit in milligrams, as an exact fraction. */
export const MG_PER_UNIT: Readonly<Record<WeightUnit, { readonly numerator: bigint; readonly denominator: bigint }>> = {
  mg: { numerator: 1n, denominator: 1n },
  g: { numerator: 1_000n, denominator: 1n },
  kg: { numerator: 1_000_000n, denominator: 1n },
  t: { numerator: 1_000_000_000n, denominator: 1n },
  ct: { numerator: 200n, denominator: 1n },
  gr: { numerator: 6_479_891n, denominator: 100_000n },
  dwt: { numerator: 24n * 6_479_891n, denominator: 100_000n },
  ozt: { numerator: 480n * 6_479_891n, denominator: 100_000n },
  oz: { numerator: 45_359_237n, denominator: 1_600n },
  lb: { numerator: 45_359_237n, denominator: 100n },
};

/** Spellings scales use for each unit (MT-SICS writes grains as "GN"); matched case-insensitively. */
const UNIT_ALIASES: Readonly<Record<string, WeightUnit>> = {
  mg: 'mg',
  g: 'g',
  kg: 'kg',
  t: 't',
  ct: 'ct',
  gr: 'gr',
  gn: 'gr',
  dwt: 'dwt',
  ozt: 'ozt',
  oz: 'oz',
  lb: 'lb',
  lbs: 'lb',
};

/** The unit a scale printed ("kg", "LB", "lbs", "GN"), or null when it is not one we convert exactly. */
export function parseWeightUnit(text: string): WeightUnit | null {
  return UNIT_ALIASES[text.toLowerCase()] ?? null;
}

/**
 * `value` (in `unit`) as whole milligrams, or null when the result is not a safe integer (a corrupt
 * exponent, an absurd reading). Implied decimals are the exponent: Toledo "001234" with the decimal
 * point at XXXX.XX is `{ coefficient: 1234n, exponent: -2 }`.
 */
export function decimalToMg(value: ScaledDecimal, unit: WeightUnit, rounding: Rounding = 'half-away-from-zero'): number | null {
  if (!Number.isInteger(value.exponent) || Math.abs(value.exponent) > MAX_DECIMAL_EXPONENT) return null;
  const { numerator, denominator } = MG_PER_UNIT[unit];
  const scaledNumerator = value.exponent >= 0 ? value.coefficient * pow10(value.exponent) * numerator : value.coefficient * numerator;
  const scaledDenominator = value.exponent >= 0 ? denominator : denominator * pow10(-value.exponent);
  const mg = divideRounded(scaledNumerator, scaledDenominator, rounding);
  if (mg > BigInt(Number.MAX_SAFE_INTEGER) || mg < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(mg);
}

export type WeightParse =
  | { readonly ok: true; readonly mg: number; readonly unit: WeightUnit }
  | { readonly ok: false; readonly reason: 'syntax' | 'unit' | 'range' };

const NUMBER_THEN_UNIT = /^\s*([+-]?\s*[\d.]+)\s*([A-Za-z]*)\s*$/;

/**
 * "100.00 g", "1.50lb", "-0.150 kg", or a bare "12.5" when `defaultUnit` is given → whole milligrams.
 * Says why it failed: not a number, a unit we do not know, or out of the safe range.
 */
export function parseWeight(text: string, defaultUnit?: WeightUnit, rounding: Rounding = 'half-away-from-zero'): WeightParse {
  const match = NUMBER_THEN_UNIT.exec(text);
  const value = match ? parseDecimal((match[1] ?? '').replace(/\s+/g, '')) : null;
  if (!match || !value) return { ok: false, reason: 'syntax' };
  const unitText = match[2] ?? '';
  const unit = unitText === '' ? defaultUnit : parseWeightUnit(unitText);
  if (!unit) return { ok: false, reason: 'unit' };
  const mg = decimalToMg(value, unit, rounding);
  return mg === null ? { ok: false, reason: 'range' } : { ok: true, mg, unit };
}

function checkMg(mg: number): void {
  if (!Number.isSafeInteger(mg)) throw new RangeError(`a weight is a whole number of milligrams, got ${mg}`);
}

function checkPrecision(precision: number): void {
  if (!Number.isInteger(precision) || precision < 0 || precision > 12) throw new RangeError(`precision must be 0..12 decimals, got ${precision}`);
}

/** Whole multiples of `10^-precision unit` nearest to `mg` under `rounding`. */
function mgToScaled(mg: number, unit: WeightUnit, precision: number, rounding: Rounding): bigint {
  const { numerator, denominator } = MG_PER_UNIT[unit];
  return divideRounded(BigInt(mg) * denominator * pow10(precision), numerator, rounding);
}

/** `mg` written in `unit` with exactly `precision` decimals: (557919, 'lb', 2) → "1.23". No unit, no grouping. */
export function mgToDecimalString(mg: number, unit: WeightUnit, precision: number, rounding: Rounding = 'half-away-from-zero'): string {
  checkMg(mg);
  checkPrecision(precision);
  return formatScaled(mgToScaled(mg, unit, precision, rounding), precision);
}

export interface WeightFormat {
  readonly precision: number;
  readonly rounding?: Rounding;
}

/** For a label or a screen: (1250000, 'kg', { precision: 3 }) → "1.250 kg". */
export function formatWeight(mg: number, unit: WeightUnit, format: WeightFormat): string {
  return `${mgToDecimalString(mg, unit, format.precision, format.rounding)} ${unit}`;
}

/** US shipping style: (18291112, 1) → "40 lb 5.2 oz" (the ounces are rounded first, so never "16.0 oz"). */
export function formatPoundsOunces(mg: number, ouncePrecision = 1, rounding: Rounding = 'half-away-from-zero'): string {
  checkMg(mg);
  checkPrecision(ouncePrecision);
  const totalOunces = mgToScaled(mg, 'oz', ouncePrecision, rounding);
  const negative = totalOunces < 0n;
  const magnitude = negative ? -totalOunces : totalOunces;
  const perPound = 16n * pow10(ouncePrecision);
  const pounds = magnitude / perPound;
  const ounces = formatScaled(magnitude % perPound, ouncePrecision);
  return `${negative ? '-' : ''}${pounds} lb ${ounces} oz`;
}

/** Grams for JSON and the UI; exact to the milligram because `mg` is an integer. */
export function mgToGrams(mg: number): number {
  return mg / 1000;
}
