import { open, realpath } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, isAbsolute, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { resolveStaticPath } from '../security/static-path';
import { parseRequestTarget } from './request-target';
import { errorSummary, type ServerLogger } from './server-logger';

/** Files Vite writes with a content hash in the name (build.assetsDir): safe to cache for good. */
const HASHED_ASSETS_DIR = 'assets';
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP']);

/**
 * Serves the built renderer from `root` (already a real path): GET/HEAD only, every response with
 * `headers` (the CSP and the hardening headers). The path is judged twice: lexically by
 * `resolveStaticPath` (reference/electron-style-security.md B1 #18), then after symlinks are
 * resolved, so a link inside the folder cannot lead out of it either.
 */
export function createStaticHandler(root: string, headers: Readonly<Record<string, string>>, log: ServerLogger) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const target = parseRequestTarget(req.url);
    const resolved = target ? resolveStaticPath(root, target.pathname) : ({ ok: false, status: 400 } as const);
    if (!resolved.ok) {
      res.writeHead(resolved.status, headers).end();
      return;
    }
    sendFile(root, resolved.file, resolved.contentType, req, res, headers).catch((error: unknown) => {
      log.error('station server could not send a file', { error: errorSummary(error) });
      if (res.headersSent) res.destroy();
      else res.writeHead(500, headers).end();
    });
  };
}

async function sendFile(root: string, file: string, contentType: string, req: IncomingMessage, res: ServerResponse, headers: Readonly<Record<string, string>>): Promise<void> {
  const real = await realpath(file).catch(missingAsNull);
  if (real === null || !isInside(root, real)) {
    res.writeHead(404, headers).end();
    return;
  }
  // One handle for stat and read, so Content-Length describes exactly the bytes streamed.
  const handle = await open(real, 'r').catch(missingAsNull);
  if (handle === null) {
    res.writeHead(404, headers).end();
    return;
  }
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    res.writeHead(404, headers).end();
    return;
  }
  res.writeHead(200, fileHeaders(root, real, contentType, info.size, headers));
  if (req.method === 'HEAD') {
    await handle.close();
    res.end();
    return;
  }
  await pipeline(handle.createReadStream(), res).catch((error: unknown) => {
    // A browser that navigates away mid-file is routine, not a server fault.
    if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  });
}

function fileHeaders(root: string, file: string, contentType: string, size: number, headers: Readonly<Record<string, string>>): Record<string, string | number> {
  const inAssets = relative(root, file).split(sep)[0] === HASHED_ASSETS_DIR;
  return {
    ...headers,
    'Content-Type': contentType,
    'Content-Length': size,
    // The page that names the hashed files must always be fresh; the hashed files never change.
    'Cache-Control': basename(file) === 'index.html' ? 'no-store' : inAssets ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
}

function missingAsNull(error: unknown): null {
  if (MISSING.has((error as { code?: string }).code ?? '')) return null;
  throw error;
}
