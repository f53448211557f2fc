/**
 * Faults the emulator can be told to produce, for the adapter's and the relay's reliability tests:
 * HTTP errors, dropped connections (before or after the operation took effect — the second is the
 * "answer lost" case read-before-retry exists for), bodies that are not what Shopify documents,
 * slow answers, GraphQL errors.
 */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string; readonly body?: string }
  | { readonly kind: 'drop' }
  | { readonly kind: 'drop-after-apply' }
  | { readonly kind: 'body'; readonly body: string }
  | { readonly kind: 'transform'; readonly transform: (response: Record<string, unknown>) => unknown }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'graphql-error'; readonly code: string; readonly message: string };

interface Armed {
  readonly fault: Fault;
  readonly operation: string | null;
  remaining: number;
}

export class FaultQueue {
  private readonly armed: Armed[] = [];

  /** The next `times` requests of `operation` (a GraphQL operation name, 'token', or any when omitted) get `fault`. */
  inject(fault: Fault, options: { operation?: string; times?: number } = {}): void {
    this.armed.push({ fault, operation: options.operation ?? null, remaining: options.times ?? 1 });
  }

  clear(): void {
    this.armed.length = 0;
  }

  take(operation: string | null): Fault | null {
    const index = this.armed.findIndex((a) => a.operation === null || a.operation === operation);
    if (index < 0) return null;
    const armed = this.armed[index]!;
    if (--armed.remaining <= 0) this.armed.splice(index, 1);
    return armed.fault;
  }
}
