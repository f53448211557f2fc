import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_CLIENT_FRAME_BYTES, type ServerFrame } from '../../src-shared/api';
import type { Dispatch } from '../api/dispatch';
import { startHeartbeat } from './heartbeat';
import { errorSummary, type ServerLogger } from './server-logger';
import { sendText, serveSocket, type SocketSession } from './socket-session';

/** Far above what a bench does (one scan at a time), low enough that one socket cannot swamp SQLite. */
export const MAX_IN_FLIGHT_PER_SOCKET = 16;
/** How long close() lets running calls finish before it hangs up anyway. */
const DRAIN_MS = 5_000;

export interface SocketHub {
  /** Completes an upgrade that upgrade-guard.ts has already allowed. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Sends one frame to every open socket. */
  broadcast(frame: ServerFrame): void;
  /** Stops taking calls, lets running ones answer (at most DRAIN_MS), then drops every socket. */
  close(): Promise<void>;
}

/** Every open screen of one station server: its calls, its events, its heartbeat. */
export function createSocketHub(options: { dispatch: Dispatch; log: ServerLogger; heartbeatMs: number }): SocketHub {
  const { dispatch, log } = options;
  // No permessage-deflate: a 64 KiB compressed frame can inflate to far more (a zip bomb), and our
  // frames are small.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES, perMessageDeflate: false });
  const sessions = new Map<WebSocket, SocketSession>();
  const calls = new Set<Promise<void>>();
  const heartbeat = startHeartbeat(() => wss.clients, options.heartbeatMs, log);
  const track = (call: Promise<void>): void => {
    calls.add(call);
    void call.then(() => calls.delete(call));
  };

  const open = (ws: WebSocket): void => {
    heartbeat.watch(ws);
    ws.on('error', (error) => log.warn('station server websocket error', { error: errorSummary(error) }));
    ws.on('close', (code) => {
      sessions.delete(ws);
      log.info('station server client left', { code, clients: wss.clients.size });
    });
    sessions.set(ws, serveSocket(ws, { dispatch, log, maxInFlight: MAX_IN_FLIGHT_PER_SOCKET, track }));
    log.info('station server client connected', { clients: wss.clients.size });
  };

  return {
    accept: (req, socket, head) => wss.handleUpgrade(req, socket, head, open),
    broadcast(frame) {
      // Serialised once for every screen; a payload that cannot be serialised is logged, never thrown
      // back into the station code that emitted it.
      let text: string;
      try {
        text = JSON.stringify(frame);
      } catch (error) {
        log.error('station server could not serialise an event', { event: frame.t === 'event' ? frame.name : '?', error: errorSummary(error) });
        return;
      }
      for (const ws of wss.clients) sendText(ws, text, log);
    },
    async close() {
      heartbeat.stop();
      for (const session of sessions.values()) session.stop();
      await drain(calls, DRAIN_MS);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

/** Waits for running calls (and any they start) to answer, at most `ms`. */
async function drain(calls: ReadonlySet<Promise<void>>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (calls.size > 0 && Date.now() < deadline) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadline - Date.now())));
    await Promise.race([Promise.all(calls), timeout]);
    clearTimeout(timer);
  }
}
