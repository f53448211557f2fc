import { WebSocket } from 'ws';
import type { ClientFrame, Result, ServerFrame } from '../../src-shared/api';
import type { Dispatch } from '../api/dispatch';
import { errorSummary, type ServerLogger } from './server-logger';

const INTERNAL: Result<never> = { ok: false, error: { code: 'internal', message: 'internal error' } };
const MALFORMED: Result<never> = { ok: false, error: { code: 'input.invalid', message: 'malformed call frame' } };

export type ParsedFrame = { readonly kind: 'call'; readonly frame: ClientFrame } | { readonly kind: 'bad'; readonly id: number | null };

/**
 * Reads one text frame as a contract call. Only the envelope is checked here; the method name and the
 * input are the dispatcher's to validate (src-main/api/dispatch.ts), so there is one door, not two.
 */
export function parseClientFrame(text: string): ParsedFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'bad', id: null };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'bad', id: null };
  const frame = value as Record<string, unknown>;
  const id = typeof frame.id === 'number' && Number.isSafeInteger(frame.id) ? frame.id : null;
  if (frame.t !== 'call' || id === null || typeof frame.method !== 'string') return { kind: 'bad', id };
  return { kind: 'call', frame: { t: 'call', id, method: frame.method, input: frame.input } };
}

/** The part of a ws socket `sendText` touches; tests hand it a fake to play a client that stopped reading. */
export type SendTarget = Pick<WebSocket, 'readyState' | 'bufferedAmount' | 'send' | 'terminate'>;

/**
 * A screen that stopped reading (a frozen tab still answers pings from the browser's network stack)
 * would make us buffer every event for it forever; past this much unsent data it is dropped and
 * reconnects when it wakes.
 */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export function sendText(ws: SendTarget, text: string, log: ServerLogger): void {
  if (ws.readyState !== WebSocket.OPEN) return;
  if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
    log.warn('station server dropped a client that stopped reading', { bufferedBytes: ws.bufferedAmount });
    ws.terminate();
    return;
  }
  ws.send(text);
}

/** Sends a call's answer; a result that cannot be serialised (a handler bug) becomes `internal`. */
function answer(ws: SendTarget, id: number, result: Result<unknown>, log: ServerLogger): void {
  let text: string;
  try {
    text = JSON.stringify({ t: 'result', id, result } satisfies ServerFrame);
  } catch (error) {
    log.error('station server could not serialise a result', { error: errorSummary(error) });
    text = JSON.stringify({ t: 'result', id, result: INTERNAL } satisfies ServerFrame);
  }
  sendText(ws, text, log);
}

export interface SessionOptions {
  readonly dispatch: Dispatch;
  readonly log: ServerLogger;
  /** Calls one socket may have running at once; later frames queue and the socket stops reading. */
  readonly maxInFlight: number;
  /** Told about every call, so that close() can let running calls finish. */
  readonly track: (call: Promise<void>) => void;
}

export interface SocketSession {
  /** Stops taking calls (queued ones are dropped, never run); calls already running still answer. */
  stop(): void;
}

/**
 * One browser connection: each text frame is a contract call answered with its Result, in whatever
 * order the calls finish (the client matches ids). A frame that is not a call gets `input.invalid`
 * when its id is readable; otherwise the socket is closed with 1008 (policy violation), and a binary
 * frame with 1003 (RFC 6455 §7.4.1). Nothing a client sends can throw past this function.
 */
export function serveSocket(ws: WebSocket, options: SessionOptions): SocketSession {
  const { dispatch, log, maxInFlight, track } = options;
  const waiting: ClientFrame[] = [];
  let running = 0;
  let stopped = false;

  const run = (frame: ClientFrame): void => {
    running++;
    const call = Promise.resolve()
      .then(() => dispatch(frame.method, frame.input))
      // The dispatcher promises never to throw; if it ever does, the client still gets its answer.
      .catch((error: unknown) => {
        log.error('station server dispatch threw', { method: frame.method.slice(0, 64), error: errorSummary(error) });
        return INTERNAL;
      })
      .then((result) => answer(ws, frame.id, result, log))
      .finally(() => {
        running--;
        if (stopped) return;
        const next = waiting.shift();
        if (next) run(next);
        else if (ws.isPaused) ws.resume();
      });
    track(call);
  };

  ws.on('message', (data, isBinary) => {
    if (stopped) return;
    if (isBinary) {
      ws.close(1003, 'text frames only');
      return;
    }
    const parsed = parseClientFrame(data.toString());
    if (parsed.kind === 'bad') {
      log.warn('station server got a malformed frame', { answered: parsed.id !== null });
      if (parsed.id === null) ws.close(1008, 'malformed frame');
      else answer(ws, parsed.id, MALFORMED, log);
      return;
    }
    if (running < maxInFlight) {
      run(parsed.frame);
      return;
    }
    // Back-pressure instead of refusal: a burst of scans is delayed, never dropped.
    waiting.push(parsed.frame);
    ws.pause();
  });
  ws.on('close', () => {
    waiting.length = 0;
  });
  return {
    stop() {
      stopped = true;
      waiting.length = 0;
      ws.pause();
    },
  };
}
