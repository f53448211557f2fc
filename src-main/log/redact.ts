/**
 * Log fields pass through here before they are written (DESIGN.md: "secrets never live in SQLite,
 * logs or the renderer"). The result is plain JSON data: it cannot throw in JSON.stringify, holds no
 * cycles, and is bounded in depth, width and string length so one bad field cannot fill the disk.
 */
export const REDACTED = '[redacted]';

/**
 * A key naming a secret, at any depth. Deliberately a substring match, so `operatorPin`, `newpin`,
 * `x-api-key` and `accessToken` are all caught; over-redaction is the safe failure.
 */
const SECRET_KEY = /pin|token|secret|password|passwd|authorization|cookie|api[-_]?key|credential/i;
/**
 * One exception: a word ending in "ping" (shipping, mapping, shopping, ping) is not a PIN. Without
 * it every `shippingMethod` of a shipping app would vanish from its own logs. Only that word is
 * ignored, so `shippingPin` is still redacted.
 */
const PING_WORD = /ping(?![a-z])/g;

/** Secrets that turn up inside free text: auth headers, Shopify tokens, JWTs, credentials in URLs. */
const SECRET_VALUES: readonly [RegExp, string][] = [
  [/\b(Bearer)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`],
  // Case-sensitive and base64-shaped, so "basic auth" in a sentence stays readable.
  [/\bBasic\s+[A-Za-z0-9+/]{8,}={0,2}/g, `Basic ${REDACTED}`],
  // Shopify access tokens: admin (shpat_), custom app (shpca_), shared secret (shpss_), private app (shppa_).
  [/\bshp(?:at|ca|ss|pa)_[A-Za-z0-9]+/g, REDACTED],
  // Stripe-style sk_live_/sk_test_, and Medusa v2 secret API keys (sk_ and a long hex string).
  [/\b[sr]k_(?:live|test)_[A-Za-z0-9]+/g, REDACTED],
  [/\bsk_[A-Za-z0-9]{16,}/g, REDACTED],
  [/\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/g, REDACTED],
  [/(\/\/[^/\s:@]+:)[^/\s@]+@/g, `$1${REDACTED}@`],
  // Query strings and URL-encoded bodies (`client_secret=…&grant_type=…`, also at the very start).
  [/((?:^|[?&#\s])[\w.-]*(?:pin|token|secret|password|key|code|sig)[\w.-]*=)[^&#\s"']+/gim, `$1${REDACTED}`],
];

/** JSON quoted inside a string (a response body in an error message): `"clientSecret":"…"`. */
const JSON_PAIR = /"([^"\\]{1,64})"(\s*:\s*)"(?:[^"\\]|\\.)*"/g;

const MAX_DEPTH = 8;
const MAX_ITEMS = 100;
const MAX_STRING = 8 * 1024;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.replace(PING_WORD, ''));
}

/** Masks secrets first and only then shortens, so a cut can never leave half a token unmasked. */
export function maskSecrets(text: string): string {
  let out = text.length > 64 * MAX_STRING ? text.slice(0, 64 * MAX_STRING) : text;
  for (const [pattern, replacement] of SECRET_VALUES) out = out.replace(pattern, replacement);
  out = out.replace(JSON_PAIR, (pair, key: string, colon: string) => (isSecretKey(key) ? `"${key}"${colon}"${REDACTED}"` : pair));
  return out.length > MAX_STRING ? `${out.slice(0, MAX_STRING)}…[truncated from ${text.length} chars]` : out;
}

/** Any value → JSON-safe data with secrets removed. Never throws. */
export function redact(value: unknown): unknown {
  return walk(value, 0, new Set());
}

function walk(value: unknown, depth: number, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
      return maskSecrets(value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return value;
    case 'bigint':
      return value.toString();
    case 'symbol':
      return value.toString();
    case 'function':
      return `[function ${value.name || 'anonymous'}]`;
    case 'object':
      return value === null ? null : walkObject(value, depth, ancestors);
  }
}

function walkObject(value: object, depth: number, ancestors: Set<object>): unknown {
  // Only ancestors count as a cycle: the same object reached twice by two paths is logged twice.
  if (ancestors.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  ancestors.add(value);
  try {
    return describe(value, depth + 1, ancestors);
  } catch {
    // A throwing getter or a hostile Proxy: say so rather than lose the whole line.
    return '[unreadable]';
  } finally {
    ancestors.delete(value);
  }
}

function describe(value: object, depth: number, ancestors: Set<object>): unknown {
  const next = (item: unknown): unknown => walk(item, depth, ancestors);
  if (value instanceof Error) return describeError(value, next);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp || value instanceof URL) return maskSecrets(String(value));
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.constructor.name} ${value.byteLength} bytes]`;
  if (Array.isArray(value) || value instanceof Set) {
    const total = Array.isArray(value) ? value.length : value.size;
    const items = (Array.isArray(value) ? value.slice(0, MAX_ITEMS) : [...value].slice(0, MAX_ITEMS)).map(next);
    return total > MAX_ITEMS ? [...items, `…[${total - MAX_ITEMS} more]`] : items;
  }
  if (value instanceof Map) return describeEntries([...value.entries()].map(([k, v]) => [String(k), v]), next);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return next(toJSON.call(value));
  return describeEntries(Object.entries(value), next);
}

function describeEntries(entries: [string, unknown][], next: (item: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries.slice(0, MAX_ITEMS)) out[key] = isSecretKey(key) ? REDACTED : next(item);
  if (entries.length > MAX_ITEMS) out['…'] = `${entries.length - MAX_ITEMS} more keys`;
  return out;
}

/** {name, message, stack} plus what Node adds (code, errno, syscall, path), the cause and an AggregateError's errors. */
function describeError(error: Error, next: (item: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { name: error.name, message: next(error.message), stack: next(error.stack ?? '') };
  for (const [key, item] of Object.entries(error)) if (!(key in out)) out[key] = isSecretKey(key) ? REDACTED : next(item);
  if (error.cause !== undefined) out.cause = next(error.cause);
  if (error instanceof AggregateError) out.errors = next(error.errors);
  return out;
}
