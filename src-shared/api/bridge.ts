import type { MethodInput, MethodOutput, EventPayload } from './contract';
import type { EventName, MethodName } from './names';
import type { Result } from './result';

/**
 * The client side of the contract: one async function per method and one subscribe function per
 * event. The preload exposes exactly this object on the page as `bancada` (BRIDGE_KEY); the station-server WebSocket
 * client implements the same type, so the renderer does not know which transport it runs on.
 */
export interface BancadaApi {
  readonly call: { readonly [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>> };
  readonly on: { readonly [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void };
}

/** The key under which the preload exposes the bridge in the renderer's main world. */
export const BRIDGE_KEY = 'bancada';
