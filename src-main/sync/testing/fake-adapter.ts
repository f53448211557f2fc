/**
 * A scriptable in-memory platform for relay and engine tests: it records what was applied, keyed by
 * idempotency key (so a resend is `alreadyApplied`, as a real adapter's read-before-retry answers), and
 * fails on demand the way the real adapters classify failures.
 */
import type { ConnectionInfo, Page, PullRequest, PushResult, RemoteOrder, RemoteProduct, RemoteReturn, SyncAdapter, SyncFailure, SyncResult } from '../adapter';
import type { OutboxOperation } from '../operations';

export class FakePlatform implements SyncAdapter {
  readonly platform = 'demo' as const;
  /** Operations applied, in the order they reached the platform. */
  readonly applied: OutboxOperation[] = [];
  /** Every push attempt, applied or not. */
  readonly attempts: OutboxOperation[] = [];
  /** When set, every push fails with it (the network is down, the platform throttles…). */
  failure: SyncFailure | null = null;
  /** Per idempotency key: a failure for that operation only (a business rejection). */
  readonly rejectKeys = new Map<string, SyncFailure>();
  /** Apply the operation, then report a network failure (the answer was lost on the way back). */
  loseAnswers = false;

  async push(op: OutboxOperation): Promise<PushResult> {
    this.attempts.push(op);
    if (this.failure) return this.failure;
    const rejection = this.rejectKeys.get(op.idempotencyKey);
    if (rejection) return rejection;
    const already = this.applied.some((a) => a.idempotencyKey === op.idempotencyKey);
    if (!already) this.applied.push(op);
    if (this.loseAnswers && !already) return { ok: false, code: 'sync.network', message: 'connection reset after the request was sent', retryable: true };
    return { ok: true, remoteRef: `remote-${op.idempotencyKey}`, alreadyApplied: already };
  }

  async testConnection(): Promise<SyncResult<ConnectionInfo>> {
    return { ok: true, value: { storeName: 'Fake', locations: [] } };
  }
  async pullOrders(_request: PullRequest): Promise<SyncResult<Page<RemoteOrder>>> {
    return { ok: true, value: { items: [], next: null } };
  }
  async pullReturns(_request: PullRequest): Promise<SyncResult<Page<RemoteReturn>>> {
    return { ok: true, value: { items: [], next: null } };
  }
  async pullProducts(_request: PullRequest): Promise<SyncResult<Page<RemoteProduct>>> {
    return { ok: true, value: { items: [], next: null } };
  }
  async getOrder(_externalId: string): Promise<SyncResult<RemoteOrder | null>> {
    return { ok: true, value: null };
  }
  async close(): Promise<void> {}
}

export const NETWORK_DOWN: SyncFailure = { ok: false, code: 'sync.network', message: 'ECONNREFUSED', retryable: true };
