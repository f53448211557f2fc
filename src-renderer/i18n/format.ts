import type { Locale } from '../../src-shared/domain/types';

/**
 * Numbers, waits and times for the station's language through Intl, so "1.234" reads right in
 * Buenos Aires and São Paulo. Pure (the clock is an argument), so the tests pin the output.
 */
export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A wait a person can picture: seconds under a minute and a half, whole minutes (rounded up) beyond. */
export function formatWait(locale: Locale, seconds: number): string {
  const [value, unit] = seconds < 90 ? [Math.max(1, Math.ceil(seconds)), 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/**
 * When an order must leave: the time alone today (what a packer plans by), weekday and time on
 * another day, `null` when the order has no deadline.
 */
export function formatShipBy(locale: Locale, iso: string | null, now: Date): string | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, sameDay(at, now) ? time : { weekday: 'short', day: 'numeric', ...time }).format(at);
}

export function isOverdue(iso: string | null, now: Date): boolean {
  return iso !== null && Date.parse(iso) < now.getTime();
}
