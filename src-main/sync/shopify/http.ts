/**
 * One HTTP POST to Shopify, classified. Network trouble (refused, reset, DNS, timeout, 408), a locked
 * shop (423) and 5xx are retryable; 401/403 need a person; the body is read with a size cap
 * (read-capped.ts) so a hostile or broken answer cannot exhaust memory. Headers (the token) never
 * appear in a failure message.
 */
import type { SyncFailure } from '../adapter';
import { readCappedBody } from '../read-capped';
import { failure, retryAfterMs } from './errors';

/** Far above any page the adapter asks for (≤ 250 nodes); a bigger body is not Shopify's. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface HttpDeps {
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly timeoutMs: number;
  /** Aborted by adapter.close(): in-flight requests end as network failures. */
  readonly closed: AbortSignal;
}

export type HttpResult = { readonly ok: true; readonly status: number; readonly body: string; readonly headers: Headers } | SyncFailure;

export async function post(deps: HttpDeps, url: string, headers: Record<string, string>, body: string): Promise<HttpResult> {
  const signal = AbortSignal.any([deps.closed, AbortSignal.timeout(deps.timeoutMs)]);
  let response: Response;
  try {
    response = await deps.fetch(url, { method: 'POST', headers, body, signal, redirect: 'error' });
  } catch (error) {
    // fetch quotes a header value it refuses ("… is an invalid header value"): never let that be the token.
    return failure('sync.network', `Could not reach Shopify: ${withoutSecrets(describeNetworkError(error, deps.closed), headers)}`, true);
  }
  let text: string;
  try {
    const read = await readCappedBody(response, MAX_BODY_BYTES);
    if (read === null) return failure('sync.malformed-response', `Shopify's answer was larger than ${MAX_BODY_BYTES} bytes`, false);
    text = read;
  } catch (error) {
    return failure('sync.network', `The connection to Shopify broke while reading the answer: ${describeNetworkError(error, deps.closed)}`, true);
  }
  const status = response.status;
  if (status >= 200 && status < 300) return { ok: true, status, body: text, headers: response.headers };
  const wait = retryAfterMs(response.headers.get('retry-after'), deps.now());
  if (status === 401) return failure('sync.auth-failed', 'Shopify refused the credentials (HTTP 401)', false);
  if (status === 403) return failure('sync.permission-denied', 'Shopify refused access (HTTP 403): check the app is installed with the needed scopes', false);
  if (status === 404) return failure('sync.not-found', 'Shopify has no such store or API version (HTTP 404)', false);
  // A proxy or Shopify's edge gave up waiting for the request (RFC 9110 §15.5.9): nothing was refused.
  if (status === 408) return failure('sync.network', 'Shopify timed out waiting for the request (HTTP 408)', true, wait);
  if (status === 429) return failure('sync.throttled', 'Shopify asked to slow down (HTTP 429)', true, wait ?? 1000);
  // 423 Locked is a shop Shopify has locked (repeated limit overruns, an account issue) and unlocks
  // again (https://shopify.dev/docs/api/usage/response-codes): the shop is unavailable, nothing was refused.
  if (status === 423) return failure('sync.server-error', 'Shopify has locked this shop for now (HTTP 423)', true, wait);
  if (status >= 500) return failure('sync.server-error', `Shopify failed (HTTP ${status})`, true, wait);
  return failure('sync.rejected', `Shopify refused the request (HTTP ${status})`, false);
}

const SECRET_HEADER = /token|authorization|secret/i;

function withoutSecrets(message: string, headers: Record<string, string>): string {
  let out = message;
  for (const [name, value] of Object.entries(headers)) if (SECRET_HEADER.test(name) && value) out = out.split(value).join('[redacted]');
  return out;
}

function describeNetworkError(error: unknown, closed: AbortSignal): string {
  if (closed.aborted) return 'the adapter was closed';
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'no answer in time';
    const cause = (error as { cause?: { code?: unknown } }).cause;
    const code = typeof cause?.code === 'string' ? cause.code : null;
    // fetch's own messages are generic ("fetch failed"); the socket's code says what happened.
    return code ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
