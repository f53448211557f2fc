import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_CLIENT_FRAME_BYTES, WS_PATH } from '../../src-shared/api';
import type { Dispatch } from '../api/dispatch';
import type { EventBus } from '../api/event-bus';
import { contentSecurityPolicy } from '../security/csp';
import { allowedHosts, allowedOrigins, isLoopbackHost } from './loopback';
import { send, serveSocket } from './socket-session';
import { createStaticHandler } from './static-handler';

export interface ServerLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface StationServerOptions {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly rendererDir: string;
  readonly host?: string;
  readonly port?: number;
  readonly token?: string;
  readonly logger?: ServerLogger;
}

export interface StationServer {
  /** The address to open: `http://127.0.0.1:PORT/#token=…` (the fragment never reaches a server log). */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const HEARTBEAT_MS = 15_000;
const quiet: ServerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Station server mode: the renderer over loopback HTTP and the contract over a WebSocket. Every
 * socket needs the per-launch token, the server's own Origin and Host (so neither another web page
 * in the same browser nor a DNS-rebinding page can drive the station).
 */
export async function startStationServer(options: StationServerOptions): Promise<StationServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`station server mode listens on loopback only; "${host}" is not a loopback address`);
  const token = options.token ?? randomBytes(32).toString('base64url');
  const log = options.logger ?? quiet;
  let port = 0;
  const http = createServer();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES });
  const alive = new WeakMap<WebSocket, boolean>();
  const serveStatic = createStaticHandler(options.rendererDir, () => contentSecurityPolicy({ connect: [...allowedOrigins(port, host)].map((o) => o.replace(/^http/, 'ws')) }));

  http.on('request', (req, res) => {
    if (!allowedHosts(port, host).has(req.headers.host ?? '')) {
      res.writeHead(421).end();
      return;
    }
    void serveStatic(req, res).catch((error: unknown) => {
      log.error('static file failed', { error });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = checkUpgrade(req, port, host, token);
    if (refusal) {
      log.warn('websocket refused', { reason: refusal.reason, origin: req.headers.origin ?? null });
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.set(ws, true);
      ws.on('pong', () => alive.set(ws, true));
      ws.on('error', (error) => log.warn('websocket error', { error }));
      serveSocket(ws, options.dispatch);
    });
  });

  const unsubscribe = options.events.subscribe((name, payload) => {
    for (const ws of wss.clients) send(ws, { t: 'event', name, payload });
  });
  // Drop clients that stopped answering pings (a closed laptop lid, a killed browser).
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) ws.terminate();
      else {
        alive.set(ws, false);
        ws.ping();
      }
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => resolve());
  });
  port = (http.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;
  log.info('station server listening', { origin });

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    async close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
    },
  };
}

function checkUpgrade(req: IncomingMessage, port: number, host: string, token: string): { status: number; reason: string } | null {
  if (!allowedHosts(port, host).has(req.headers.host ?? '')) return { status: 403, reason: 'Forbidden' };
  const url = new URL(req.url ?? '/', 'http://station.invalid');
  if (url.pathname !== WS_PATH) return { status: 404, reason: 'Not Found' };
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins(port, host).has(origin)) return { status: 403, reason: 'Forbidden' };
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: 401, reason: 'Unauthorized' };
  return null;
}
