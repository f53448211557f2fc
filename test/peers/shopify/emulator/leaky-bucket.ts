/**
 * Shopify's per app-and-store leaky bucket of query cost (store-platforms.md §1.11). A request
 * needs its requested cost available up front, else THROTTLED; after it runs the bucket is charged
 * the actual cost (Shopify takes the requested cost and refunds the difference).
 */
export interface BucketOptions {
  /** Points the bucket holds. */
  readonly maximumAvailable: number;
  /** Points restored per second (Standard plan 100, Advanced 200, Plus 1000). */
  readonly restoreRate: number;
}

export class LeakyBucket {
  private available: number;
  private at: number;

  constructor(
    private readonly options: BucketOptions,
    private readonly clock: () => number,
  ) {
    this.available = options.maximumAvailable;
    this.at = clock();
  }

  private refill(): void {
    const now = this.clock();
    this.available = Math.min(this.options.maximumAvailable, this.available + ((now - this.at) / 1000) * this.options.restoreRate);
    this.at = now;
  }

  /** Takes `cost` points if the bucket holds them. */
  take(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.options.maximumAvailable, this.available + points);
  }

  status() {
    this.refill();
    return { maximumAvailable: this.options.maximumAvailable, currentlyAvailable: Math.floor(this.available), restoreRate: this.options.restoreRate };
  }
}
