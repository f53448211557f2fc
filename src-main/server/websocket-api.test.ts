import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CLIENT_FRAME_BYTES } from '../../src-shared/api';
import { closeCode, heldDispatch, messages, nextMessage, opened, openSocket, startKit, until, upgradeStatus, type Kit, type SocketOptions } from './server-test-kit';
import { MAX_IN_FLIGHT_PER_SOCKET } from './station-server';

let kit: Kit;

beforeEach(async () => {
  kit = await startKit();
});

afterEach(async () => {
  await kit.stop();
});

describe('station server mode: who may open the socket', () => {
  it.each<[string, (port: number) => SocketOptions, number]>([
    ['a wrong token', () => ({ token: 'x'.repeat(43) }), 401],
    ['an empty token', () => ({ token: '' }), 401],
    ['no token at all', () => ({ query: '' }), 401],
    ['the token in another parameter', () => ({ query: 'tok=1' }), 401],
    ['a page from another site', () => ({ origin: 'http://evil.example' }), 403],
    ['a page from another local port', (port) => ({ origin: `http://127.0.0.1:${port + 1}` }), 403],
    ['a page on our address over https', (port) => ({ origin: `https://127.0.0.1:${port}` }), 403],
    ['an opaque origin (sandboxed frame, file://)', () => ({ origin: 'null' }), 403],
    ['a client that sends no Origin', () => ({ origin: null }), 403],
    ['a DNS-rebinding Host', (port) => ({ host: `evil.example:${port}` }), 403],
    ['another path', () => ({ path: '/socket' }), 404],
  ])('refuses %s before upgrading', async (_what, options, status) => {
    expect(await upgradeStatus(openSocket(kit.server, options(kit.server.port)))).toBe(status);
    expect(kit.calls).toHaveLength(0);
  });

  it('lets in the page it served, as 127.0.0.1 or as localhost', async () => {
    const port = kit.server.port;
    expect(await upgradeStatus(openSocket(kit.server))).toBe(101);
    expect(await upgradeStatus(openSocket(kit.server, { origin: `http://localhost:${port}`, host: `localhost:${port}` }))).toBe(101);
  });
});

