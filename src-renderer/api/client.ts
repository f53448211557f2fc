import { BRIDGE_KEY, type BancadaApi } from '../../src-shared/api/bridge';
import { createWsClient, socketUrl, takeToken, type ConnectionState, type SocketLike } from './ws-client';

/**
 * The renderer's only way to the station. In Electron the preload has put the bridge on `window`;
 * in a browser (station server mode) the same contract runs over the WebSocket.
 */
export function connect(onState: (state: ConnectionState) => void): BancadaApi {
  const bridge = (window as unknown as Record<string, BancadaApi | undefined>)[BRIDGE_KEY];
  if (bridge) {
    onState('open');
    return bridge;
  }
  const token = takeToken(window.location, window.sessionStorage, (url) => window.history.replaceState(null, '', url)) ?? '';
  return createWsClient({ url: socketUrl(window.location, token), connect: (url) => new WebSocket(url) as unknown as SocketLike, onState });
}
