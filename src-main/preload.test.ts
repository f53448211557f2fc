import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY, type BancadaApi } from '../src-shared/api/bridge';
import { EVENT_NAMES, METHOD_NAMES } from '../src-shared/api/names';

// The preload runs in Electron's sandbox; here `electron` is faked (reference/electron-style-security.md
// B6 #3) and whatever the preload exposes is captured.
const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const ipcRenderer = {
    invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: 'answer' })),
    on: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  // removeListener/on return `this` in Electron: the bridge must not pass that back to the page.
  ipcRenderer.on.mockImplementation(() => ipcRenderer);
  ipcRenderer.removeListener.mockImplementation(() => ipcRenderer);
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, value: unknown) => void exposed.set(key, value)) };
  return { exposed, ipcRenderer, contextBridge };
});
vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));

let api: BancadaApi;

beforeAll(async () => {
  await import('./preload');
  api = fake.exposed.get(BRIDGE_KEY) as BancadaApi;
});

beforeEach(() => {
  fake.ipcRenderer.invoke.mockClear();
  fake.ipcRenderer.on.mockClear();
  fake.ipcRenderer.removeListener.mockClear();
});

/** Every value reachable from `value` (own properties, through functions too). */
function reachable(value: unknown, seen = new Set<unknown>()): Set<unknown> {
  if ((typeof value !== 'object' || value === null) && typeof value !== 'function') return seen;
  if (seen.has(value)) return seen;
  seen.add(value);
  for (const key of Reflect.ownKeys(value as object)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) reachable(descriptor.value, seen);
  }
  return seen;
}

describe('preload bridge', () => {
  it('exposes one object, once, under the contract key', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect([...fake.exposed.keys()]).toEqual([BRIDGE_KEY]);
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
  });

  it('has exactly one call per contract method and one subscription per contract event', () => {
    expect(Object.keys(api.call).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(api.on).sort()).toEqual([...EVENT_NAMES].sort());
    for (const fn of [...Object.values(api.call), ...Object.values(api.on)]) expect(typeof fn).toBe('function');
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.call)).toBe(true);
    expect(Object.isFrozen(api.on)).toBe(true);
    expect(() => {
      (api.call as Record<string, unknown>)['station:info'] = () => 'hijacked';
    }).toThrow(TypeError);
  });

  it("invokes the method's own channel with the input only", async () => {
    await expect(api.call['auth:login-pin']({ operatorId: 'op-1', pin: '1111' })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('auth:login-pin', { operatorId: 'op-1', pin: '1111' });
  });

  it('hands listeners the payload only, never the IPC event (whose sender is ipcRenderer)', () => {
    const listener = vi.fn();
    api.on['session:changed'](listener);
    expect(fake.ipcRenderer.on).toHaveBeenCalledWith('session:changed', expect.any(Function));
    const wrapped = fake.ipcRenderer.on.mock.calls[0]?.[1] as (event: unknown, payload: unknown) => void;
    wrapped({ sender: fake.ipcRenderer, senderId: 0 }, null);
    expect(listener).toHaveBeenCalledExactlyOnceWith(null);
  });

  it('unsubscribes the very wrapper it subscribed, and returns nothing', () => {
    const unsubscribe = api.on['orders:changed'](vi.fn());
    const wrapped = fake.ipcRenderer.on.mock.calls[0]?.[1];
    expect(unsubscribe()).toBeUndefined();
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith('orders:changed', wrapped);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => api.on['sync:status'](undefined as never)).toThrow(TypeError);
    expect(fake.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('never lets ipcRenderer (or one of its functions) reach the page', async () => {
    const leaked = new Set(Object.values(fake.ipcRenderer) as unknown[]).add(fake.ipcRenderer);
    const found = [...reachable(api)].filter((value) => leaked.has(value));
    expect(found).toEqual([]);

    // …nor through anything a bridge function returns.
    const returned: unknown[] = [await api.call['station:info']({})];
    const unsubscribe = api.on['devices:status'](vi.fn());
    returned.push(unsubscribe, unsubscribe());
    for (const value of returned) expect([...reachable(value)].filter((v) => leaked.has(v))).toEqual([]);
  });

  it('exposes no generic channel access', () => {
    const names = [...reachable(api)].filter((v): v is object => typeof v === 'object' && v !== null).flatMap((o) => Object.keys(o));
    for (const forbidden of ['invoke', 'send', 'sendSync', 'ipcRenderer', 'process', 'require', 'removeListener']) expect(names).not.toContain(forbidden);
  });
});
