/**
 * The Electron shell. It only wires things together: the logic lives in src-main/shell/* (each
 * piece takes Electron objects as arguments and is unit-tested with fakes) and the station itself
 * in station.ts, which knows nothing about Electron (reference/electron-style-security.md A6 #2).
 */
import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { createStation, type Station } from './station';
import { createAppProtocolHandler } from './shell/app-protocol';
import { openWithSystemBrowser, safeOpenExternal } from './shell/external-links';
import { forwardEvents, registerContractHandlers } from './shell/ipc';
import { closeBeforeQuit } from './shell/lifecycle';
import { guardAllWebContents } from './shell/navigation-guard';
import { APP_SCHEME, startUrl, trustedOrigins } from './shell/origins';
import { installPermissionHandlers } from './shell/permissions';
import { createSecureWindow } from './shell/secure-window';
import { safeStorageCipher } from './shell/safe-storage-cipher';
import { electronPrinterTransports } from './shell/webcontents-print';
import { EnvOverride, FileSecretStore } from './sync/secrets/file-secret-store';

// Found from this file (out/main/index.js), as the CLI does, so `electron .` and
// `electron out/main/index.js` (Playwright) agree, and so does a packaged app.asar.
const PRELOAD = join(__dirname, '../preload/preload.cjs');
const RENDERER_DIR = join(__dirname, '../renderer');
const RESOURCES_DIR = join(__dirname, '../../resources');

// Must happen before `ready`: `standard` gives app:// real origins and relative URLs, `secure`
// makes it a secure context. No `bypassCSP` (reference B1 #18).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
// Every renderer sandboxed, whatever a future window's options say (electron docs/tutorial/sandbox.md).
app.enableSandbox();

// BANCADA_DATA_DIR moves the whole profile (station database and Chromium's own files), the same
// variable station server mode honours (src-main/cli/data-dir.ts); tests use it for a temp dir.
if (process.env.BANCADA_DATA_DIR) app.setPath('userData', resolve(process.env.BANCADA_DATA_DIR));

const origins = trustedOrigins({ packaged: app.isPackaged, devUrl: process.env.ELECTRON_RENDERER_URL });
if (process.env.ELECTRON_RENDERER_URL && !origins.dev) console.warn('bancada: ignoring ELECTRON_RENDERER_URL (packaged, or not http on loopback); loading app://bancada/');
let mainWindow: BrowserWindow | null = null;

// The lock is per user-data folder (set above), so two stations with their own folders may run.
if (!app.requestSingleInstanceLock()) {
  // One station, one database writer: a second launch focuses the first window and leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // A station app quits with its window on every platform (no macOS dock-only state).
  app.on('window-all-closed', () => app.quit());
  guardAllWebContents(app, {
    origins,
    openLink: (url) => void safeOpenExternal(url, openWithSystemBrowser).catch((error: unknown) => console.warn('bancada: opening a link failed', error)),
    onRefused: (what, url) => console.warn(`bancada: refused ${what} to ${url.slice(0, 200)}`),
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  installPermissionHandlers(session.defaultSession, origins);
  const station: Station = await createStation({
    dataDir: app.getPath('userData'),
    resourcesDir: RESOURCES_DIR,
    version: app.getVersion(),
    logToConsole: !app.isPackaged,
    // The store's credentials encrypted by the OS keyring; never the station server's plain 0600 file.
    sync: { secrets: new EnvOverride(new FileSecretStore(join(app.getPath('userData'), 'secrets.os.json'), safeStorageCipher(safeStorage))) },
    // Document printers by name through Chromium's own printing (electron://PRINTER), as only the app can.
    devices: { extraTransports: electronPrinterTransports(BrowserWindow) },
  });
  closeBeforeQuit(app, () => station.close(), (error) => console.error('bancada: closing the station failed', error));
  const log = station.logger;

  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ rendererDir: RENDERER_DIR, onError: (error, pathname) => log.error('app:// read failed', { pathname, error }) }),
  );
  registerContractHandlers({
    ipcMain,
    dispatch: station.dispatch,
    origins,
    onRefused: (method, url) => log.error('ipc call refused: untrusted sender', { method, url }),
  });
  forwardEvents(station.events, () => BrowserWindow.getAllWindows().map((window) => window.webContents), origins);

  mainWindow = createSecureWindow(BrowserWindow, {
    preload: PRELOAD,
    url: startUrl(origins, process.env.ELECTRON_RENDERER_URL),
    devTools: !app.isPackaged,
    onLoadFailed: (error) => log.error('the window failed to load', { error }),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** Startup failed (e.g. a database from a newer version): say so in a dialog, then quit. */
function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error('bancada: startup failed', error);
  dialog.showErrorBox('Bancada could not start', `${message}\n\nData folder: ${app.getPath('userData')}`);
  app.exit(1);
}
