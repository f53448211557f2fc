import { randomBytes } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/dispatch';
import type { EventBus } from '../api/event-bus';
import { contentSecurityPolicy, HARDENING_HEADERS } from '../security/csp';
import { allowedAuthorities, allowedOrigins, loopbackAddress, socketSources } from './loopback';
import { errorSummary, headerForLog, silentLogger, type ServerLogger } from './server-logger';
import { createSocketHub } from './socket-hub';
import { createStaticHandler } from './static-handler';
import { checkUpgrade, refuseUpgrade, tokenDigest } from './upgrade-guard';

export type { ServerLogger } from './server-logger';
export { MAX_IN_FLIGHT_PER_SOCKET } from './socket-hub';

export interface StationServerOptions {
  readonly dispatch: Dispatch;
  readonly events: Pick<EventBus, 'subscribe'>;
  /** The built renderer (out/renderer); nothing outside it is ever served. */
  readonly rendererDir: string;
  /** 127.0.0.0/8, ::1 or localhost; anything else is refused. Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port chosen by the OS. */
  readonly port?: number;
  /** Default: 32 random bytes, base64url, new at every launch. */
  readonly token?: string;
  readonly logger?: ServerLogger;
  /** How often sockets are pinged; one missed pong drops the socket. Default 15 s. */
  readonly heartbeatMs?: number;
}

export interface StationServer {
  /** The address to open: `http://127.0.0.1:PORT/#token=…` (a fragment never reaches a server or a Referer). */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** Stops accepting, lets running calls answer (up to a few seconds), then drops every socket. Idempotent. */
  close(): Promise<void>;
}

const HEARTBEAT_MS = 15_000;
/** The token travels in a URL fragment and a query string, and the renderer reads it as `[\w-]+`. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,512}$/;

/**
 * Station server mode: the renderer over loopback HTTP and the contract over a WebSocket, for
 * thin-client stations and for driving the whole app in Chromium (DESIGN.md "Process model"). The page
 * gets the same CSP as in Electron (reference/electron-style-security.md B1 #7); every socket needs the
 * per-launch token and the server's own Host and Origin (upgrade-guard.ts says why each).
 */
export async function startStationServer(options: StationServerOptions): Promise<StationServer> {
  const address = loopbackAddress(options.host ?? '127.0.0.1');
  const token = options.token ?? randomBytes(32).toString('base64url');
  if (!TOKEN_SHAPE.test(token)) throw new Error('station server token must be 32 to 512 URL-safe characters (A-Z a-z 0-9 _ -)');
  const log = options.logger ?? silentLogger;
  const root = await realpath(options.rendererDir).catch(() => {
    throw new Error(`station server: the renderer folder ${options.rendererDir} does not exist (build the app first)`);
  });

  const http = createServer();
  await listen(http, options.port ?? 0, address.listenHost);
  // Handlers are attached in the same tick as 'listening', before any connection can be read.
  const port = (http.address() as AddressInfo).port;
  const origin = `http://${address.urlHost}:${port}`;
  const authorities = allowedAuthorities(address, port);
  const policy = { authorities, origins: allowedOrigins(address, port), tokenDigest: tokenDigest(token) };
  const headers = { ...HARDENING_HEADERS, 'Content-Security-Policy': contentSecurityPolicy({ connect: socketSources(address, port) }) };
  const serveStatic = createStaticHandler(root, headers, log);
  const hub = createSocketHub({ dispatch: options.dispatch, log, heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS });
  let closing: Promise<void> | null = null;

  // A server error after listen (EMFILE on accept, say) is logged; with no listener it would end the process.
  http.on('error', (error) => log.error('station server error', { error: errorSummary(error) }));
  http.on('request', (req, res) => {
    if (!authorities.has(req.headers.host ?? '')) {
      log.warn('station server refused a request', { reason: 'host', host: headerForLog(req.headers.host) });
      res.writeHead(421, HARDENING_HEADERS).end();
      return;
    }
    serveStatic(req, res);
  });
  http.on('upgrade', (req, socket, head) => {
    const refusal = closing ? ({ status: 503, reason: 'closing' } as const) : checkUpgrade(req, policy);
    if (!refusal) return hub.accept(req, socket, head);
    log.warn('station server refused a websocket', { reason: refusal.reason, origin: headerForLog(req.headers.origin), host: headerForLog(req.headers.host) });
    refuseUpgrade(socket, refusal.status);
  });
  const unsubscribe = options.events.subscribe((name, payload) => hub.broadcast({ t: 'event', name, payload }));
  log.info('station server listening', { origin });

  const shutdown = async (): Promise<void> => {
    unsubscribe();
    const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
    await hub.close();
    http.closeAllConnections();
    await httpClosed;
    log.info('station server closed', { origin });
  };
  return { url: `${origin}/#token=${token}`, origin, port, token, close: () => (closing ??= shutdown()) };
}

function listen(http: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
}
