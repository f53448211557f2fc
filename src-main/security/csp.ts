/**
 * The Content-Security-Policy every renderer page is served with, by the `app://` protocol handler in
 * Electron and by the station server alike (reference/electron-style-security.md B1 #7). No inline
 * script, no remote origin; `connect-src` names the WebSocket only in station server mode.
 */
export function contentSecurityPolicy(options: { readonly connect?: readonly string[] } = {}): string {
  const connect = ["'self'", ...(options.connect ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers sent with every renderer response besides the CSP. */
export const HARDENING_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
