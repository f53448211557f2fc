import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, type EventName } from '../../src-shared/api';
import { EventBus } from '../api/event-bus';
import { FORBIDDEN_SENDER, forwardEvents, isTrustedSender, registerContractHandlers, type EventWindow, type IpcMainLike, type SenderEvent } from './ipc';
import { trustedOrigins } from './origins';

const prod = trustedOrigins({ packaged: true, devUrl: undefined });
const dev = trustedOrigins({ packaged: false, devUrl: 'http://localhost:5173' });

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** An invoke event from the top frame of a window showing `url`. */
function fromTopFrame(url: string): SenderEvent {
  const frame: FakeFrame = { url, parent: null };
  return { senderFrame: frame, sender: { mainFrame: frame } } as unknown as SenderEvent;
}

function fromIframe(url: string): SenderEvent {
  const top: FakeFrame = { url: 'app://bancada/', parent: null };
  const child: FakeFrame = { url, parent: top };
  return { senderFrame: child, sender: { mainFrame: top } } as unknown as SenderEvent;
}

describe('isTrustedSender', () => {
  it('accepts the top frame of our own page', () => {
    expect(isTrustedSender(fromTopFrame('app://bancada/'), prod)).toBe(true);
    expect(isTrustedSender(fromTopFrame('app://bancada/pack'), prod)).toBe(true);
  });

  it('refuses when the frame is gone (senderFrame null): fails closed', () => {
    expect(isTrustedSender({ senderFrame: null, sender: { mainFrame: null } } as unknown as SenderEvent, prod)).toBe(false);
  });

  it('refuses an iframe, even one showing our URL', () => {
    expect(isTrustedSender(fromIframe('app://bancada/'), prod)).toBe(false);
  });

  it('refuses a frame that claims to be top but is not the main frame of its window', () => {
    const frame: FakeFrame = { url: 'app://bancada/', parent: null };
    expect(isTrustedSender({ senderFrame: frame, sender: { mainFrame: { url: 'app://bancada/', parent: null } } } as unknown as SenderEvent, prod)).toBe(false);
  });

  it.each(['https://evil.example/', 'app://evil/', 'app://bancada.evil/', 'http://example.invalid/?next=app://bancada', 'file:///etc/passwd', 'about:blank'])(
    'refuses a top frame showing %s',
    (url) => {
      expect(isTrustedSender(fromTopFrame(url), prod)).toBe(false);
      expect(isTrustedSender(fromTopFrame(url), dev)).toBe(false);
    },
  );

  it('accepts the dev server only in a dev run', () => {
    expect(isTrustedSender(fromTopFrame('http://localhost:5173/'), dev)).toBe(true);
    expect(isTrustedSender(fromTopFrame('http://localhost:5173/'), prod)).toBe(false);
  });

  it('refuses when reading the frame throws (a destroyed frame)', () => {
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      sender: { mainFrame: null },
    };
    expect(isTrustedSender(event as unknown as SenderEvent, prod)).toBe(false);
  });
});

type Listener = (event: SenderEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  return { ipcMain: ipcMain as unknown as IpcMainLike, handlers };
}

describe('registerContractHandlers', () => {
  it('registers exactly one handler per contract method', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const remove = registerContractHandlers({ ipcMain, dispatch: vi.fn(), origins: prod });
    expect([...handlers.keys()].sort()).toEqual([...METHOD_NAMES].sort());
    remove();
    expect(handlers.size).toBe(0);
  });

  it('passes a trusted call to dispatch with its method name and the input only', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const dispatch = vi.fn().mockResolvedValue({ ok: true, value: 'pong' });
    registerContractHandlers({ ipcMain, dispatch, origins: prod });
    const result = await handlers.get('auth:login-pin')?.(fromTopFrame('app://bancada/'), { operatorId: 'op-1', pin: '1111' }, 'extra', 'args');
    expect(result).toEqual({ ok: true, value: 'pong' });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('auth:login-pin', { operatorId: 'op-1', pin: '1111' });
  });

  it('answers an untrusted sender with auth.forbidden and never reaches dispatch', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const dispatch = vi.fn();
    const onRefused = vi.fn();
    registerContractHandlers({ ipcMain, dispatch, origins: prod, onRefused });
    for (const event of [fromTopFrame('https://evil.example/'), fromIframe('app://bancada/'), { senderFrame: null, sender: { mainFrame: null } } as unknown as SenderEvent]) {
      const result = await handlers.get('operators:list')?.(event, {});
      expect(result).toEqual({ ok: false, error: { code: 'auth.forbidden', message: expect.any(String) } });
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledTimes(3);
    expect(onRefused).toHaveBeenCalledWith('operators:list', 'https://evil.example/');
    expect(FORBIDDEN_SENDER.ok).toBe(false);
  });
});

function fakeWindow(url: string, destroyed = false) {
  const sent: Array<[string, unknown]> = [];
  const window = { isDestroyed: () => destroyed, getURL: () => url, send: (name: string, payload: unknown) => void sent.push([name, payload]) };
  return { window: window as unknown as EventWindow, sent };
}

describe('forwardEvents', () => {
  it('sends each event to live windows showing our page, as (name, payload)', () => {
    const bus = new EventBus();
    const ours = fakeWindow('app://bancada/');
    const gone = fakeWindow('app://bancada/', true);
    const foreign = fakeWindow('https://evil.example/');
    const stop = forwardEvents(bus, () => [ours.window, gone.window, foreign.window], prod);

    bus.emit('orders:changed', { reason: 'pulled' });
    expect(ours.sent).toEqual([['orders:changed', { reason: 'pulled' }]]);
    expect(gone.sent).toEqual([]);
    expect(foreign.sent).toEqual([]);

    stop();
    bus.emit('session:changed' satisfies EventName, null);
    expect(ours.sent).toHaveLength(1);
  });
});
