import type { WebSocket } from 'ws';
import type { ServerLogger } from './server-logger';

export interface Heartbeat {
  watch(ws: WebSocket): void;
  stop(): void;
}

/**
 * Pings every socket each interval and drops the ones that did not answer the previous ping. TCP
 * alone can take hours to notice a closed laptop lid or a pulled cable, and until then the socket
 * keeps receiving every event. (The pattern of ws's README, "How to detect and close broken
 * connections?".)
 */
export function startHeartbeat(clients: () => Iterable<WebSocket>, intervalMs: number, log: ServerLogger): Heartbeat {
  const answered = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const ws of clients()) {
      if (!answered.has(ws)) {
        log.info('station server dropped a client that stopped answering pings');
        ws.terminate();
        continue;
      }
      answered.delete(ws);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return {
    watch(ws) {
      answered.add(ws);
      ws.on('pong', () => answered.add(ws));
    },
    stop: () => clearInterval(timer),
  };
}
