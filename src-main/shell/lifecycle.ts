import type { App } from 'electron';

/** Longest a quit waits for the station to close (finish the SQLite write, flush the log). */
export const CLOSE_TIMEOUT_MS = 5_000;

/**
 * Holds the quit until `close` has finished, so an acknowledged scan is committed and the database
 * closed cleanly before the process exits; a close that hangs is given up after CLOSE_TIMEOUT_MS
 * rather than leaving a station that can't be quit.
 */
export function closeBeforeQuit(app: Pick<App, 'on' | 'quit'>, close: () => Promise<void>, onError: (error: unknown) => void = () => undefined): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`station did not close within ${CLOSE_TIMEOUT_MS} ms`)), CLOSE_TIMEOUT_MS);
    });
    Promise.race([close(), timeout])
      .catch(onError)
      .finally(() => {
        clearTimeout(timer);
        state = 'closed';
        app.quit();
      });
  });
}
