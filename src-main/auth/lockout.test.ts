import { describe, expect, it } from 'vitest';
import { FREE_ATTEMPTS, lockedUntilAfter, secondsLeft } from './lockout';

const now = new Date('2026-11-23T10:00:00.000Z');

describe('PIN lock-out policy', () => {
  it('lets a fumbling packer retry a few times without a lock', () => {
    for (let attempts = 0; attempts <= FREE_ATTEMPTS; attempts++) expect(lockedUntilAfter(attempts, now)).toBeNull();
  });

  it('locks for 30 seconds after the fifth failure and doubles after that', () => {
    expect(lockedUntilAfter(FREE_ATTEMPTS + 1, now)?.toISOString()).toBe('2026-11-23T10:00:30.000Z');
    expect(lockedUntilAfter(FREE_ATTEMPTS + 2, now)?.toISOString()).toBe('2026-11-23T10:01:00.000Z');
    expect(lockedUntilAfter(FREE_ATTEMPTS + 3, now)?.toISOString()).toBe('2026-11-23T10:02:00.000Z');
  });

  it('never locks longer than fifteen minutes', () => {
    expect(lockedUntilAfter(1000, now)?.toISOString()).toBe('2026-11-23T10:15:00.000Z');
  });

  it('counts the seconds left on a lock, rounding up', () => {
    expect(secondsLeft('2026-11-23T10:00:29.100Z', now)).toBe(30);
    expect(secondsLeft('2026-11-23T09:59:00.000Z', now)).toBe(0);
    expect(secondsLeft(null, now)).toBe(0);
  });
});
