import { describe, expect, it } from 'vitest';
import { createWsClient, socketUrl, takeToken, type SocketLike } from './ws-client';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.readyState = 3;
    this.onclose?.();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  reply(frame: unknown): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: (() => void)[] = [];
  const states: string[] = [];
  const client = createWsClient({
    url: 'ws://127.0.0.1:1/api?token=t',
    connect: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    onState: (s) => states.push(s),
    setTimer: (fn) => timers.push(fn),
  });
  return { client, sockets, timers, states };
}

describe('the station-server client', () => {
  it('holds a call made before the socket opens and sends it on open', async () => {
    const { client, sockets } = setup();
    const result = client.call['station:info']({});
    expect(sockets[0]!.sent).toEqual([]);
    sockets[0]!.open();
    const frame = JSON.parse(sockets[0]!.sent[0]!);
    expect(frame).toMatchObject({ t: 'call', method: 'station:info', input: {} });
    sockets[0]!.reply({ t: 'result', id: frame.id, result: { ok: true, value: 'yes' } });
    await expect(result).resolves.toEqual({ ok: true, value: 'yes' });
  });

  it('hands events to subscribers, payload only, until they unsubscribe', () => {
    const { client, sockets } = setup();
    sockets[0]!.open();
    const seen: unknown[] = [];
    const off = client.on['orders:changed']((p) => seen.push(p));
    sockets[0]!.reply({ t: 'event', name: 'orders:changed', payload: { reason: 'a' } });
    off();
    sockets[0]!.reply({ t: 'event', name: 'orders:changed', payload: { reason: 'b' } });
    expect(seen).toEqual([{ reason: 'a' }]);
  });

  it('fails calls in flight with a coded error when the socket drops, then reconnects', async () => {
    const { client, sockets, timers, states } = setup();
    sockets[0]!.open();
    const inFlight = client.call['home:summary']({});
    sockets[0]!.close();
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'connection.lost' } });
    expect(states).toContain('reconnecting');
    timers.shift()!();
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    expect(states.at(-1)).toBe('open');
  });

  it('ignores a frame that is not JSON instead of crashing', () => {
    const { sockets } = setup();
    sockets[0]!.open();
    expect(() => sockets[0]!.onmessage?.({ data: '{{{' })).not.toThrow();
  });
});

describe('the per-launch token', () => {
  it('is taken from the fragment, kept for reloads and removed from the address bar', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    let replaced = '';
    expect(takeToken({ hash: '#token=abc-DEF_1', pathname: '/', search: '' }, storage, (u) => (replaced = u))).toBe('abc-DEF_1');
    expect(replaced).toBe('/');
    expect(takeToken({ hash: '', pathname: '/', search: '' }, storage, () => undefined)).toBe('abc-DEF_1');
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:8765' }, 'abc')).toBe('ws://127.0.0.1:8765/api?token=abc');
  });
});
