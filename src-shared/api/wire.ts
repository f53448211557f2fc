import type { EventName } from './names';
import type { Result } from './result';

/**
 * Frames of the station-server WebSocket (JSON text frames). The browser connects to
 * `ws://127.0.0.1:<port>/api?token=<per-launch token>`; the page learns the token from the URL
 * fragment `#token=…` printed at start-up, so it never reaches server logs or Referer headers.
 */
export type ClientFrame = { readonly t: 'call'; readonly id: number; readonly method: string; readonly input: unknown };

export type ServerFrame =
  | { readonly t: 'result'; readonly id: number; readonly result: Result<unknown> }
  | { readonly t: 'event'; readonly name: EventName; readonly payload: unknown };

export const WS_PATH = '/api';
/** Largest client frame accepted; anything bigger is a bug or an attack. */
export const MAX_CLIENT_FRAME_BYTES = 64 * 1024;
