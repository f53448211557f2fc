import type { Locale } from '../../../src-shared/domain/types';

/** Milligrams as the bench shows them: kilograms with three decimals (gram resolution). */
export function formatKg(locale: Locale, mg: number): string {
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(mg / 1_000_000)} kg`;
}

/** A signed gram difference ("+150", "−20"), for "weight off by N g". */
export function formatGrams(locale: Locale, mg: number): string {
  const grams = Math.round(mg / 1000);
  return `${grams > 0 ? '+' : grams < 0 ? '−' : ''}${new Intl.NumberFormat(locale).format(Math.abs(grams))}`;
}
