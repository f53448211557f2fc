/** The parts of a request target the server reads: the raw (still percent-encoded) path and the query. */
export interface RequestTarget {
  readonly pathname: string;
  readonly query: URLSearchParams;
}

/**
 * Splits an origin-form request target (`/path?query`). It is not run through `new URL()` on purpose:
 * that would resolve `..` segments and read `//host/...` as an authority before `resolveStaticPath`
 * (src-main/security/static-path.ts) gets to judge the raw path. Absolute-form (`http://x/`) and
 * asterisk-form (`*`) targets are proxy and OPTIONS forms we never serve, so they yield null.
 */
export function parseRequestTarget(raw: string | undefined): RequestTarget | null {
  if (!raw?.startsWith('/')) return null;
  const q = raw.indexOf('?');
  return q < 0 ? { pathname: raw, query: new URLSearchParams() } : { pathname: raw.slice(0, q), query: new URLSearchParams(raw.slice(q + 1)) };
}
