import { describe, expect, it } from 'vitest';
import { CostBudget } from './cost-budget';

describe('the query cost budget', () => {
  it('sends at once while it knows nothing of the bucket', () => {
    expect(new CostBudget().waitMs(977, 0)).toBe(0);
  });

  it('waits exactly as long as the restore rate needs to cover the requested cost', () => {
    const b = new CostBudget();
    b.observe({ maximumAvailable: 1000, currentlyAvailable: 600, restoreRate: 100 }, 10_000);
    expect(b.waitMs(500, 10_000)).toBe(0);
    expect(b.waitMs(977, 10_000)).toBe(3770);
    expect(b.waitMs(977, 12_000)).toBe(1770); // refilled meanwhile
    expect(b.available(30_000)).toBe(1000); // never above the bucket
  });

  it('counts requests in flight so concurrent calls do not overdraw', () => {
    const b = new CostBudget();
    b.observe({ maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 50 }, 0);
    b.reserve(800);
    expect(b.waitMs(400, 0)).toBe(4000);
    b.release(800);
    expect(b.waitMs(400, 0)).toBe(0);
  });

  it('does not wait forever for a cost larger than the bucket', () => {
    const b = new CostBudget();
    b.observe({ maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 100 }, 0);
    expect(b.waitMs(5000, 0)).toBe(0);
  });

  it('keeps the newest report when an older one arrives after it (concurrent requests answer out of order)', () => {
    const b = new CostBudget();
    // A slow page sent at 0 s answers at 9 s with the bucket as it was then (full); a call sent at 1 s
    // had already answered at 2 s with the points spent since.
    expect(b.observe({ maximumAvailable: 1000, currentlyAvailable: 200, restoreRate: 100 }, 2_000, 1_000)).toBe(true);
    expect(b.observe({ maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 100 }, 9_000, 0)).toBe(false);
    expect(b.available(9_000)).toBe(900); // 200 + 7 s × 100, not the stale 1000
    expect(b.waitMs(950, 9_000)).toBe(500);
    // A later request's report replaces it.
    expect(b.observe({ maximumAvailable: 1000, currentlyAvailable: 400, restoreRate: 100 }, 10_000, 9_500)).toBe(true);
    expect(b.available(10_000)).toBe(400);
  });
});
