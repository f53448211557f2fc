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
});
