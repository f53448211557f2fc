/**
 * The PIN rate limit, as a pure policy. Four free attempts (a gloved thumb slips), then a lock that
 * doubles with every further failure: 30 s, 60 s, 2 min … capped at 15 min. A 4-digit PIN space of
 * 10,000 then takes weeks to walk at one station, while a packer who fumbles waits half a minute.
 */
export const FREE_ATTEMPTS = 4;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

/** When the operator is locked until after `failedAttempts` consecutive failures, or null. */
export function lockedUntilAfter(failedAttempts: number, now: Date): Date | null {
  if (failedAttempts <= FREE_ATTEMPTS) return null;
  const exponent = Math.min(failedAttempts - FREE_ATTEMPTS - 1, 16);
  const ms = Math.min(BASE_LOCK_MS * 2 ** exponent, MAX_LOCK_MS);
  return new Date(now.getTime() + ms);
}

/** Whole seconds left on a lock (at least 1 while locked), or 0 when not locked. */
export function secondsLeft(lockedUntil: string | null, now: Date): number {
  if (!lockedUntil) return 0;
  const ms = Date.parse(lockedUntil) - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}
