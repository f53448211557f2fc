import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../security/csp';
import { createAppProtocolHandler, type AppProtocolHandler } from './app-protocol';

let root: string;
let rendererDir: string;
let handle: AppProtocolHandler;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bancada-app-protocol-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log("ui")');
  // Neighbours the handler must never serve.
  await writeFile(join(root, 'secret.json'), '{"token":"x"}');
  await mkdir(join(root, 'renderer-evil'));
  await writeFile(join(root, 'renderer-evil', 'index.js'), 'evil()');
  handle = createAppProtocolHandler({ rendererDir });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, method = 'GET'): Promise<Response> => handle(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves index.html for the root and app routes, with the CSP and hardening headers', async () => {
    for (const url of ['app://bancada/', 'app://bancada/pack', 'app://bancada/returns/rma-1?x=1']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('id="root"');
    }
  });

  it('serves an asset with its type', async () => {
    const response = await get('app://bancada/assets/index-abc.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log("ui")');
  });

  it.each(['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'])('answers %s with 405', async (method) => {
    const response = await get('app://bancada/', method);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });

  it.each(['app://evil/', 'app://bancada.evil/index.html', 'app://bancada:8080/'])('answers an unknown host with 404: %s', async (url) => {
    expect((await get(url)).status).toBe(404);
  });

  it('answers a URL with credentials with 404', async () => {
    // Node's Request refuses to build such a URL, so hand the handler a request-shaped object.
    expect((await handle({ method: 'GET', url: 'app://evil@bancada/' } as Request)).status).toBe(404);
  });

  it.each(['app://bancada/%2e%2e%2fsecret.json', 'app://bancada/assets/..%2f..%2fsecret.json', 'app://bancada/..%2frenderer-evil/index.js', 'app://bancada/a%00.js'])(
    'refuses traversal with 403: %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(403);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
      expect(await response.text()).toBe('');
    },
  );

  it('never serves a neighbour through dot segments the URL parser already folded', async () => {
    // `app://bancada/../secret.json` and `/%2e%2e/` parse to `/secret.json`: inside the root, absent.
    for (const url of ['app://bancada/../secret.json', 'app://bancada/%2e%2e/secret.json']) expect((await get(url)).status).toBe(404);
  });

  it('answers a missing asset with 404', async () => {
    expect((await get('app://bancada/assets/missing.js')).status).toBe(404);
  });

  it('answers 500 and reports an unexpected read failure', async () => {
    const onError = vi.fn();
    const failing = createAppProtocolHandler({ rendererDir, readFile: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })), onError });
    expect((await failing(new Request('app://bancada/'))).status).toBe(500);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'EIO' }), '/');
  });
});
