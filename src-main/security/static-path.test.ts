import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { resolveStaticPath } from './static-path';

const root = resolve('/srv/bancada/renderer');

describe('resolveStaticPath', () => {
  it('serves index.html for the root and for app routes', () => {
    expect(resolveStaticPath(root, '/')).toEqual({ ok: true, file: resolve(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveStaticPath(root, '/pack')).toMatchObject({ ok: true, file: resolve(root, 'index.html') });
  });

  it('serves a hashed asset with its content type', () => {
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toEqual({ ok: true, file: resolve(root, 'assets/index-abc.js'), contentType: 'text/javascript; charset=utf-8' });
  });

  it.each(['/../secrets.json', '/%2e%2e/%2e%2e/etc/passwd.json', '/assets/..%2f..%2f..%2fx.js', '/a%00.js', '/..%5c..%5cx.js', '/%E0%A4%A'])(
    'refuses %s',
    (path) => {
      expect(resolveStaticPath(root, path)).toMatchObject({ ok: false, status: 403 });
    },
  );

  it('refuses a sibling folder whose name starts with the root name', () => {
    expect(resolveStaticPath(root, '/../renderer-evil/index.js')).toMatchObject({ ok: false, status: 403 });
  });

  it('answers 404 for a file type it does not serve', () => {
    expect(resolveStaticPath(root, '/bancada.sqlite')).toEqual({ ok: false, status: 404 });
  });
});
