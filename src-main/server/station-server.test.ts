import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { EventBus } from '../api/event-bus';
import type { Dispatch } from '../api/dispatch';
import { startStationServer, type StationServer } from './station-server';

let dir: string;
let server: StationServer;
let events: EventBus;
const calls: { method: unknown; input: unknown }[] = [];
const dispatch: Dispatch = async (method, input) => {
  calls.push({ method, input });
  return method === 'station:info' ? { ok: true, value: { echo: input } } : { ok: false, error: { code: 'contract.unknown-method', message: 'no' } };
};

beforeEach(async () => {
  // The renderer folder sits next to a file it must never serve.
  dir = mkdtempSync(join(tmpdir(), 'bancada-server-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'bancada-secret.json'), '{"secret":true}');
  events = new EventBus();
  calls.length = 0;
  server = await startStationServer({ dispatch, events, rendererDir });
});

afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function socket(options: { token?: string; origin?: string | null; host?: string } = {}): WebSocket {
  const token = options.token ?? server.token;
  const headers: Record<string, string> = {};
  if (options.origin !== null) headers.origin = options.origin ?? server.origin;
  if (options.host) headers.host = options.host;
  return new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${encodeURIComponent(token)}`, { headers });
}

function refusedStatus(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => resolve(101));
    ws.on('error', () => undefined);
  });
}

function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
}

describe('station server mode over HTTP', () => {
  it('prints an address on loopback that carries the token in the fragment', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[\\w-]{43}$`));
  });

  it('serves the page with the CSP that names only its own socket', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses traversal, other methods and foreign Host headers', async () => {
    for (const path of ['/../bancada-secret.json', '/%2e%2e/bancada-secret.json', '/assets/..%2f..%2fbancada-secret.json']) {
      const res = await get(path);
      expect([403, 404]).toContain(res.status);
      expect(res.body).not.toContain('secret');
    }
    expect((await get('/', {}, 'POST')).status).toBe(405);
    expect((await get('/', { host: 'evil.example:80' })).status).toBe(421);
  });

  it('will not listen on anything but loopback', async () => {
    await expect(startStationServer({ dispatch, events, rendererDir: join(dir, 'renderer'), host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});

describe('station server mode over WebSocket', () => {
  it('answers a call through the dispatcher', async () => {
    const ws = socket();
    await opened(ws);
    ws.send(JSON.stringify({ t: 'call', id: 7, method: 'station:info', input: { a: 1 } }));
    expect(await nextMessage(ws)).toEqual({ t: 'result', id: 7, result: { ok: true, value: { echo: { a: 1 } } } });
    ws.close();
  });

  it.each([
    ['a wrong token', { token: 'x'.repeat(43) }, 401],
    ['a missing token', { token: '' }, 401],
    ['a foreign origin', { origin: 'http://evil.example' }, 403],
    ['another local port', { origin: 'http://127.0.0.1:1' }, 403],
    ['no origin at all', { origin: null }, 403],
    ['a rebinding Host', { host: 'evil.example' }, 403],
  ] as const)('refuses %s before upgrading', async (_what, options, status) => {
    expect(await refusedStatus(socket(options))).toBe(status);
    expect(calls).toHaveLength(0);
  });

  it('pushes events to every connected screen', async () => {
    const a = socket();
    const b = socket();
    await Promise.all([opened(a), opened(b)]);
    const got = Promise.all([nextMessage(a), nextMessage(b)]);
    events.emit('orders:changed', { reason: 'pulled' });
    expect(await got).toEqual([
      { t: 'event', name: 'orders:changed', payload: { reason: 'pulled' } },
      { t: 'event', name: 'orders:changed', payload: { reason: 'pulled' } },
    ]);
    a.close();
    b.close();
  });

  it('survives garbage: a malformed frame with an id gets a coded answer, without one the socket closes', async () => {
    const ws = socket();
    await opened(ws);
    ws.send(JSON.stringify({ t: 'call', id: 3, method: 42 }));
    expect(await nextMessage(ws)).toMatchObject({ t: 'result', id: 3, result: { ok: false, error: { code: 'input.invalid' } } });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{not json');
    expect(await closed).toBe(1008);
    const again = socket();
    await opened(again);
    again.close();
  });

  it('closes a socket that sends an oversized frame', async () => {
    const ws = socket();
    await opened(ws);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(70 * 1024));
    expect(await closed).toBe(1009);
  });
});
