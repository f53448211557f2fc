/**
 * Failure values of the Shopify adapter. Messages are English for the log and the Sync screen's
 * detail line; they never contain a token, a secret or a request header.
 */
import type { SyncErrorCode, SyncFailure } from '../adapter';

export function failure(code: SyncErrorCode, message: string, retryable: boolean, retryAfterMs?: number): SyncFailure {
  return retryAfterMs === undefined ? { ok: false, code, message, retryable } : { ok: false, code, message, retryable, retryAfterMs };
}

export const malformed = (what: string): SyncFailure => failure('sync.malformed-response', `Shopify answered ${what}`, false);
export const rejected = (message: string): SyncFailure => failure('sync.rejected', message, false);

export interface ShopifyUserError {
  readonly field?: readonly string[] | null;
  readonly message: string;
  readonly code?: string | null;
}

/** userErrors are business refusals (store-platforms.md §5.2): never retried blindly. */
export function userErrorsFailure(mutation: string, errors: readonly ShopifyUserError[]): SyncFailure {
  const text = errors
    .slice(0, 5)
    .map((e) => `${e.code ? `${e.code}: ` : ''}${e.message}${e.field?.length ? ` (${e.field.join('.')})` : ''}`)
    .join('; ');
  return rejected(`Shopify refused ${mutation}: ${text}`);
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d{1,6}(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
