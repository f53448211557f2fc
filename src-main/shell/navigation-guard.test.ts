import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { guardAllWebContents, installNavigationGuard, type GuardedContents } from './navigation-guard';
import { trustedOrigins, type TrustedOrigins } from './origins';

type WindowOpenHandler = Parameters<GuardedContents['setWindowOpenHandler']>[0];

/** A webContents stand-in: real event emitter, records the window-open handler. */
class FakeContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  /** Fires a navigation-style event the way Electron does: one details object with `url`. */
  attempt(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string): boolean {
    const details = { url, preventDefault: vi.fn() };
    this.emit(event, details);
    return details.preventDefault.mock.calls.length > 0;
  }
}

const prod = trustedOrigins({ packaged: true, devUrl: undefined });
const dev = trustedOrigins({ packaged: false, devUrl: 'http://localhost:5173' });

function guarded(origins: TrustedOrigins = prod) {
  const contents = new FakeContents();
  const openLink = vi.fn();
  const onRefused = vi.fn();
  installNavigationGuard(contents as unknown as GuardedContents, { origins, openLink, onRefused });
  return { contents, openLink, onRefused };
}

const EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const;
const HOSTILE = ['https://evil.example/', 'app://evil/', 'app://bancada.evil/', 'http://example.invalid/?next=app://bancada', 'file:///etc/passwd', 'http://localhost:5173/'];

describe('navigation guard', () => {
  describe.each(EVENTS)('%s', (event) => {
    it('lets the page move within app://bancada', () => {
      const { contents, onRefused } = guarded();
      expect(contents.attempt(event, 'app://bancada/')).toBe(false);
      expect(contents.attempt(event, 'app://bancada/returns')).toBe(false);
      expect(onRefused).not.toHaveBeenCalled();
    });

    it.each(HOSTILE)('stops a move to %s', (url) => {
      const { contents, onRefused } = guarded();
      expect(contents.attempt(event, url)).toBe(true);
      expect(onRefused).toHaveBeenCalledOnce();
    });

    it('allows the dev server only in a dev run', () => {
      expect(guarded(dev).contents.attempt(event, 'http://localhost:5173/pack')).toBe(false);
      expect(guarded(prod).contents.attempt(event, 'http://localhost:5173/pack')).toBe(true);
      expect(guarded(dev).contents.attempt(event, 'http://localhost:5174/')).toBe(true);
    });
  });

  it('denies every new window and hands the URL to the external-link gate', () => {
    const { contents, openLink } = guarded();
    for (const url of ['https://tracking.example/123', 'app://bancada/', 'file:///etc/passwd']) {
      expect(contents.windowOpenHandler?.({ url } as Parameters<WindowOpenHandler>[0])).toEqual({ action: 'deny' });
    }
    // safeOpenExternal (not this guard) decides which of these may open; the guard passes them on.
    expect(openLink.mock.calls.map(([url]) => url)).toEqual(['https://tracking.example/123', 'app://bancada/', 'file:///etc/passwd']);
  });

  it('blocks <webview>', () => {
    const { contents, onRefused } = guarded();
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, { nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(onRefused).toHaveBeenCalledWith('webview', 'https://evil.example/');
  });

  it('is installed on every webContents the app creates', () => {
    const app = new EventEmitter();
    guardAllWebContents(app as unknown as Parameters<typeof guardAllWebContents>[0], { origins: prod, openLink: vi.fn() });
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });
});
