import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../api/event-bus';
import { captureLogger, closeCode, echo, heldDispatch, httpRequest, makeRendererDir, nextMessage, opened, openSocket, startKit, until, upgradeStatus, type Kit, type LogLine } from './server-test-kit';
import { startStationServer } from './station-server';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function kitFor(options: Parameters<typeof startKit>[0] = {}): Promise<Kit> {
  const kit = await startKit(options);
  cleanups.push(() => kit.stop());
  return kit;
}

function tempRenderer(): string {
  const { dir, rendererDir } = makeRendererDir();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return rendererDir;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('starting station server mode', () => {
  it('prints an address on loopback that carries a fresh 256-bit token in the fragment', async () => {
    const a = await kitFor();
    const b = await kitFor();
    expect(a.server.url).toBe(`http://127.0.0.1:${a.server.port}/#token=${a.server.token}`);
    expect(a.server.origin).toBe(`http://127.0.0.1:${a.server.port}`);
    expect(a.server.token).toMatch(/^[\w-]{43}$/);
    expect(a.server.token).not.toBe(b.server.token);
  });

  it('uses a token it is given', async () => {
    const token = 'given-token-given-token-given-token-0123';
    const kit = await kitFor({ token });
    expect(kit.server.token).toBe(token);
    expect(await upgradeStatus(openSocket(kit.server, { token }))).toBe(101);
  });

  it.each(['short', 'has spaces in it and is long enough to pass', 'x'.repeat(31), 'tok&en=' + 'x'.repeat(40)])('refuses a token that is too weak or not URL-safe: %s', async (token) => {
    await expect(startStationServer({ dispatch: echo, events: new EventBus(), rendererDir: tempRenderer(), token })).rejects.toThrow(/token/);
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'example.com', '::ffff:127.0.0.1'])('will not listen on %s', async (host) => {
    await expect(startStationServer({ dispatch: echo, events: new EventBus(), rendererDir: tempRenderer(), host })).rejects.toThrow(/loopback only/);
  });

  it('binds localhost as 127.0.0.1 and serves on any 127.0.0.0/8 address', async () => {
    const local = await kitFor({ host: 'localhost' });
    expect(local.server.origin).toBe(`http://127.0.0.1:${local.server.port}`);
    const other = await kitFor({ host: '127.0.0.2' });
    expect(other.server.origin).toBe(`http://127.0.0.2:${other.server.port}`);
  });

  it('says clearly when the renderer has not been built', async () => {
    const rendererDir = join(tempRenderer(), 'missing');
    await expect(startStationServer({ dispatch: echo, events: new EventBus(), rendererDir })).rejects.toThrow(/renderer folder .* does not exist/);
  });

  it('rejects when the port is taken, leaving nothing behind', async () => {
    const kit = await kitFor();
    let subscribed = 0;
    const events = {
      subscribe: () => {
        subscribed++;
        return () => undefined;
      },
    };
    await expect(startStationServer({ dispatch: echo, events, rendererDir: kit.rendererDir, port: kit.server.port })).rejects.toThrow(/EADDRINUSE/);
    expect(subscribed).toBe(0);
  });
});

describe('stopping station server mode', () => {
  it('frees the port, drops every socket and stops listening to the station', async () => {
    const { rendererDir } = makeRendererDir();
    let listeners = 0;
    const events = {
      subscribe: () => {
        listeners++;
        return () => {
          listeners--;
        };
      },
    };
    const server = await startStationServer({ dispatch: echo, events, rendererDir });
    const screens = await Promise.all([opened(openSocket(server)), opened(openSocket(server))]);
    const closed = screens.map(closeCode);
    expect(listeners).toBe(1);
    await server.close();
    expect(await Promise.all(closed)).toEqual([1006, 1006]);
    expect(listeners).toBe(0);
    expect(await portIsFree(server.port)).toBe(true);
    await expect(server.close()).resolves.toBeUndefined();
    rmSync(rendererDir, { recursive: true, force: true });
  });

  it('lets a running call answer before it hangs up, and takes no new ones meanwhile', async () => {
    const kit = await kitFor();
    const held = heldDispatch();
    kit.handle = held.dispatch;
    const ws = await opened(openSocket(kit.server));
    const answer = nextMessage(ws);
    ws.send(JSON.stringify({ t: 'call', id: 1, method: 'pack:complete', input: { order: 1001 } }));
    await until(() => held.waiting() === 1);
    let done = false;
    const closing = kit.server.close().then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    ws.send(JSON.stringify({ t: 'call', id: 2, method: 'pack:complete', input: { order: 1002 } }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    held.release();
    expect(await answer).toEqual({ t: 'result', id: 1, result: { ok: true, value: { order: 1001 } } });
    await closing;
    expect(kit.calls).toHaveLength(1);
  });

  it('drops a screen that stops answering pings, and keeps one that answers', async () => {
    const kit = await kitFor({ heartbeatMs: 40 });
    const asleep = await opened(openSocket(kit.server, { autoPong: false }));
    const awake = await opened(openSocket(kit.server));
    expect(await closeCode(asleep)).toBe(1006);
    await new Promise((resolve) => setTimeout(resolve, 150));
    awake.send(JSON.stringify({ t: 'call', id: 1, method: 'station:info', input: {} }));
    expect(await nextMessage(awake)).toMatchObject({ id: 1, result: { ok: true } });
    awake.close();
  });
});

describe('what station server mode writes to the log', () => {
  it('records refusals and connections, never the token or what a call carried', async () => {
    const logs: LogLine[] = [];
    const kit = await kitFor({ logger: captureLogger(logs) });
    const pin = '948213';
    await upgradeStatus(openSocket(kit.server, { token: kit.server.token.slice(0, -1) + 'A', origin: 'http://evil.example' }));
    await upgradeStatus(openSocket(kit.server, { token: kit.server.token + 'x' }));
    await httpRequest(kit.server, `/?token=${kit.server.token}`, { headers: { host: 'evil.example' } });
    const ws = await opened(openSocket(kit.server));
    ws.send(JSON.stringify({ t: 'call', id: 1, method: 'auth:login-pin', input: { operatorId: 1, pin } }));
    await nextMessage(ws);
    ws.send(JSON.stringify({ t: 'call', id: 2, method: 42, input: { pin } }));
    await nextMessage(ws);
    ws.close();
    await until(() => logs.some((l) => l.msg.includes('client left')));
    const text = JSON.stringify(logs);
    expect(text).not.toContain(kit.server.token);
    expect(text).not.toContain(kit.server.token.slice(0, 16));
    expect(text).not.toContain(pin);
    expect(logs.filter((l) => l.level === 'warn').map((l) => l.fields?.reason)).toEqual(expect.arrayContaining(['origin', 'token', 'host']));
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'station server listening', fields: { origin: kit.server.origin } }));
  });
});
