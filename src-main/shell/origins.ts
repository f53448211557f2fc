/**
 * The only places the renderer may come from: the bundled UI at `app://bancada/`, and, in an
 * unpackaged development run, the exact Vite dev server electron-vite names in
 * ELECTRON_RENDERER_URL. Every shell check (navigation, IPC sender, permissions, event fan-out)
 * asks `isTrustedUrl`, so there is one definition of "ours" to review.
 *
 * URLs are compared by parsed `protocol` and `host`, never by `origin` (`new URL('app://x').origin`
 * is the string "null" for every non-special scheme) and never with startsWith/includes
 * (`app://bancada.evil`, `http://example.invalid/?next=app://bancada`): see
 * reference/electron-style-security.md B2 and B1 #13.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'bancada';
/** Where the packaged UI is loaded from; served by the `app://` protocol handler. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

interface Place {
  readonly protocol: string;
  readonly host: string;
}

export interface TrustedOrigins {
  /** The Vite dev server, only in an unpackaged run; null otherwise. */
  readonly dev: Place | null;
}

const APP_PLACE: Place = { protocol: `${APP_SCHEME}:`, host: APP_HOST };
const LOOPBACK_HOSTNAMES: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Decides which origins this run trusts. A dev URL is honoured only when the app is not packaged
 * and the URL is plain http on loopback (what electron-vite's dev server prints), so an
 * environment variable can never point a shipped station at a remote page.
 */
export function trustedOrigins(options: { readonly packaged: boolean; readonly devUrl: string | undefined }): TrustedOrigins {
  if (options.packaged || !options.devUrl) return { dev: null };
  const url = parse(options.devUrl);
  if (!url || url.protocol !== 'http:' || !LOOPBACK_HOSTNAMES.has(url.hostname)) return { dev: null };
  return { dev: { protocol: url.protocol, host: url.host } };
}

/** The URL the main window loads: the dev server when one is trusted, the bundled UI otherwise. */
export function startUrl(origins: TrustedOrigins, devUrl: string | undefined): string {
  return origins.dev && devUrl ? devUrl : APP_URL;
}

/** True only for a URL on `app://bancada` or, in development, exactly the trusted dev server. */
export function isTrustedUrl(value: unknown, origins: TrustedOrigins): boolean {
  const url = parse(value);
  if (!url) return false;
  if (same(url, APP_PLACE)) return true;
  return origins.dev !== null && same(url, origins.dev);
}

function same(url: URL, place: Place): boolean {
  // Credentials in a URL of ours are never legitimate; refusing them keeps `app://evil@bancada`
  // from looking like home to anything that logs or re-serialises the URL.
  return url.protocol === place.protocol && url.host === place.host && url.username === '' && url.password === '';
}

function parse(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length > 8192) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
