/**
 * One Admin API request: Basic auth, a timeout, a size cap, JSON parsed and validated with zod, and
 * every failure classified into a `sync.*` code with `retryable` set (adapter.ts rules). Nothing
 * here logs; the messages name the method and path, never the key.
 */
import type { z } from 'zod';
import { readCappedBody } from '../read-capped';
import type { SyncFailure, SyncResult } from '../adapter';
import { basicAuthHeader } from './config';
import { MedusaErrorBodySchema } from './schemas';

/** Medusa answers in kilobytes; a multi-megabyte body is a hostile or broken peer. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export type QueryValue = string | number | readonly string[];

export interface MedusaHttpOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly fetch: typeof fetch;
}

export interface MedusaRequest<S extends z.ZodType> {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue | undefined>>;
  readonly body?: unknown;
  readonly schema: S;
}

export function failure(code: SyncFailure['code'], message: string, retryable: boolean, retryAfterMs?: number): SyncFailure {
  return retryAfterMs === undefined ? { ok: false, code, message, retryable } : { ok: false, code, message, retryable, retryAfterMs };
}

/** Medusa parses the query with `qs`: arrays as `key[]=a&key[]=b`, operators as `updated_at[$gte]=…`. */
export function buildUrl(baseUrl: string, path: string, query: MedusaRequest<z.ZodType>['query']): string {
  const url = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(`${key}[]`, item);
    else url.searchParams.append(key, String(value));
  }
  return url.toString();
}

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 3_600) * 1_000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.min(date - Date.now(), 3_600_000));
}

/** Control characters become spaces: the text ends up on a screen and in a log line. */
function printable(text: string): string {
  return [...text].map((char) => (char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f ? ' ' : char)).join('');
}

/** Medusa's error body `{type, message}`, shortened and stripped of control characters for the Sync screen. */
function describeError(text: string): string {
  try {
    const parsed = MedusaErrorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success) return printable(`${parsed.data.type ?? 'error'}: ${parsed.data.message ?? ''}`).slice(0, 300);
  } catch {
    // not JSON: fall through to the generic wording
  }
  return 'no error details';
}

function classifyStatus(status: number, what: string, text: string, response: Response): SyncFailure {
  const detail = describeError(text);
  if (status === 401) return failure('sync.auth-failed', `${what}: HTTP 401, the secret API key was refused`, false);
  if (status === 403) return failure('sync.permission-denied', `${what}: HTTP 403, the API key may not do this`, false);
  if (status === 404) return failure('sync.not-found', `${what}: HTTP 404 (${detail})`, false);
  // A proxy or the server gave up waiting for the request (RFC 9110 §15.5.9): nothing was refused.
  if (status === 408) return failure('sync.network', `${what}: HTTP 408, the request timed out`, true, retryAfter(response));
  if (status === 429) return failure('sync.throttled', `${what}: HTTP 429`, true, retryAfter(response));
  if (status >= 500) return failure('sync.server-error', `${what}: HTTP ${status} (${detail})`, true, retryAfter(response));
  if (status >= 400) return failure('sync.rejected', `${what}: HTTP ${status} (${detail})`, false);
  return failure('sync.malformed-response', `${what}: unexpected HTTP ${status}`, false);
}

export async function medusaRequest<S extends z.ZodType>(options: MedusaHttpOptions, request: MedusaRequest<S>): Promise<SyncResult<z.infer<S>>> {
  const what = `${request.method} ${request.path}`;
  let response: Response;
  let text: string | null;
  try {
    response = await options.fetch(buildUrl(options.baseUrl, request.path, request.query), {
      method: request.method,
      headers: {
        authorization: basicAuthHeader(options.apiKey),
        accept: 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await readCappedBody(response, MAX_BODY_BYTES);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
    return failure('sync.network', `${what}: ${reason.slice(0, 200)}`, true);
  }
  if (text === null) return failure('sync.malformed-response', `${what}: the answer is larger than ${MAX_BODY_BYTES} bytes`, false);
  if (!response.ok) return classifyStatus(response.status, what, text, response);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return failure('sync.malformed-response', `${what}: the answer is not JSON`, false);
  }
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failure('sync.malformed-response', `${what}: unexpected answer at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`, false);
  }
  return { ok: true, value: parsed.data };
}
