import { readFileSync } from 'node:fs';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createSecureWindow, type SecureWindow } from './secure-window';

/** Records what the factory asks of a BrowserWindow. */
class FakeBrowserWindow {
  static created: FakeBrowserWindow[] = [];
  readonly once = vi.fn();
  readonly show = vi.fn();
  readonly loadURL = vi.fn(() => Promise.resolve());
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeBrowserWindow.created.push(this);
  }
}

function make(extra: { devTools?: boolean } = {}): FakeBrowserWindow {
  return createSecureWindow(FakeBrowserWindow as unknown as new (o: BrowserWindowConstructorOptions) => SecureWindow & FakeBrowserWindow, {
    preload: '/app/out/preload/preload.cjs',
    url: 'app://bancada/',
    ...extra,
  });
}

describe('createSecureWindow', () => {
  it('builds the window with exactly these options (security flags written literally)', () => {
    expect(make().options).toEqual({
      title: 'Bancada',
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 640,
      backgroundColor: '#f5f6f8',
      autoHideMenuBar: true,
      show: false,
      webPreferences: {
        preload: '/app/out/preload/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        devTools: false,
      },
    });
  });

  it('turns DevTools on only when asked (unpackaged runs)', () => {
    expect(make({ devTools: true }).options.webPreferences?.devTools).toBe(true);
  });

  it('loads the given URL and shows the window once painted', () => {
    const window = make();
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://bancada/');
    expect(window.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
    (window.once.mock.calls[0]?.[1] as () => void)();
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('reports a failed load instead of leaving an unhandled rejection', async () => {
    const onLoadFailed = vi.fn();
    class Failing extends FakeBrowserWindow {
      override readonly loadURL = vi.fn(() => Promise.reject(new Error('ERR_FILE_NOT_FOUND')));
    }
    createSecureWindow(Failing as unknown as new (o: BrowserWindowConstructorOptions) => SecureWindow, { preload: '/p.cjs', url: 'app://bancada/', onLoadFailed });
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledWith(expect.objectContaining({ message: 'ERR_FILE_NOT_FOUND' })));
  });

  it('spreads nothing into webPreferences, so no caller can override a flag', () => {
    // Electronegativity and reviewers read the literal object (reference/electron-style-security.md B5, B8).
    const source = readFileSync(new URL('./secure-window.ts', import.meta.url), 'utf8');
    const block = /webPreferences: \{([\s\S]*?)\n {4}\},/.exec(source)?.[1];
    expect(block).toBeDefined();
    expect(block).not.toContain('...');
    for (const flag of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true', 'webviewTag: false']) expect(block).toContain(flag);
  });
});
