import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export type StaticPathResult =
  | { readonly ok: true; readonly file: string; readonly contentType: string }
  | { readonly ok: false; readonly status: 403 | 404 };

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/**
 * Maps a URL pathname to a file under `root`, refusing anything that escapes it. Compared with
 * `path.relative`, never `startsWith` (`/srv/app-evil` starts with `/srv/app`): see
 * reference/electron-style-security.md B1 #18 and Actual's `protocol.handle` in desktop-electron.
 * `/` and unknown extensionless paths serve `index.html` (the app routes in the page).
 */
export function resolveStaticPath(root: string, pathname: string): StaticPathResult {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 403 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 403 };
  const wanted = decoded === '/' || extname(decoded) === '' ? '/index.html' : decoded;
  const absoluteRoot = resolve(root);
  const file = resolve(absoluteRoot, '.' + wanted);
  const rel = relative(absoluteRoot, file);
  if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) return { ok: false, status: 403 };
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()];
  if (!contentType) return { ok: false, status: 404 };
  return { ok: true, file, contentType };
}
