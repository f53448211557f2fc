import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { trustedOrigins } from './origins';
import { installPermissionHandlers, isPermissionAllowed, PERMISSION_ALLOWLIST, type PermissionSession } from './permissions';

const origins = trustedOrigins({ packaged: true, devUrl: undefined });

type RequestHandler = Parameters<PermissionSession['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<PermissionSession['setPermissionCheckHandler']>[0];
type DeviceHandler = Parameters<PermissionSession['setDevicePermissionHandler']>[0];

class FakeSession extends EventEmitter {
  request: RequestHandler = null;
  check: CheckHandler = null;
  device: DeviceHandler = null;
  setPermissionRequestHandler(handler: RequestHandler): void {
    this.request = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler): void {
    this.check = handler;
  }
  setDevicePermissionHandler(handler: DeviceHandler): void {
    this.device = handler;
  }
}

function installed(): FakeSession {
  const session = new FakeSession();
  installPermissionHandlers(session as unknown as PermissionSession, origins);
  return session;
}

const ASKED = ['hid', 'serial', 'usb', 'media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal', 'midiSysex', 'unknown'] as const;

describe('permission handlers', () => {
  it('grants nothing today: the allowlist has no true entry', () => {
    expect(Object.values(PERMISSION_ALLOWLIST).filter(Boolean)).toEqual([]);
  });

  it.each(ASKED)('the request handler denies %s, even to our own page', (permission) => {
    const session = installed();
    const callback = vi.fn();
    session.request?.({} as never, permission, callback, { requestingUrl: 'app://bancada/', isMainFrame: true } as never);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it.each(ASKED)('the check handler denies %s', (permission) => {
    const session = installed();
    expect(session.check?.(null, permission, 'app://bancada', {} as never)).toBe(false);
  });

  it('the device handler denies every HID, serial and USB device', () => {
    const session = installed();
    for (const deviceType of ['hid', 'serial', 'usb'] as const) {
      expect(session.device?.({ deviceType, origin: 'app://bancada', device: {} } as never)).toBe(false);
    }
  });

  it('refuses downloads the page starts', () => {
    const session = installed();
    const preventDefault = vi.fn();
    session.emit('will-download', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalledOnce();
  });

  it('would grant an allowlisted permission to our origin only', () => {
    const allowlist = { ...PERMISSION_ALLOWLIST, media: true };
    expect(isPermissionAllowed('media', 'app://bancada/', origins, allowlist)).toBe(true);
    expect(isPermissionAllowed('media', 'app://bancada', origins, allowlist)).toBe(true);
    expect(isPermissionAllowed('media', 'app://bancada.evil/', origins, allowlist)).toBe(false);
    expect(isPermissionAllowed('media', 'https://evil.example/', origins, allowlist)).toBe(false);
    expect(isPermissionAllowed('hid', 'app://bancada/', origins, allowlist)).toBe(false);
    expect(isPermissionAllowed('toString', 'app://bancada/', origins, allowlist)).toBe(false);
  });
});
