import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy, HARDENING_HEADERS } from '../security/csp';
import { resolveStaticPath } from '../security/static-path';
import { APP_HOST } from './origins';

export interface AppProtocolOptions {
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** Injected for tests; defaults to fs.readFile. */
  readonly readFile?: (file: string) => Promise<Uint8Array>;
  /** Told about unexpected read failures (never about normal 403/404s). */
  readonly onError?: (error: unknown, pathname: string) => void;
}

export type AppProtocolHandler = (request: Request) => Promise<Response>;

/**
 * Serves the bundled UI for `protocol.handle('app', …)` (reference/electron-style-security.md
 * B1 #18; Actual's `protocol.handle` in desktop-electron/index.ts): 405 for anything but GET,
 * 404 for a host other than `bancada`, 403 for a path that escapes the renderer folder (decided
 * by `resolveStaticPath`, shared with station server mode). Every answer carries the CSP as a
 * header, which a `file://` page could not have (security.md #7), plus the hardening headers.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): AppProtocolHandler {
  const read = options.readFile ?? readFile;
  const headers = { 'Content-Security-Policy': contentSecurityPolicy(), ...HARDENING_HEADERS };
  const answer = (status: number): Response => new Response(null, { status, headers });

  return async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405, headers: { ...headers, Allow: 'GET' } });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return answer(400);
    }
    if (url.host !== APP_HOST || url.username !== '' || url.password !== '') return answer(404);
    const resolved = resolveStaticPath(options.rendererDir, url.pathname);
    if (!resolved.ok) return answer(resolved.status);
    try {
      const body = await read(resolved.file);
      return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': resolved.contentType } });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return answer(404);
      options.onError?.(error, url.pathname);
      return answer(500);
    }
  };
}
