import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { Result } from '../../src-shared/api';
import { EventBus } from '../api/event-bus';
import type { Dispatch } from '../api/dispatch';
import type { ServerLogger } from './server-logger';
import { startStationServer, type StationServer, type StationServerOptions } from './station-server';

/** Test support for the station server tests: a renderer folder, a fake dispatcher, real sockets. */

export interface LogLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly msg: string;
  readonly fields: Record<string, unknown> | undefined;
}

export interface Kit {
  /** A temp folder holding `renderer/` and, beside it, a file that must never be served. */
  readonly dir: string;
  readonly rendererDir: string;
  readonly server: StationServer;
  readonly events: EventBus;
  /** Every call the dispatcher saw. */
  readonly calls: { method: unknown; input: unknown }[];
  readonly logs: LogLine[];
  /** What the fake dispatcher does; tests replace it. Defaults to echoing `station:info`. */
  handle: Dispatch;
  stop(): Promise<void>;
}

export const echo: Dispatch = async (method, input) =>
  method === 'station:info' ? { ok: true, value: { echo: input } } : { ok: false, error: { code: 'contract.unknown-method', message: 'unknown method' } };

export function captureLogger(lines: LogLine[]): ServerLogger {
  return {
    info: (msg, fields) => lines.push({ level: 'info', msg, fields }),
    warn: (msg, fields) => lines.push({ level: 'warn', msg, fields }),
    error: (msg, fields) => lines.push({ level: 'error', msg, fields }),
  };
}

export function makeRendererDir(): { dir: string; rendererDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bancada-server-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Bancada</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'favicon.ico'), 'ico');
  writeFileSync(join(dir, 'bancada-secret.json'), '{"secret":true}');
  return { dir, rendererDir };
}

export async function startKit(options: Partial<StationServerOptions> = {}): Promise<Kit> {
  const { dir, rendererDir } = makeRendererDir();
  const events = new EventBus();
  const calls: Kit['calls'] = [];
  const logs: LogLine[] = [];
  const kit: Partial<Kit> & { handle: Dispatch } = { handle: echo };
  const dispatch: Dispatch = (method, input) => {
    calls.push({ method, input });
    return kit.handle(method, input);
  };
  const server = await startStationServer({ dispatch, events, rendererDir, logger: captureLogger(logs), ...options });
  return Object.assign(kit, {
    dir,
    rendererDir,
    server,
    events,
    calls,
    logs,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw HTTP request: the path is sent exactly as given (no `..` resolution), Host defaults to ours. */
export function httpRequest(server: StationServer, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const headers = { host: `127.0.0.1:${server.port}`, ...options.headers };
    const req = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

export interface SocketOptions {
  /** The token sent; default the server's. */
  readonly token?: string;
  /** The whole query string instead of `token=…`. */
  readonly query?: string;
  readonly path?: string;
  /** The Origin sent; null sends none. Default the server's origin. */
  readonly origin?: string | null;
  readonly host?: string;
  /** false plays a client whose machine went to sleep: it never answers pings. */
  readonly autoPong?: boolean;
}

export function openSocket(server: StationServer, options: SocketOptions = {}): WebSocket {
  const query = options.query ?? `token=${encodeURIComponent(options.token ?? server.token)}`;
  const headers: Record<string, string> = {};
  if (options.origin !== null) headers.origin = options.origin ?? server.origin;
  if (options.host) headers.host = options.host;
  return new WebSocket(`ws://127.0.0.1:${server.port}${options.path ?? '/api'}?${query}`, { headers, autoPong: options.autoPong ?? true });
}

/** The HTTP status the upgrade was answered with (101 when it opened). */
export function upgradeStatus(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', () => undefined);
  });
}

export function opened(ws: WebSocket): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

export function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

/** Collects the next `count` messages. */
export function messages(ws: WebSocket, count: number): Promise<unknown[]> {
  return new Promise((resolve) => {
    const got: unknown[] = [];
    const take = (data: Buffer): void => {
      got.push(JSON.parse(data.toString()));
      if (got.length < count) return;
      ws.off('message', take);
      resolve(got);
    };
    ws.on('message', take);
  });
}

export function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

/** A dispatcher that holds every call until released, to see what runs while calls are pending. */
export function heldDispatch(): { dispatch: Dispatch; release(): void; waiting(): number } {
  const pending: (() => void)[] = [];
  return {
    dispatch: (_method, input) => new Promise<Result<unknown>>((resolve) => pending.push(() => resolve({ ok: true, value: input }))),
    release: () => pending.splice(0).forEach((go) => go()),
    waiting: () => pending.length,
  };
}

export async function until(condition: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
