/**
 * Log fields pass through here before they are written. Keys that name a secret are replaced at any
 * depth, and string values that look like a bearer or platform token are masked wherever they
 * appear (DESIGN.md: "secrets never live in SQLite, logs or the renderer").
 */
const SECRET_KEY = /pin|token|secret|password|passwd|authorization|cookie|api[-_]?key|credential/i;
const SECRET_VALUE = /\b(?:Bearer\s+[\w.~+/-]+=*|shp(?:at|ca|ss|pa)_[\w]+|sk_(?:live|test)_[\w]+)/g;
export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;

export function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return value.replace(SECRET_VALUE, REDACTED);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? String(value) : value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message, depth + 1, seen), stack: redact(value.stack ?? '', depth + 1, seen), ...('code' in value ? { code: redact(value.code, depth + 1, seen) } : {}) };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1, seen);
  return out;
}
