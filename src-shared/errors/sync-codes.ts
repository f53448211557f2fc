/**
 * Error codes of sync with the store platform (`sync.*`). Composed into ERROR_CODES; each needs its
 * translations. Adapters classify every failure into one of these, so the Sync screen can say what
 * happened in the packer's language whatever the platform.
 */
export const SYNC_ERROR_CODES = [
  /** No network, DNS failure, connection refused or reset, timeout. Retryable. */
  'sync.network',
  /** The platform said slow down (HTTP 429, GraphQL THROTTLED). Retryable after its wait. */
  'sync.throttled',
  /** The platform failed (HTTP 5xx). Retryable. */
  'sync.server-error',
  /** The credentials were refused (401/403). Needs a person: fix the connection settings. */
  'sync.auth-failed',
  /** The credentials lack a permission (Shopify access scope, Medusa role). Needs a person. */
  'sync.permission-denied',
  /** The answer was not what the API documents (bad JSON, missing fields, hostile values). */
  'sync.malformed-response',
  /** The platform refused the operation for a business reason (order cancelled, already fulfilled...). Needs a person. */
  'sync.rejected',
  /** The record no longer exists on the platform. Needs a person. */
  'sync.not-found',
  /** The station has no store configured, or the configuration is incomplete. */
  'sync.not-configured',
  /** The secret for the configured store is missing from the credential store. */
  'sync.secret-missing',
  /** The OS credential store is unavailable or would store the secret in plain text. */
  'sync.secret-store-unavailable',
  /** An outbox row asked for an operation this platform's adapter does not support. */
  'sync.unsupported-operation',
  /** The outbox row cannot be retried or discarded in its current state. */
  'sync.row-not-actionable',
  /** A training action for the embedded demo store was asked of a station working for a real store. */
  'sync.demo-only',
  /** The demo store has no order with that number (training). */
  'sync.demo-order-not-found',
  /** The demo order is already shipped or cancelled: the customer can no longer change it (training). */
  'sync.demo-order-closed',
  /** The store cannot change while an order of the current store is being packed at this bench. */
  'sync.switch-pack-open',
  /** The store cannot change while operations are still owed to the current (real) store. */
  'sync.switch-undelivered',
  /** An operation the demo store was owed, discarded when the station changed to another store. */
  'sync.store-switched',
  /** A claim, hold or release discarded because the store cancelled or fulfilled the order first. */
  'sync.order-closed-upstream',
] as const;
