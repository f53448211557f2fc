import { createHash, timingSafeEqual } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WS_PATH } from '../../src-shared/api';
import { parseRequestTarget } from './request-target';

export interface UpgradePolicy {
  /** Host header values that name this server (see loopback.ts). */
  readonly authorities: ReadonlySet<string>;
  /** Origins of the pages this server serves. */
  readonly origins: ReadonlySet<string>;
  /** SHA-256 of the launch token. */
  readonly tokenDigest: Buffer;
}

export type UpgradeRefusal = { readonly status: 401 | 403 | 404; readonly reason: 'host' | 'path' | 'origin' | 'token' };

export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Compares digests, so the comparison takes the same time whatever the length or content of the
 * guess (`timingSafeEqual` itself throws on unequal lengths, and an early length check would tell an
 * attacker the length).
 */
export function tokenMatches(given: string, expectedDigest: Buffer): boolean {
  return timingSafeEqual(tokenDigest(given), expectedDigest);
}

/**
 * Decides a WebSocket upgrade before any WebSocket exists. Browsers let any page open a socket to
 * any address and do not apply CORS to it, so the server itself must check: the Host (DNS
 * rebinding), the Origin (another site or another local app in the same browser; a missing Origin
 * means a non-browser client, which has no business here either) and the per-launch token (another
 * user or process on this machine).
 */
export function checkUpgrade(req: IncomingMessage, policy: UpgradePolicy): UpgradeRefusal | null {
  if (!policy.authorities.has(req.headers.host ?? '')) return { status: 403, reason: 'host' };
  const target = parseRequestTarget(req.url);
  if (target?.pathname !== WS_PATH) return { status: 404, reason: 'path' };
  if (!policy.origins.has(req.headers.origin ?? '')) return { status: 403, reason: 'origin' };
  if (!tokenMatches(target.query.get('token') ?? '', policy.tokenDigest)) return { status: 401, reason: 'token' };
  return null;
}

/** Answers a refused upgrade with a bare HTTP status and hangs up (as ws's own abortHandshake does). */
export function refuseUpgrade(socket: Duplex, status: number): void {
  socket.on('error', () => undefined);
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
