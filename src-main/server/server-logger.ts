/**
 * The slice of the station logger (src-main/log/logger.ts) the server writes to. Fields never carry
 * the token, a request URL (it holds the token) or a call's input (it may hold a PIN).
 */
export interface ServerLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: ServerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** An error as one short line: its code (or class) and message. Error objects serialise to `{}`. */
export function errorSummary(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 200);
  return `${(error as { code?: string }).code ?? error.name}: ${error.message}`.slice(0, 200);
}

/** A header a client chose, made safe to log: bounded, and marked when absent. */
export function headerForLog(value: string | undefined): string {
  return value === undefined ? '(none)' : value.slice(0, 100);
}
