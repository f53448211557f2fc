import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HARDENING_HEADERS } from '../security/csp';
import { resolveStaticPath } from '../security/static-path';

/** Serves the built renderer: GET/HEAD only, never outside `rendererDir`, every response with the CSP. */
export function createStaticHandler(rendererDir: string, csp: () => string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = { ...HARDENING_HEADERS, 'Content-Security-Policy': csp() };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://station.invalid').pathname;
    const resolved = resolveStaticPath(rendererDir, pathname);
    if (!resolved.ok) {
      res.writeHead(resolved.status, headers).end();
      return;
    }
    let size: number;
    try {
      const info = await stat(resolved.file);
      if (!info.isFile()) throw new Error('not a file');
      size = info.size;
    } catch {
      res.writeHead(404, headers).end();
      return;
    }
    const isIndex = resolved.file.endsWith('index.html');
    res.writeHead(200, {
      ...headers,
      'Content-Type': resolved.contentType,
      'Content-Length': size,
      // Hashed assets never change; the page that names them must always be fresh.
      'Cache-Control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(resolved.file).on('error', () => res.destroy()).pipe(res);
  };
}
