import type { Handlers } from '../api/handlers';
import type { Database } from '../db/database';
import { countPendingOutbox } from '../db/repos/outbox';

/**
 * Device and sync health for the status bar. The device registry and the sync relay arrive with
 * their own issues; until then the answers are honest: no devices registered, and the outbox count
 * read from SQLite.
 */
export function statusHandlers(deps: { readonly db: Database; readonly demo: boolean }): Pick<Handlers, 'devices:status' | 'sync:status'> {
  return {
    'devices:status': async () => [],
    'sync:status': async () => ({
      platform: deps.demo ? 'demo' : 'none',
      state: 'idle',
      pending: await countPendingOutbox(deps.db),
      lastSuccessAt: null,
    }),
  };
}
