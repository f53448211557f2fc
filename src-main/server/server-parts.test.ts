import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { allowedAuthorities, allowedOrigins, loopbackAddress, socketSources } from './loopback';
import { parseRequestTarget } from './request-target';
import { silentLogger } from './server-logger';
import { MAX_BUFFERED_BYTES, parseClientFrame, sendText, type SendTarget } from './socket-session';
import { tokenDigest, tokenMatches } from './upgrade-guard';

describe('which addresses count as loopback', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1', '127.0.0.1'],
    ['127.8.9.10', '127.8.9.10', '127.8.9.10'],
    ['localhost', '127.0.0.1', '127.0.0.1'],
    ['::1', '::1', '[::1]'],
  ])('listens on %s', (host, listenHost, urlHost) => {
    expect(loopbackAddress(host)).toEqual({ listenHost, urlHost });
  });

  it.each(['0.0.0.0', '::', '', '192.168.0.7', '128.0.0.1', '127.1', '127.0.0.256', '::ffff:127.0.0.1', 'localhost.', 'LOCALHOST.example', 'station.local'])('refuses %j', (host) => {
    expect(() => loopbackAddress(host)).toThrow(/loopback only/);
  });

  it('names exactly our own address and localhost, on our port', () => {
    const v4 = loopbackAddress('127.0.0.1');
    expect([...allowedAuthorities(v4, 8765)]).toEqual(['127.0.0.1:8765', 'localhost:8765']);
    expect([...allowedOrigins(v4, 8765)]).toEqual(['http://127.0.0.1:8765', 'http://localhost:8765']);
    expect(socketSources(v4, 8765)).toEqual(['ws://127.0.0.1:8765', 'ws://localhost:8765']);
  });

  it("leaves an IPv6 socket to 'self', since a CSP source cannot name [::1]", () => {
    const v6 = loopbackAddress('::1');
    expect([...allowedOrigins(v6, 8765)]).toEqual(['http://[::1]:8765', 'http://localhost:8765']);
    expect(socketSources(v6, 8765)).toEqual(['ws://localhost:8765']);
  });
});

describe('reading a request target', () => {
  it('keeps the raw path, dot segments and escapes included, for the static-path check to judge', () => {
    expect(parseRequestTarget('/a/../b%2f?x=1&token=abc')).toMatchObject({ pathname: '/a/../b%2f' });
    expect(parseRequestTarget('/api?token=abc')?.query.get('token')).toBe('abc');
    expect(parseRequestTarget('/')?.query.get('token')).toBeNull();
  });

  it.each([undefined, '', '*', 'http://evil.example/', 'api?token=x'])('refuses the non-origin form %j', (raw) => {
    expect(parseRequestTarget(raw)).toBeNull();
  });
});

describe('reading a client frame', () => {
  it('reads a call and leaves the input for the dispatcher to judge', () => {
    expect(parseClientFrame('{"t":"call","id":9,"method":"orders:queue","input":{"limit":"lots"}}')).toEqual({
      kind: 'call',
      frame: { t: 'call', id: 9, method: 'orders:queue', input: { limit: 'lots' } },
    });
    expect(parseClientFrame('{"t":"call","id":1,"method":"sync:status"}')).toEqual({ kind: 'call', frame: { t: 'call', id: 1, method: 'sync:status', input: undefined } });
  });

  it.each([
    ['{"t":"call","id":2,"method":7}', 2],
    ['{"t":"result","id":3,"method":"x"}', 3],
    ['{"t":"call","id":"4","method":"x"}', null],
    ['{"t":"call","id":1e300,"method":"x"}', null],
    ['{"t":"call","method":"x"}', null],
    ['[{"t":"call","id":1,"method":"x"}]', null],
    ['{"t":"call","id":1,"method":"x"', null],
    ['', null],
  ])('marks %s as bad, keeping the id %j when it is readable', (text, id) => {
    expect(parseClientFrame(text)).toEqual({ kind: 'bad', id });
  });
});

describe('comparing the launch token', () => {
  const digest = tokenDigest('the-launch-token-0123456789abcdefghijklmno');

  it('matches only the exact token, whatever the length of the guess', () => {
    expect(tokenMatches('the-launch-token-0123456789abcdefghijklmno', digest)).toBe(true);
    for (const guess of ['', 't', 'the-launch-token-0123456789abcdefghijklmnO', 'the-launch-token-0123456789abcdefghijklmno ', 'x'.repeat(10_000)]) {
      expect(tokenMatches(guess, digest)).toBe(false);
    }
  });
});

describe('sending to a screen', () => {
  function fakeSocket(bufferedAmount: number, readyState: number = WebSocket.OPEN): SendTarget & { sent: string[]; terminated: boolean } {
    const fake = {
      readyState,
      bufferedAmount,
      sent: [] as string[],
      terminated: false,
      send: (text: string) => fake.sent.push(text),
      terminate: () => {
        fake.terminated = true;
      },
    };
    return fake as unknown as SendTarget & { sent: string[]; terminated: boolean };
  }

  it('sends to an open socket that keeps up', () => {
    const ws = fakeSocket(1024);
    sendText(ws, 'hello', silentLogger);
    expect(ws.sent).toEqual(['hello']);
  });

  it('skips a socket that is closing', () => {
    const ws = fakeSocket(0, WebSocket.CLOSING);
    sendText(ws, 'hello', silentLogger);
    expect(ws.sent).toEqual([]);
  });

  it('drops a screen that stopped reading instead of buffering for it forever', () => {
    const ws = fakeSocket(MAX_BUFFERED_BYTES + 1);
    sendText(ws, 'hello', silentLogger);
    expect(ws.sent).toEqual([]);
    expect(ws.terminated).toBe(true);
  });
});
