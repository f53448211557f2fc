import { redact, maskSecrets } from './redact';
import { RotatingFile } from './rotating-file';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose lines carry `<scope>.<child>`. It shares the file; closing either closes both. */
  child(scope: string): Logger;
  close(): Promise<void>;
}

export interface LoggerOptions {
  readonly dir: string;
  readonly fileName?: string;
  /** Rotate when the live file would pass this size. Default 5 MiB. */
  readonly maxBytes?: number;
  /** Files kept, the live one included. Default 5 (≤ 25 MiB of logs per station). */
  readonly maxFiles?: number;
  /** Lines below this level are dropped. Default `info`. */
  readonly level?: LogLevel;
  /** Also write each line to stderr (station server mode, development). */
  readonly console?: boolean;
  /** The scope of the root logger. Default `station`. */
  readonly scope?: string;
  readonly clock?: () => Date;
}

/** The envelope's keys; a field with one of these names is kept as `field.<name>` instead of replacing it. */
const ENVELOPE = new Set(['at', 'level', 'scope', 'msg']);

/**
 * JSON lines to `<dir>/bancada.log`, rotated by size (bancada.log.1 … .N−1, oldest dropped):
 * `{"at":ISO,"level","scope","msg",...fields}`. Every field and the message go through `redact`
 * first, so no PIN, token or password reaches the disk or the console; an Error becomes
 * `{name, message, stack}`; circular or hostile input never throws. A call writes synchronously
 * (one append, microseconds): lines are never lost to a crash right after them.
 */
export function createLogger(options: LoggerOptions): Logger {
  const file = new RotatingFile({
    dir: options.dir,
    fileName: options.fileName ?? 'bancada.log',
    maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
    maxFiles: options.maxFiles ?? 5,
  });
  const minimum = RANK[options.level ?? 'info'] ?? RANK.info;
  const clock = options.clock ?? (() => new Date());
  const write = (level: LogLevel, scope: string, msg: unknown, fields: unknown): void => {
    if (RANK[level] < minimum) return;
    const line = formatLine(timestamp(clock), level, scope, msg, fields);
    file.append(line);
    if (options.console) process.stderr.write(line);
  };
  const make = (scope: string): Logger => ({
    debug: (msg, fields) => write('debug', scope, msg, fields),
    info: (msg, fields) => write('info', scope, msg, fields),
    warn: (msg, fields) => write('warn', scope, msg, fields),
    error: (msg, fields) => write('error', scope, msg, fields),
    child: (child) => make(scope ? `${scope}.${child}` : child),
    close: async () => file.close(),
  });
  return make(options.scope ?? 'station');
}

/** One JSON line. Exported for the tests; never throws, whatever `msg` and `fields` are. */
export function formatLine(at: string, level: LogLevel, scope: string, msg: unknown, fields: unknown): string {
  const entry: Record<string, unknown> = { at, level, scope, msg: typeof msg === 'string' ? maskSecrets(msg) : safeString(msg) };
  for (const [key, value] of Object.entries(fieldsOf(fields))) entry[ENVELOPE.has(key) ? `field.${key}` : key] = value;
  try {
    return JSON.stringify(entry) + '\n';
  } catch {
    // redact() returns plain data, so this is unreachable short of a bug there; keep the message anyway.
    return JSON.stringify({ at, level, scope, msg: entry.msg, logError: 'fields could not be serialised' }) + '\n';
  }
}

/**
 * Fields as an object. Callers in plain JS (or through `any`) pass errors, strings or arrays where
 * an object belongs; `log.error('x', err)` is common enough to deserve `{error: …}`.
 */
function fieldsOf(fields: unknown): Record<string, unknown> {
  if (fields === undefined || fields === null) return {};
  const clean = redact(fields);
  if (fields instanceof Error) return { error: clean };
  if (clean !== null && typeof clean === 'object' && !Array.isArray(clean)) return clean as Record<string, unknown>;
  return { fields: clean };
}

function safeString(value: unknown): string {
  const clean = redact(value);
  return typeof clean === 'string' ? clean : (JSON.stringify(clean) ?? String(clean));
}

/** A broken clock (an invalid Date, a throwing fake) must not lose the line. */
function timestamp(clock: () => Date): string {
  try {
    return clock().toISOString();
  } catch {
    return new Date().toISOString();
  }
}
