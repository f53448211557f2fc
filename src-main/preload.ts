/**
 * The preload: the whole bridge between the page and the main process. It runs sandboxed, so it is
 * one self-contained CommonJS file (electron.vite.config.ts) that imports `electron` and the
 * contract's name lists only; `bridge.ts` is imported for BRIDGE_KEY and a type, and holds no
 * schema, so zod stays out (test/integration/renderer-bundle.test.ts checks the built file).
 *
 * The page gets `window.bancada = { call, on }`: one function per contract method and one
 * subscribe function per event, never `invoke(channel)` or `on(channel)` for an arbitrary channel,
 * never ipcRenderer itself, and listeners receive the payload only, because the IPC event's
 * `sender` is ipcRenderer (electron/electron docs/tutorial/ipc.md; reference/electron-style-security.md
 * A6 #4, B1 #20). Main checks who calls and parses every input (src-main/shell/ipc.ts).
 *
 * Do not add getters or other side-effecting properties: contextBridge copies the object once.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, type BancadaApi } from '../src-shared/api/bridge';
import { EVENT_NAMES, METHOD_NAMES, type EventName, type MethodName } from '../src-shared/api/names';

type Call = BancadaApi['call'];
type On = BancadaApi['on'];

// The casts are where a generic name meets the per-name types (TypeScript can't correlate
// `Call[M]` inside a generic body); `satisfies BancadaApi` below checks the assembled object.
function method<M extends MethodName>(name: M): Call[M] {
  // The channel is a constant per function; main drops every argument but `input`.
  return ((input: unknown) => ipcRenderer.invoke(name, input)) as Call[M];
}

function subscription<E extends EventName>(name: E): On[E] {
  return ((listener: (payload: unknown) => void) => {
    if (typeof listener !== 'function') throw new TypeError(`bancada.on['${name}'] needs a function`);
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(name, wrapped);
    // Returns nothing from removeListener: it would hand the page ipcRenderer (`this`).
    return () => {
      ipcRenderer.removeListener(name, wrapped);
    };
  }) as On[E];
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const key of Reflect.ownKeys(value)) {
    const child: unknown = (value as Record<PropertyKey, unknown>)[key];
    if ((typeof child === 'object' && child !== null) || typeof child === 'function') deepFreeze(child);
  }
  return Object.freeze(value);
}

const call = Object.fromEntries(METHOD_NAMES.map((name) => [name, method(name)])) as { [M in MethodName]: Call[M] };
const on = Object.fromEntries(EVENT_NAMES.map((name) => [name, subscription(name)])) as { [E in EventName]: On[E] };

const api = deepFreeze({ call, on } satisfies BancadaApi);

contextBridge.exposeInMainWorld(BRIDGE_KEY, api);
