import { isIP } from 'node:net';

/** Where the server listens and how its own address is written in URLs and headers. */
export interface LoopbackAddress {
  /** The address handed to `listen()`. */
  readonly listenHost: string;
  /** The host as it appears in a URL, a Host header or an Origin: `127.0.0.1` or `[::1]`. */
  readonly urlHost: string;
}

/**
 * Station server mode is reachable from this machine only: 127.0.0.0/8, ::1 or the name localhost.
 * `localhost` is bound as 127.0.0.1 because Node resolves the name itself and, since Node 17, keeps the
 * resolver's order, so it may pick ::1 on one machine and 127.0.0.1 on the next. Anything else (0.0.0.0,
 * a LAN address, a hostname, IPv4-mapped IPv6) is refused: the token alone must never be what stands
 * between the network and a station's devices.
 */
export function loopbackAddress(host: string): LoopbackAddress {
  if (host === 'localhost') return { listenHost: '127.0.0.1', urlHost: '127.0.0.1' };
  if (isIP(host) === 4 && host.startsWith('127.')) return { listenHost: host, urlHost: host };
  if (host === '::1') return { listenHost: '::1', urlHost: '[::1]' };
  throw new Error(`station server mode listens on loopback only (127.0.0.0/8, ::1 or localhost); "${host}" is not a loopback address`);
}

/**
 * The Host header values a request may carry: our own address and port, or localhost and our port.
 * A page on a foreign name that resolves to 127.0.0.1 (DNS rebinding) sends its own name here, so it
 * is refused even though its packets reach us.
 */
export function allowedAuthorities(address: LoopbackAddress, port: number): ReadonlySet<string> {
  return new Set([`${address.urlHost}:${port}`, `localhost:${port}`]);
}

/** Origins allowed to open the WebSocket: exactly the pages this server itself serves. */
export function allowedOrigins(address: LoopbackAddress, port: number): ReadonlySet<string> {
  return new Set([...allowedAuthorities(address, port)].map((authority) => `http://${authority}`));
}

/**
 * The `connect-src` sources the page needs for its socket. CSP3 lets `'self'` match ws: on the same
 * host and port, but older engines did not, so IPv4 and localhost are also named. An IPv6 literal is
 * left to `'self'` alone: the CSP host-source grammar has no bracketed addresses (CSP3 §2.3.1), and a
 * page served from http://[::1]:PORT does reach its socket that way in Chromium.
 */
export function socketSources(address: LoopbackAddress, port: number): readonly string[] {
  return [...allowedAuthorities(address, port)].filter((authority) => !authority.startsWith('[')).map((authority) => `ws://${authority}`);
}
