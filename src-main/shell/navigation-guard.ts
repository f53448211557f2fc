import type { App, WebContents } from 'electron';
import { isTrustedUrl, type TrustedOrigins } from './origins';

/** What the guard needs from a `webContents`; the real one satisfies it, tests pass a fake. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export interface NavigationGuardDeps {
  readonly origins: TrustedOrigins;
  /** Hands an http(s) link the page tried to open in a new window to the system browser. */
  readonly openLink: (url: unknown) => void;
  /** Told about every refusal, for the log (never throws). */
  readonly onRefused?: (what: 'navigate' | 'frame-navigate' | 'redirect' | 'window-open' | 'webview', url: string) => void;
}

/**
 * Installed on every webContents from `app.on('web-contents-created')`: the page can't leave
 * our origin, can't open windows and can't host a <webview> (reference/electron-style-security.md
 * B1 #11-#14; Actual's `security.ts`). Deny by default: a URL is allowed only when `isTrustedUrl`
 * says it is exactly ours.
 */
export function installNavigationGuard(contents: GuardedContents, deps: NavigationGuardDeps): void {
  const refused = deps.onRefused ?? (() => undefined);

  contents.on('will-navigate', (event) => {
    if (isTrustedUrl(event.url, deps.origins)) return;
    event.preventDefault();
    refused('navigate', event.url);
  });

  // Also fires for subframes (the CSP allows none); the same rule applies to them.
  contents.on('will-frame-navigate', (event) => {
    if (isTrustedUrl(event.url, deps.origins)) return;
    event.preventDefault();
    refused('frame-navigate', event.url);
  });

  // A server-side redirect (only possible in development, where the page comes from http).
  contents.on('will-redirect', (event) => {
    if (isTrustedUrl(event.url, deps.origins)) return;
    event.preventDefault();
    refused('redirect', event.url);
  });

  // The station has one window. A link with target=_blank (a carrier's tracking page, help)
  // goes to the system browser through safeOpenExternal, which refuses anything but http(s).
  contents.setWindowOpenHandler(({ url }) => {
    deps.openLink(url);
    refused('window-open', url);
    return { action: 'deny' };
  });

  // webviewTag is off in every window we create; this also stops a webview a future window
  // might enable by mistake (electron/electron docs/tutorial/security.md #12).
  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    refused('webview', String(params.src ?? ''));
  });
}

/**
 * Installs the guard on every webContents the app ever creates (windows, and anything a future
 * feature adds), so no path skips it (reference/electron-style-security.md B8).
 */
export function guardAllWebContents(app: Pick<App, 'on'>, deps: NavigationGuardDeps): void {
  app.on('web-contents-created', (_event, contents) => installNavigationGuard(contents, deps));
}
