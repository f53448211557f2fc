import { isIP } from 'node:net';

/**
 * Station server mode listens on IPv4 loopback only (127.0.0.0/8, or the name localhost). IPv6 `::1`
 * is left out on purpose: Chromium rejects `ws://[::1]:port` in a CSP source list, so the page
 * could not reach its own socket.
 */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * The Host header a request must carry: our own address and port. Anything else is a DNS-rebinding
 * attempt (a foreign name resolving to 127.0.0.1) or a misdirected request.
 */
export function allowedHosts(port: number, host = '127.0.0.1'): ReadonlySet<string> {
  return new Set([`${host}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Origins allowed to open the WebSocket: the pages this server itself served. */
export function allowedOrigins(port: number, host = '127.0.0.1'): ReadonlySet<string> {
  return new Set([`http://${host}:${port}`, `http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}
