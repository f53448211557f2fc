import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpRequest, startKit, type Kit } from './server-test-kit';

let kit: Kit;

beforeEach(async () => {
  kit = await startKit();
});

afterEach(async () => {
  await kit.stop();
});

describe('station server mode serving the renderer', () => {
  it('serves index.html with the CSP that names only its own socket, the hardening headers and no-store', async () => {
    const res = await httpRequest(kit.server, '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Bancada</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${kit.server.port} ws://localhost:${kit.server.port}`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|http:/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers an app route with the page, so a reload on /pack still opens the app', async () => {
    const res = await httpRequest(kit.server, '/pack?order=1001');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Bancada</title>');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('lets the browser keep hashed assets for good and revalidate everything else', async () => {
    const asset = await httpRequest(kit.server, '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-security-policy']).toBeDefined();
    expect((await httpRequest(kit.server, '/favicon.ico')).headers['cache-control']).toBe('no-cache');
  });

  it('streams a large file whole, with a length that matches', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024 + 7);
    writeFileSync(join(kit.rendererDir, 'assets', 'big.js'), big);
    const res = await httpRequest(kit.server, '/assets/big.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(big.length));
    expect(res.body).toBe(big);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await httpRequest(kit.server, '/assets/app.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String('console.log(1)'.length));
    expect(res.body).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405 and says what is allowed', async (method) => {
    const res = await httpRequest(kit.server, '/', { method });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it.each([
    '/../bancada-secret.json',
    '/assets/../../bancada-secret.json',
    '/%2e%2e/bancada-secret.json',
    '/..%2fbancada-secret.json',
    '/assets/..%2f..%2fbancada-secret.json',
    '/..%5cbancada-secret.json',
    '/assets/app.js%00.json',
    '/%E0%A4%A.json',
  ])('never serves anything outside the renderer folder: %s', async (path) => {
    const res = await httpRequest(kit.server, path);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.body).toBe('');
  });

  it('answers an extensionless escape with the app page, never the file it names', async () => {
    const res = await httpRequest(kit.server, '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd');
    expect(res.body).toContain('<title>Bancada</title>');
    expect(res.body).not.toContain('root:');
  });

  it('does not follow a symlink that leads out of the renderer folder', async () => {
    symlinkSync(join(kit.dir, 'bancada-secret.json'), join(kit.rendererDir, 'leak.json'));
    const res = await httpRequest(kit.server, '/leak.json');
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('secret');
  });

  it('answers 404 for a missing file, a folder and an unknown kind of file', async () => {
    mkdirSync(join(kit.rendererDir, 'assets', 'folder.js'));
    writeFileSync(join(kit.rendererDir, 'notes.txt'), 'hi');
    for (const path of ['/assets/missing.js', '/assets/folder.js', '/notes.txt']) {
      expect((await httpRequest(kit.server, path)).status).toBe(404);
    }
  });

  it('refuses a proxy-style absolute request target', async () => {
    expect((await httpRequest(kit.server, `http://127.0.0.1:${kit.server.port}/`)).status).toBe(400);
  });

  it.each([
    ['a rebinding name on our port', (port: number) => `evil.example:${port}`],
    ['our address on another port', (port: number) => `127.0.0.1:${port + 1}`],
    ['our address without a port', () => '127.0.0.1'],
    ['localhost with a trailing dot', (port: number) => `localhost.:${port}`],
  ])('refuses a Host header naming %s', async (_what, host) => {
    const res = await httpRequest(kit.server, '/', { headers: { host: host(kit.server.port) } });
    expect(res.status).toBe(421);
    expect(res.body).toBe('');
    expect(kit.logs).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ reason: 'host' }) }));
  });

  it('answers a page opened as localhost', async () => {
    expect((await httpRequest(kit.server, '/', { headers: { host: `localhost:${kit.server.port}` } })).status).toBe(200);
  });
});
