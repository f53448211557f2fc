import type { BancadaApi, EventName, MethodName, Result, ServerFrame } from '../../src-shared/api';
import { EVENT_NAMES, METHOD_NAMES } from '../../src-shared/api/names';
import { WS_PATH } from '../../src-shared/api/wire';

/** The slice of the browser's WebSocket the client uses, so tests can hand it a fake. */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: (() => void) | null;
  onclose: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

export interface WsClientOptions {
  readonly url: string;
  readonly connect: (url: string) => SocketLike;
  readonly onState?: (state: ConnectionState) => void;
  /** Timers are injected for tests. */
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
}

const OPEN = 1;
const RETRY_MS = [250, 500, 1000, 2000, 4000];

/**
 * The contract over the station-server WebSocket (src-shared/api/wire.ts). Calls made while the
 * socket is down wait for it (a packer's scan is not lost to a blip); calls in flight when it drops
 * fail with a coded error the screen can show, because the server may or may not have run them.
 */
export function createWsClient(options: WsClientOptions): BancadaApi {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const queued: string[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let attempt = 0;
  let socket: SocketLike;

  const open = (): void => {
    socket = options.connect(options.url);
    socket.onopen = () => {
      attempt = 0;
      options.onState?.('open');
      for (const frame of queued.splice(0)) socket.send(frame);
    };
    socket.onmessage = (event) => receive(String(event.data));
    socket.onclose = () => {
      for (const [id, resolve] of pending) {
        pending.delete(id);
        resolve({ ok: false, error: { code: 'connection.lost', message: 'the station connection dropped during the call' } });
      }
      options.onState?.('reconnecting');
      setTimer(open, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]!);
    };
  };

  const receive = (text: string): void => {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(text) as ServerFrame;
    } catch {
      return;
    }
    if (frame.t === 'result') {
      pending.get(frame.id)?.(frame.result);
      pending.delete(frame.id);
    } else if (frame.t === 'event') {
      for (const listener of listeners.get(frame.name) ?? []) listener(frame.payload);
    }
  };

  const call = (method: MethodName, input: unknown): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      const frame = JSON.stringify({ t: 'call', id, method, input });
      if (socket.readyState === OPEN) socket.send(frame);
      else queued.push(frame);
    });

  options.onState?.('connecting');
  open();
  return {
    call: Object.fromEntries(METHOD_NAMES.map((m) => [m, (input: unknown) => call(m, input)])) as unknown as BancadaApi['call'],
    on: Object.fromEntries(
      EVENT_NAMES.map((e) => [
        e,
        (listener: (payload: unknown) => void) => {
          const set = listeners.get(e) ?? new Set();
          listeners.set(e, set);
          set.add(listener);
          return () => set.delete(listener);
        },
      ]),
    ) as unknown as BancadaApi['on'],
  };
}

/** Reads the per-launch token from `#token=…`, keeps it for reloads and takes it out of the address bar. */
export function takeToken(location: { hash: string; pathname: string; search: string }, storage: Pick<Storage, 'getItem' | 'setItem'>, replace: (url: string) => void): string | null {
  const match = /(?:^#|&)token=([\w-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem('bancada.token', match[1]);
    replace(location.pathname + location.search);
    return match[1];
  }
  return storage.getItem('bancada.token');
}

export function socketUrl(location: { protocol: string; host: string }, token: string): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
}
