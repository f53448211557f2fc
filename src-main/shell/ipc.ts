import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { METHOD_NAMES, type EventName, type Result } from '../../src-shared/api';
import type { Dispatch } from '../api/dispatch';
import { isTrustedUrl, type TrustedOrigins } from './origins';

/** What registration needs from `ipcMain`; the real one satisfies it, tests pass a fake. */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** The parts of an invoke event the sender check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & { readonly sender: Pick<WebContents, 'mainFrame'> };

/**
 * Who may call (reference/electron-style-security.md B2, after VS Code's `validatedIpcMain`, but
 * failing closed where VS Code lets a missing URL through): the frame must still exist
 * (`senderFrame` is null once it navigated or was destroyed), must be the top frame of its
 * webContents, and must be showing `app://bancada/…` or, in development, the exact dev server.
 */
export function isTrustedSender(event: SenderEvent, origins: TrustedOrigins): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame) return false;
    if (frame !== event.sender.mainFrame || frame.parent !== null) return false;
    return isTrustedUrl(frame.url, origins);
  } catch {
    // A destroyed frame throws on property access: that is a refusal, not a crash.
    return false;
  }
}

/**
 * What a refused sender gets. A resolved envelope rather than a rejection: the renderer client
 * handles `{ ok: false }` on every call already, and a rejection would carry only an Electron
 * message ("Error invoking remote method…") that the UI cannot translate.
 */
export const FORBIDDEN_SENDER: Result<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'auth.forbidden', message: 'caller is not the Bancada window' }),
});

export interface ContractIpcDeps {
  readonly ipcMain: IpcMainLike;
  readonly dispatch: Dispatch;
  readonly origins: TrustedOrigins;
  /** Told about each refused call, for the log. */
  readonly onRefused?: (method: string, url: string | null) => void;
}

/**
 * Registers one `ipcMain.handle` per contract method, all behind the same wrapper: sender check
 * first, then the station's `dispatch`, which parses the input strictly and returns the
 * `{ ok, value | error }` envelope (DESIGN.md "Process model"). Only the input argument is
 * forwarded; anything else the page sends is dropped. Returns the function that removes them.
 */
export function registerContractHandlers(deps: ContractIpcDeps): () => void {
  for (const method of METHOD_NAMES) {
    deps.ipcMain.handle(method, (event, input: unknown) => {
      if (!isTrustedSender(event, deps.origins)) {
        deps.onRefused?.(method, frameUrl(event));
        return Promise.resolve(FORBIDDEN_SENDER);
      }
      return deps.dispatch(method, input);
    });
  }
  return () => {
    for (const method of METHOD_NAMES) deps.ipcMain.removeHandler(method);
  };
}

function frameUrl(event: SenderEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

/** A window events may be pushed to. */
export type EventWindow = Pick<WebContents, 'isDestroyed' | 'getURL' | 'send'>;

/** The station's event bus, as far as fan-out needs it. */
export interface EventSource {
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}

/**
 * Pushes every contract event to the live windows with `webContents.send(name, payload)`; the
 * preload re-emits the payload only. A window that is not showing our origin gets nothing (events
 * carry the operator's session). Returns the unsubscribe function.
 */
export function forwardEvents(events: EventSource, targets: () => readonly EventWindow[], origins: TrustedOrigins): () => void {
  return events.subscribe((name, payload) => {
    for (const contents of targets()) {
      if (contents.isDestroyed() || !isTrustedUrl(contents.getURL(), origins)) continue;
      contents.send(name, payload);
    }
  });
}
