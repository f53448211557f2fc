import type { Session } from 'electron';
import { isTrustedUrl, type TrustedOrigins } from './origins';

/**
 * Web permissions the page may have. Deny by default, after Signal's `app/permissions.std.ts`
 * (reference/electron-style-security.md B1 #5). Every entry says why; `true` is granted only to
 * our own origin. Nothing is granted today:
 */
export const PERMISSION_ALLOWLIST: Readonly<Record<string, boolean>> = {
  // Scanners, scales and printers belong to the main process (node-hid, serialport, CUPS); the
  // page never talks to a device itself, so WebHID / WebSerial / WebUSB stay off and the
  // `select-hid-device` / `select-serial-port` events are deliberately not handled.
  hid: false,
  serial: false,
  usb: false,
  // Kiosk fullscreen is a window setting chosen in main, not something the page asks for.
  fullscreen: false,
  // Return photos, when they come, need `media` (camera) for the app origin only: flip it here
  // with that reason, and nothing else.
  media: false,
  // Labels and documents print through main; notifications and clipboard reads have no use at a bench.
  notifications: false,
  'clipboard-read': false,
};

/** Session methods the installer uses; the real `session.defaultSession` satisfies it. */
export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'>;

/** Pure decision, shared by the request and the check handler. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: unknown,
  origins: TrustedOrigins,
  allowlist: Readonly<Record<string, boolean>> = PERMISSION_ALLOWLIST,
): boolean {
  return Object.hasOwn(allowlist, permission) && allowlist[permission] === true && isTrustedUrl(requestingUrl, origins);
}

/**
 * Installs the three permission handlers (request, check, device) and refuses downloads the page
 * starts: documents are saved by main through a save dialog (reference B2 "What may be sent").
 */
export function installPermissionHandlers(session: PermissionSession, origins: TrustedOrigins): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, origins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, origins));
  // Device access (HID, serial, USB) is never granted to a page (https://electronjs.org/docs/latest/tutorial/devices).
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
