/**
 * Where the store's credentials live: never in SQLite, never in logs, never in the renderer
 * (DESIGN.md "Sync"). In the Electron app an OS-encrypted file (safeStorage: Keychain, DPAPI,
 * libsecret/kwallet — its plain-text fallback refused); in station server mode a 0600 file; and
 * an environment variable, read-only, overriding both (containers, kiosks, CI).
 */
export type SecretStoreKind = 'os' | 'file' | 'env';

export interface SecretStore {
  readonly kind: SecretStoreKind;
  get(name: string): Promise<string | null>;
  /** Refuses with a `sync.secret-store-unavailable` AppError when the store cannot keep a secret safely. */
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/** The one secret the station keeps today: the configured store's credentials (JSON). */
export const STORE_SECRET = 'store.credentials';
