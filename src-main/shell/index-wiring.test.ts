import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../src-shared/api/names';

// src-main/index.ts only wires; this checks the wiring against a faked `electron` (the binary is
// not available here, reference/electron-style-security.md B7) and a faked station. The pieces
// themselves are tested in their own files.

const fakes = vi.hoisted(() => {
  const state = {
    lock: true,
    packaged: true,
    ready: Promise.resolve(),
    order: [] as string[],
    windows: [] as Array<Record<string, unknown> & { options: Record<string, unknown> }>,
    handlers: new Map<string, unknown>(),
    station: null as null | { dispatch: ReturnType<typeof vi.fn>; events: { subscribe: ReturnType<typeof vi.fn> }; close: ReturnType<typeof vi.fn>; logger: { error: ReturnType<typeof vi.fn> } },
    createStation: vi.fn(),
  };
  return state;
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), {
    requestSingleInstanceLock: vi.fn(() => fakes.lock),
    enableSandbox: vi.fn(() => void fakes.order.push('enableSandbox')),
    setPath: vi.fn(),
    getPath: vi.fn((name: string) => `/data/${name}`),
    getVersion: () => '0.1.0',
    whenReady: vi.fn(() => {
      fakes.order.push('whenReady');
      return fakes.ready;
    }),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  // A getter (Object.assign would copy its value once), so each test can choose.
  Object.defineProperty(app, 'isPackaged', { get: () => fakes.packaged });
  class BrowserWindow extends Emitter {
    static getAllWindows = () => fakes.windows;
    readonly webContents = { isDestroyed: () => false, getURL: () => 'app://bancada/', send: vi.fn() };
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      fakes.order.push('new BrowserWindow');
      fakes.windows.push(this as never);
    }
  }
  const session = Object.assign(new Emitter(), { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() });
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: {
      handle: vi.fn((name: string, fn: unknown) => {
        fakes.order.push('ipcMain.handle');
        fakes.handlers.set(name, fn);
      }),
      removeHandler: vi.fn(),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => void fakes.order.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => void fakes.order.push('protocol.handle')),
    },
    session: { defaultSession: session },
    safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'gnome_libsecret', encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString() },
    shell: { openExternal: vi.fn() },
  };
});

vi.mock('../station', () => ({ createStation: fakes.createStation }));

async function boot(): Promise<typeof Electron> {
  await import('../index');
  const electron = await import('electron');
  await vi.waitFor(() => expect(fakes.windows.length + vi.mocked(electron.app.exit).mock.calls.length + vi.mocked(electron.app.quit).mock.calls.length).toBeGreaterThan(0));
  return electron;
}

beforeEach(async () => {
  vi.resetModules();
  // The faked electron module outlives resetModules: drop the listeners the last boot installed.
  const electron = await import('electron');
  electron.app.removeAllListeners();
  (electron.session.defaultSession as unknown as EventEmitter).removeAllListeners();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  fakes.lock = true;
  fakes.packaged = true;
  fakes.ready = Promise.resolve();
  fakes.order = [];
  fakes.windows = [];
  fakes.handlers = new Map();
  fakes.station = { dispatch: vi.fn(), events: { subscribe: vi.fn(() => () => undefined) }, close: vi.fn(() => Promise.resolve()), logger: { error: vi.fn() } };
  fakes.createStation.mockReset();
  fakes.createStation.mockImplementation(() => Promise.resolve(fakes.station));
  vi.stubEnv('BANCADA_DATA_DIR', '');
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

describe('the Electron shell wiring (src-main/index.ts)', () => {
  it('registers app:// as standard + secure before the app is ready, and sandboxes every renderer', async () => {
    const { protocol } = await boot();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(fakes.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fakes.order.indexOf('whenReady'));
    expect(fakes.order).toContain('enableSandbox');
  });

  it('opens the station in the user-data folder and serves, registers and shows in that order', async () => {
    const { ipcMain, session } = await boot();
    expect(fakes.createStation).toHaveBeenCalledWith(expect.objectContaining({ dataDir: '/data/userData', version: '0.1.0' }));
    // The store's credentials go to the OS keyring-backed store, not the station server's plain file.
    expect((fakes.createStation.mock.calls[0]![0] as { sync: { secrets: { kind: string } } }).sync.secrets.kind).toBe('os');
    // …and document printers reachable by name through webContents.print.
    expect(Object.keys((fakes.createStation.mock.calls[0]![0] as { devices: { extraTransports: Record<string, unknown> } }).devices.extraTransports)).toEqual(['electron']);
    // The page must find its protocol and its IPC handlers in place when the window loads it.
    const order = fakes.order.filter((step) => ['protocol.handle', 'ipcMain.handle', 'new BrowserWindow'].includes(step));
    expect([order[0], order.at(-1), order.lastIndexOf('ipcMain.handle') < order.indexOf('new BrowserWindow')]).toEqual(['protocol.handle', 'new BrowserWindow', true]);
    expect([...fakes.handlers.keys()].sort()).toEqual([...METHOD_NAMES].sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(METHOD_NAMES.length);
    expect(fakes.station?.events.subscribe).toHaveBeenCalledOnce();
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.defaultSession.setDevicePermissionHandler).toHaveBeenCalledOnce();

    expect(fakes.windows).toHaveLength(1);
    const window = fakes.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/[/\\]preload[/\\]preload\.cjs$/);
    expect(window.loadURL).toHaveBeenCalledWith('app://bancada/');
  });

  it('guards every webContents the app creates', async () => {
    const { app } = await boot();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('closes the station before the process quits', async () => {
    const { app } = await boot();
    const event = { preventDefault: vi.fn() };
    app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fakes.station?.close).toHaveBeenCalledOnce());
  });

  it('leaves at once when another instance already runs the station', async () => {
    fakes.lock = false;
    const { app } = await boot();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(fakes.createStation).not.toHaveBeenCalled();
  });

  it('moves the whole profile when BANCADA_DATA_DIR is set', async () => {
    vi.stubEnv('BANCADA_DATA_DIR', '/tmp/bancada-test-station');
    const { app } = await boot();
    expect(app.setPath).toHaveBeenCalledWith('userData', '/tmp/bancada-test-station');
  });

  it('loads the dev server only in an unpackaged run, and only a loopback one', async () => {
    fakes.packaged = false;
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    await boot();
    expect(fakes.windows[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    expect((fakes.windows[0]?.options.webPreferences as { devTools: boolean }).devTools).toBe(true);

    vi.resetModules();
    fakes.windows = [];
    fakes.packaged = true;
    await boot();
    expect(fakes.windows[0]?.loadURL).toHaveBeenCalledWith('app://bancada/');
  });

  it('says why and exits when the station cannot start', async () => {
    fakes.createStation.mockImplementation(() => Promise.reject(new Error('The database was written by a newer Bancada')));
    const { app, dialog } = await boot();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Bancada could not start', expect.stringContaining('newer Bancada'));
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(fakes.windows).toHaveLength(0);
  });
});
