/**
 * How long a retryable failure waits: exponential from `baseMs`, capped at `capMs`, with "equal
 * jitter" (half fixed, half random) so a room of stations coming back online does not retry in step
 * (reference/store-platforms.md §5.2). A wait the platform asked for (Retry-After, Shopify's restore
 * rate) is honoured, plus a little jitter.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/** `attempt` counts from 1 (the first failure). `random` returns [0, 1). */
export function backoffMs(attempt: number, policy: BackoffPolicy, random: () => number, askedMs?: number): number {
  if (askedMs !== undefined && askedMs > 0) return Math.min(policy.capMs, Math.ceil(askedMs + random() * policy.baseMs * 0.25));
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.ceil(exponential / 2 + random() * (exponential / 2));
}
