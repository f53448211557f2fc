import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger whose lines carry `scope`. Shares the file. */
  child(scope: string): Logger;
  close(): Promise<void>;
}

export interface LoggerOptions {
  readonly dir: string;
  readonly fileName?: string;
  readonly maxBytes?: number;
  readonly maxFiles?: number;
  readonly level?: LogLevel;
  readonly console?: boolean;
  readonly clock?: () => Date;
}

/**
 * JSON lines to `<dir>/bancada.log`, rotated by size (bancada.log.1 … .N, oldest dropped). Writes
 * are synchronous appends of one short line: a few microseconds, and a line is never lost to a
 * crash that follows it. Every field goes through `redact` first.
 */
export function createLogger(options: LoggerOptions): Logger {
  const file = new RotatingFile(options.dir, options.fileName ?? 'bancada.log', options.maxBytes ?? 5 * 1024 * 1024, options.maxFiles ?? 5);
  const minimum = ORDER[options.level ?? 'info'];
  const clock = options.clock ?? (() => new Date());
  const make = (scope: string): Logger => {
    const write = (level: LogLevel, msg: string, fields?: Record<string, unknown>): void => {
      if (ORDER[level] < minimum) return;
      const line = JSON.stringify({ at: clock().toISOString(), level, scope, msg: redact(msg), ...(fields ? (redact(fields) as Record<string, unknown>) : {}) }) + '\n';
      file.append(line);
      if (options.console) process.stderr.write(line);
    };
    return {
      debug: (msg, fields) => write('debug', msg, fields),
      info: (msg, fields) => write('info', msg, fields),
      warn: (msg, fields) => write('warn', msg, fields),
      error: (msg, fields) => write('error', msg, fields),
      child: (child) => make(scope ? `${scope}.${child}` : child),
      close: async () => file.close(),
    };
  };
  return make('station');
}

class RotatingFile {
  #fd: number | null = null;
  #size = 0;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly maxBytes: number,
    private readonly maxFiles: number,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  append(line: string): void {
    try {
      const bytes = Buffer.byteLength(line);
      if (this.#fd !== null && this.#size + bytes > this.maxBytes) this.rotate();
      const fd = this.open();
      writeSync(fd, line);
      this.#size += bytes;
    } catch (error) {
      // Logging must never stop the bench; say so once on stderr and carry on.
      process.stderr.write(`bancada: cannot write the log in ${this.dir}: ${String(error)}\n`);
    }
  }

  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }

  private open(): number {
    if (this.#fd === null) {
      this.#fd = openSync(join(this.dir, this.name), 'a', 0o600);
      this.#size = fstatSync(this.#fd).size;
    }
    return this.#fd;
  }

  private rotate(): void {
    this.close();
    const path = (n: number): string => join(this.dir, n === 0 ? this.name : `${this.name}.${n}`);
    rmSync(path(this.maxFiles - 1), { force: true });
    for (let n = this.maxFiles - 2; n >= 0; n--) {
      try {
        renameSync(path(n), path(n + 1));
      } catch {
        // a gap in the sequence (first rotations): nothing to move
      }
    }
  }
}
