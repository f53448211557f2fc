/** Contract names of sync with the store platform. Composed into names.ts. */
export const SYNC_METHOD_NAMES = ['sync:status', 'sync:now', 'sync:problems', 'sync:retry', 'sync:discard', 'store:view', 'store:test', 'store:save', 'store:simulate'] as const;
export const SYNC_EVENT_NAMES = ['sync:status'] as const;
export type SyncMethodName = (typeof SYNC_METHOD_NAMES)[number];
export type SyncEventName = (typeof SYNC_EVENT_NAMES)[number];
