import type { Locale } from '../../../src-shared/domain/types';

/** Whole milligrams as kilograms with three decimals, in the station's language ("1.250 kg", "1,250 kg"). */
export function formatKg(locale: Locale, mg: number): string {
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(mg / 1_000_000)} kg`;
}
