/**
 * The calculated-query-cost budget (store-platforms.md §1.11): Shopify keeps a leaky bucket per app
 * and store and reports it in every response as `extensions.cost.throttleStatus`
 * {maximumAvailable, currentlyAvailable, restoreRate}. We never hard-code the plan's numbers; we
 * mirror the bucket from the last report, refill it by restoreRate as time passes, and wait before
 * a request until the bucket holds its requested cost, so steady state never meets THROTTLED.
 * Pure: time comes in as arguments.
 */
export interface ThrottleStatus {
  readonly maximumAvailable: number;
  readonly currentlyAvailable: number;
  readonly restoreRate: number;
}

export class CostBudget {
  private status: ThrottleStatus | null = null;
  private at = 0;
  /** When the request behind the kept report was sent: no report is older than its request. */
  private observedAt = Number.NEGATIVE_INFINITY;
  /** Points taken by requests sent but not answered yet (concurrent pull and push). */
  private reserved = 0;

  get known(): ThrottleStatus | null {
    return this.status;
  }

  /** The bucket as we believe it is at `now`, before reservations. */
  available(now: number): number {
    if (!this.status) return Number.POSITIVE_INFINITY;
    const refilled = this.status.currentlyAvailable + ((now - this.at) / 1000) * this.status.restoreRate;
    return Math.min(this.status.maximumAvailable, refilled);
  }

  /** How long to wait before sending a request of `cost` points; 0 when it can go now. */
  waitMs(cost: number, now: number): number {
    if (!this.status || this.status.restoreRate <= 0) return 0;
    // A cost above the bucket can never fit; send it and let Shopify answer MAX_COST_EXCEEDED.
    const target = Math.min(cost, this.status.maximumAvailable);
    const missing = target + this.reserved - this.available(now);
    return missing <= 0 ? 0 : Math.ceil((missing / this.status.restoreRate) * 1000);
  }

  reserve(cost: number): void {
    this.reserved += cost;
  }

  release(cost: number): void {
    this.reserved = Math.max(0, this.reserved - cost);
  }

  /**
   * Shopify's report is the truth at the moment it answered. Concurrent requests answer out of
   * order (a large page arrives after a small one sent later), so a report is kept only if its
   * request was sent no earlier than the kept one's (`sentAt`); an older one arriving late would put
   * back points already spent. The bucket refills from `now`, when the answer came: never early.
   * Returns whether the report was kept.
   */
  observe(status: ThrottleStatus, now: number, sentAt = now): boolean {
    if (sentAt < this.observedAt) return false;
    this.status = status;
    this.at = now;
    this.observedAt = sentAt;
    return true;
  }
}
