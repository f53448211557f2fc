import { shell } from 'electron';

/** Opens a URL in the operating system's browser; injected so tests never launch one. */
export type OpenExternal = (url: string) => Promise<void>;

const EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/**
 * The only way a URL leaves the app for the system browser (reference/electron-style-security.md
 * B1 #15, after Beekeeper Studio's `safeOpenExternal` and Actual's `external-links.ts`). Takes
 * `unknown` because the URL comes from the page; parses it with `new URL` and allows http(s) only,
 * so `file:`, `smb:`, `javascript:` or an OS-registered handler (`ms-settings:`…) never runs.
 * Returns whether the URL was handed over.
 */
export async function safeOpenExternal(value: unknown, open: OpenExternal): Promise<boolean> {
  if (typeof value !== 'string' || value.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol) || url.username !== '' || url.password !== '') return false;
  await open(url.href);
  return true;
}

/**
 * The real opener, passed to `safeOpenExternal` by the shell. This is the single audited call site
 * of `shell.openExternal`: it is only ever reached through `safeOpenExternal`, which has already
 * parsed the URL and refused anything but http(s).
 */
export const openWithSystemBrowser: OpenExternal = (url) =>
  // eslint-disable-next-line no-restricted-syntax -- the one audited call site, see the comment above.
  shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
