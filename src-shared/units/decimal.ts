/**
 * Exact decimal arithmetic for weights: a decimal is an integer coefficient and a power of ten, and
 * every conversion is a fraction of BigInts rounded once, at the end, by a named rule. No binary
 * floating point ever touches a weight, so 0.1 kg + 0.2 kg is 0.3 kg and 16 oz is exactly 1 lb.
 */

/** `coefficient × 10^exponent`: "12.340" is `{ coefficient: 12340n, exponent: -3 }`; HID raw 6452 with exponent −1 is 645.2. */
export interface ScaledDecimal {
  readonly coefficient: bigint;
  readonly exponent: number;
}

/**
 * How a fraction becomes a whole number:
 * - `half-away-from-zero` (the default everywhere): 2.5 → 3, −2.5 → −3, the rule people read scales by;
 * - `half-even`: 2.5 → 2, 3.5 → 4, unbiased over many roundings;
 * - `ceil` / `floor`: toward +∞ / −∞ (a carrier's billable weight is usually rounded up).
 */
export type Rounding = 'half-away-from-zero' | 'half-even' | 'ceil' | 'floor';

/** Exponents beyond this are refused, so a hostile or corrupt exponent cannot make a gigantic BigInt. */
export const MAX_DECIMAL_EXPONENT = 400;

const DECIMAL = /^(?:([+-]) *)?(\d*)(?:\.(\d*))?$/;

/**
 * Parses `[+|-][spaces]digits[.digits]` ("12.34", "-0.150", "+ 1", ".5", "5."); surrounding spaces are
 * the caller's to trim. Returns null for anything else, including an empty number ("", ".", "-").
 */
export function parseDecimal(text: string): ScaledDecimal | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const whole = match[2] ?? '';
  const fraction = match[3] ?? '';
  if (whole.length + fraction.length === 0) return null;
  const magnitude = BigInt(whole + fraction);
  return { coefficient: match[1] === '-' ? -magnitude : magnitude, exponent: fraction.length === 0 ? 0 : -fraction.length };
}

export function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/** `numerator / denominator` rounded to a whole number by `rounding`; the denominator must be positive. */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator; // carries the sign of the numerator
  if (remainder === 0n) return quotient;
  const sign = numerator < 0n ? -1n : 1n;
  switch (rounding) {
    case 'floor':
      return sign < 0n ? quotient - 1n : quotient;
    case 'ceil':
      return sign > 0n ? quotient + 1n : quotient;
    case 'half-away-from-zero':
    case 'half-even': {
      const twice = 2n * (remainder < 0n ? -remainder : remainder);
      if (twice > denominator) return quotient + sign;
      if (twice < denominator) return quotient;
      if (rounding === 'half-away-from-zero') return quotient + sign;
      return quotient % 2n === 0n ? quotient : quotient + sign;
    }
    default: {
      const never: never = rounding;
      throw new Error(`unknown rounding ${String(never)}`);
    }
  }
}

/** A whole number of `10^-fractionDigits` written as a decimal: (−1234n, 2) → "-12.34"; (5n, 3) → "0.005". */
export function formatScaled(scaled: bigint, fractionDigits: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(fractionDigits + 1, '0');
  const whole = digits.slice(0, digits.length - fractionDigits);
  const text = fractionDigits > 0 ? `${whole}.${digits.slice(digits.length - fractionDigits)}` : whole;
  return negative ? `-${text}` : text;
}