describe('station server mode: calls and events', () => {
  it('answers a call through the dispatcher', async () => {
    const ws = await opened(openSocket(kit.server));
    ws.send(JSON.stringify({ t: 'call', id: 7, method: 'station:info', input: { a: 1 } }));
    expect(await nextMessage(ws)).toEqual({ t: 'result', id: 7, result: { ok: true, value: { echo: { a: 1 } } } });
    expect(kit.calls).toEqual([{ method: 'station:info', input: { a: 1 } }]);
    ws.close();
  });

  it('pushes every event to every connected screen', async () => {
    const screens = await Promise.all([1, 2, 3].map(() => opened(openSocket(kit.server))));
    const got = Promise.all(screens.map((ws) => messages(ws, 2)));
    kit.events.emit('orders:changed', { reason: 'pulled' });
    kit.events.emit('orders:changed', { reason: 'packed' });
    for (const received of await got) {
      expect(received).toEqual([
        { t: 'event', name: 'orders:changed', payload: { reason: 'pulled' } },
        { t: 'event', name: 'orders:changed', payload: { reason: 'packed' } },
      ]);
    }
    screens.forEach((ws) => ws.close());
  });

  it('keeps pushing to the screens left after one goes away', async () => {
    const [a, b] = await Promise.all([opened(openSocket(kit.server)), opened(openSocket(kit.server))]);
    a!.close();
    await until(() => kit.logs.some((l) => l.msg.includes('client left')));
    const got = nextMessage(b!);
    kit.events.emit('orders:changed', { reason: 'pulled' });
    expect(await got).toMatchObject({ t: 'event', name: 'orders:changed' });
    b!.close();
  });

  it('does not let an event that cannot be serialised throw back into the station', async () => {
    const ws = await opened(openSocket(kit.server));
    expect(() => kit.events.emit('orders:changed', { big: 1n } as never)).not.toThrow();
    expect(kit.logs).toContainEqual(expect.objectContaining({ level: 'error', msg: expect.stringContaining('serialise an event') }));
    ws.close();
  });

  it('answers internal, and stays up, when the dispatcher breaks its promise never to throw', async () => {
    kit.handle = () => {
      throw new Error('boom');
    };
    const ws = await opened(openSocket(kit.server));
    ws.send(JSON.stringify({ t: 'call', id: 1, method: 'station:info', input: {} }));
    expect(await nextMessage(ws)).toEqual({ t: 'result', id: 1, result: { ok: false, error: { code: 'internal', message: 'internal error' } } });
    kit.handle = async () => ({ ok: true, value: { big: 1n } });
    ws.send(JSON.stringify({ t: 'call', id: 2, method: 'station:info', input: {} }));
    expect(await nextMessage(ws)).toMatchObject({ t: 'result', id: 2, result: { ok: false, error: { code: 'internal' } } });
    ws.close();
  });

  it(`runs at most ${MAX_IN_FLIGHT_PER_SOCKET} calls of one socket at once and answers the rest later`, async () => {
    const held = heldDispatch();
    kit.handle = held.dispatch;
    const ws = await opened(openSocket(kit.server));
    const total = MAX_IN_FLIGHT_PER_SOCKET + 8;
    const answers = messages(ws, total);
    for (let id = 1; id <= total; id++) ws.send(JSON.stringify({ t: 'call', id, method: 'station:info', input: id }));
    await until(() => held.waiting() === MAX_IN_FLIGHT_PER_SOCKET);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(kit.calls).toHaveLength(MAX_IN_FLIGHT_PER_SOCKET);
    while (kit.calls.length < total || held.waiting() > 0) {
      held.release();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const ids = ((await answers) as { id: number }[]).map((a) => a.id).sort((x, y) => x - y);
    expect(ids).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    ws.close();
  });
});

describe('station server mode: hostile or broken clients', () => {
  it('answers a malformed call whose id it can read, and closes on one it cannot', async () => {
    const ws = await opened(openSocket(kit.server));
    ws.send(JSON.stringify({ t: 'call', id: 3, method: 42 }));
    expect(await nextMessage(ws)).toEqual({ t: 'result', id: 3, result: { ok: false, error: { code: 'input.invalid', message: 'malformed call frame' } } });
    ws.send(JSON.stringify({ t: 'subscribe', id: 4 }));
    expect(await nextMessage(ws)).toMatchObject({ id: 4, result: { ok: false, error: { code: 'input.invalid' } } });
    const closed = closeCode(ws);
    ws.send('{not json');
    expect(await closed).toBe(1008);
    expect(kit.calls).toHaveLength(0);
  });

  it.each([
    ['an array', '[1,2,3]'],
    ['a bare string', '"call"'],
    ['null', 'null'],
    ['an id that is not an integer', JSON.stringify({ t: 'call', id: 1.5, method: 'station:info' })],
  ])('closes with 1008 on %s, and the server keeps serving others', async (_what, text) => {
    const bystander = await opened(openSocket(kit.server));
    const ws = await opened(openSocket(kit.server));
    const closed = closeCode(ws);
    ws.send(text);
    expect(await closed).toBe(1008);
    bystander.send(JSON.stringify({ t: 'call', id: 1, method: 'station:info', input: 'still here' }));
    expect(await nextMessage(bystander)).toMatchObject({ id: 1, result: { ok: true } });
    bystander.close();
  });

  it('closes with 1003 on a binary frame', async () => {
    const ws = await opened(openSocket(kit.server));
    const closed = closeCode(ws);
    ws.send(Buffer.from('{"t":"call","id":1,"method":"station:info"}'));
    expect(await closed).toBe(1003);
    expect(kit.calls).toHaveLength(0);
  });

  it('refuses a frame over the size limit (1009) and keeps serving', async () => {
    const ws = await opened(openSocket(kit.server));
    const closed = closeCode(ws);
    ws.send(JSON.stringify({ t: 'call', id: 1, method: 'station:info', input: 'x'.repeat(MAX_CLIENT_FRAME_BYTES) }));
    expect(await closed).toBe(1009);
    expect(kit.calls).toHaveLength(0);
    const again = await opened(openSocket(kit.server));
    again.send(JSON.stringify({ t: 'call', id: 2, method: 'station:info', input: {} }));
    expect(await nextMessage(again)).toMatchObject({ id: 2, result: { ok: true } });
    again.close();
  });

  it('accepts a frame right at the size limit', async () => {
    const ws = await opened(openSocket(kit.server));
    const envelope = JSON.stringify({ t: 'call', id: 1, method: 'station:info', input: '' });
    ws.send(JSON.stringify({ t: 'call', id: 1, method: 'station:info', input: 'y'.repeat(MAX_CLIENT_FRAME_BYTES - envelope.length) }));
    expect(await nextMessage(ws)).toMatchObject({ id: 1, result: { ok: true } });
    ws.close();
  });
});
