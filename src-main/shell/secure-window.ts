import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';

/** The parts of a BrowserWindow the factory touches. */
export type SecureWindow = Pick<ElectronBrowserWindow, 'once' | 'show' | 'loadURL'>;

/** `BrowserWindow` itself, or a fake class in tests. */
export type BrowserWindowClass<W extends SecureWindow> = new (options: BrowserWindowConstructorOptions) => W;

export interface SecureWindowOptions {
  /** Absolute path of out/preload/preload.cjs. */
  readonly preload: string;
  /** `app://bancada/`, or the exact dev server URL in development (see origins.ts). */
  readonly url: string;
  readonly title?: string;
  /** DevTools only in an unpackaged run: at a station they would let anyone drive the bridge by hand. */
  readonly devTools?: boolean;
  /** Told when the page fails to load (logged by the shell). */
  readonly onLoadFailed?: (error: unknown) => void;
}

/**
 * The one way a window is made (reference/electron-style-security.md B1 #2-#4, B8). The security
 * flags are written literally inside `new BrowserWindow({…})` with nothing spread after them, so a
 * caller can't switch one off and Electronegativity can read them (B5). The constructor is passed
 * in (named `BrowserWindow` on purpose, for that scanner) so tests can record the options.
 *
 * The window is big and plain: stations are read from a metre away and driven by scanner and
 * keyboard, so no menu bar (Alt still shows it).
 */
export function createSecureWindow<W extends SecureWindow>(BrowserWindow: BrowserWindowClass<W>, options: SecureWindowOptions): W {
  // AUXCLICK_JS_CHECK wants `disableBlinkFeatures: 'Auxclick'`, but Blink has no such feature, so
  // that option does nothing (electron/electron#10315). What stops a middle-click from opening a
  // window is the window-open handler that denies every new window (navigation-guard.ts, tested).
  const window = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK
    title: options.title ?? 'Bancada',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: true,
    show: false,
    webPreferences: {
      // PRELOAD_JS_CHECK asks for a review of every preload. Ours was reviewed: it exposes one
      // function per contract method and nothing else (no ipcRenderer, no generic channel), and
      // src-main/preload.test.ts pins that down.
      preload: options.preload, // eng-disable PRELOAD_JS_CHECK
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
      devTools: options.devTools ?? false,
    },
  });
  // Show once painted, so the station never flashes an empty frame.
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.url).catch((error: unknown) => options.onLoadFailed?.(error));
  return window;
}
