import type { WebSocket } from 'ws';
import type { ClientFrame, ServerFrame } from '../../src-shared/api';
import type { Dispatch } from '../api/dispatch';

function parseFrame(text: string): ClientFrame | { readonly id: number | null } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { id: null };
  }
  if (typeof value !== 'object' || value === null) return { id: null };
  const frame = value as Record<string, unknown>;
  const id = typeof frame.id === 'number' && Number.isSafeInteger(frame.id) ? frame.id : null;
  if (frame.t !== 'call' || id === null || typeof frame.method !== 'string') return { id };
  return { t: 'call', id, method: frame.method, input: frame.input };
}

/**
 * One browser connection: each text frame is a contract call answered with its Result. A frame that
 * is not a call gets an `input.invalid` answer when its id is readable; otherwise the socket is
 * closed with 1008 (policy violation). Nothing a client sends can throw past this function.
 */
export function serveSocket(socket: WebSocket, dispatch: Dispatch): void {
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      socket.close(1003, 'text frames only');
      return;
    }
    const frame = parseFrame(data.toString());
    if (!('t' in frame)) {
      if (frame.id === null) socket.close(1008, 'malformed frame');
      else send(socket, { t: 'result', id: frame.id, result: { ok: false, error: { code: 'input.invalid', message: 'malformed call frame' } } });
      return;
    }
    void dispatch(frame.method, frame.input).then((result) => send(socket, { t: 'result', id: frame.id, result }));
  });
}

export function send(socket: WebSocket, frame: ServerFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}
