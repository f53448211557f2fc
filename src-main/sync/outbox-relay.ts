/**
 * The outbox relay: delivers what the station recorded to the platform, exactly once and in order
 * per order or return, whatever the network does (DESIGN.md "Sync", reference/store-platforms.md §5.2).
 *
 * - A row is claimed (pending → in-flight) in its own statement before it is sent, so two relays on
 *   one database never both send it. The claim is a lease the sending relay renews while its request
 *   runs; a row whose lease ran out (left in flight by a crash) goes back to pending, and the
 *   adapter's idempotency (key, or read-before-retry) makes the resend harmless. A relay starting
 *   beside a live one (`bancada sync now` while the station runs) leaves that one's rows alone.
 * - Results are classified: delivered → done; retryable (network, 5xx, throttled) → pending again
 *   after a backoff with jitter; anything else → rejected: it needs a person, is shown loudly, and
 *   holds back later operations on the same order until a supervisor retries or discards it.
 * - After a network or throttling failure the pass stops: the other rows would fail the same way,
 *   and hammering a platform that asked us to wait gets the station throttled harder.
 */
import { hostname } from 'node:os';
import type { ErrorCode } from '../../src-shared/errors/codes';
import type { Database } from '../db/database';
import {
  claimForDelivery,
  listDeliverable,
  listLeaseOwners,
  markDelivered,
  markRejected,
  markRetryLater,
  nextDueAt,
  renewLease,
  requeueInFlight,
  type OutboxDestination,
  type OutboxRow,
} from '../db/repos/outbox';
import type { Logger } from '../log/logger';
import type { PushResult, SyncAdapter } from './adapter';
import { backoffMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { OutboxPayloadSchema, type OutboxOperation } from './operations';

export interface RelayDeps {
  readonly db: Database;
  /** The adapter of the configured platform; null while none is configured (rows wait). */
  readonly adapter: () => SyncAdapter | null;
  readonly destination?: OutboxDestination;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly backoff?: BackoffPolicy;
  readonly logger?: Logger;
  /** Called after every change of a row's state, for the status bar and the Sync screen. */
  readonly onChange?: (report: DeliveryReport) => void;
  /** Rows read per query; delivery itself is one at a time. */
  readonly batchSize?: number;
  /**
   * While started and idle, look for new rows this often (default 2 s): a workflow commits its row
   * and moves on without knowing about the relay, and `bancada sync` or a second process may write too.
   */
  readonly pollMs?: number;
  /** Who holds this relay's leases (default `host/pid`); a lease of a gone owner need not be waited out. */
  readonly owner?: string;
  /** Whether a lease owner may still be sending (default: same host and its process still exists). */
  readonly isOwnerAlive?: (owner: string) => boolean;
}

/** This process, as a lease owner. */
export function processOwner(): string {
  return `${hostname()}/${process.pid}`;
}

/**
 * A lease owner is gone only when it ran on this machine and its process no longer exists. Anything
 * uncertain (another host, a process of another user, a reused pid) counts as alive: the row then
 * waits for its lease rather than risking two requests racing each other.
 */
export function ownerAlive(owner: string): boolean {
  const slash = owner.lastIndexOf('/');
  const pid = Number(owner.slice(slash + 1));
  if (owner.slice(0, slash) !== hostname() || !Number.isInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

export type DeliveryOutcome = 'delivered' | 'already-applied' | 'retry-later' | 'rejected';

export interface DeliveryReport {
  readonly row: OutboxRow;
  readonly outcome: DeliveryOutcome;
  readonly code: ErrorCode | null;
}

export interface PassReport {
  readonly delivered: number;
  readonly retryLater: number;
  readonly rejected: number;
  /** True when the pass stopped early because the platform was unreachable or throttling. */
  readonly stoppedEarly: boolean;
  /** The last failure's code, when the pass ended on one. */
  readonly lastFailure: ErrorCode | null;
}

/** The shortest wait between passes when something is due but held back. */
const MIN_WAIT_MS = 250;

/**
 * How long a claim on a row holds without renewal; renewed every quarter of it while the push runs.
 * It is also how long a row a crash left in flight waits before it is sent again.
 */
export const LEASE_MS = 30_000;

const STOP_PASS_CODES: ReadonlySet<ErrorCode> = new Set(['sync.network', 'sync.throttled', 'sync.server-error']);

export class OutboxRelay {
  readonly #deps: RelayDeps;
  readonly #destination: OutboxDestination;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<PassReport> | null = null;
  #again = false;
  /** Timers are armed only between start() and stop(); drain() works either way. */
  #started = false;
  #stopping = false;

  constructor(deps: RelayDeps) {
    this.#deps = deps;
    this.#destination = deps.destination ?? 'platform';
  }

  /** Puts rows a crash left in flight back in line and starts delivering. */
  async start(): Promise<void> {
    await this.#requeueAbandoned();
    this.#started = true;
    this.#stopping = false;
    this.kick();
  }

  /** Something was enqueued, or the network may be back: deliver soon. Coalesces bursts of kicks. */
  kick(): void {
    if (!this.#started) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#schedule(0);
  }

  /** Runs passes until nothing is deliverable now; resolves with the totals (and how the last pass ended). */
  async drain(): Promise<PassReport> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    const run = (async () => {
      const total = { delivered: 0, retryLater: 0, rejected: 0 };
      let pass: PassReport;
      do {
        this.#again = false;
        pass = await this.#pass();
        total.delivered += pass.delivered;
        total.retryLater += pass.retryLater;
        total.rejected += pass.rejected;
      } while (!pass.stoppedEarly && (pass.delivered + pass.rejected + pass.retryLater > 0 || this.#again));
      return { ...total, stoppedEarly: pass.stoppedEarly, lastFailure: pass.lastFailure };
    })();
    this.#running = run;
    try {
      return await run;
    } finally {
      this.#running = null;
      if (this.#started) await this.#scheduleNextDue();
    }
  }

  async stop(): Promise<void> {
    this.#started = false;
    this.#stopping = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => undefined);
    this.#stopping = false;
  }

  #schedule(delayMs: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.drain().catch((error: unknown) => {
        this.#deps.logger?.error('outbox relay pass failed', { error });
        if (this.#started) this.#schedule(this.#policy().baseMs);
      });
    }, Math.max(0, Math.min(delayMs, 2 ** 31 - 1)));
    this.#timer.unref?.();
  }

  async #scheduleNextDue(): Promise<void> {
    const [due, ready] = await Promise.all([nextDueAt(this.#deps.db, this.#destination), listDeliverable(this.#deps.db, this.#destination, this.#nowIso(), 1)]);
    if (this.#again || ready.length > 0) {
      // Rows are deliverable now but the pass stopped early (offline): try again after the base wait.
      this.#schedule(this.#again ? 0 : this.#policy().baseMs);
      return;
    }
    const poll = this.#deps.pollMs ?? 2_000;
    // A row already due but not deliverable is held back by an earlier row of its order (rejected,
    // or in flight elsewhere): wait a little rather than spin on it.
    const untilDue = due ? Math.max(MIN_WAIT_MS, Date.parse(due) - this.#now().getTime()) : Number.POSITIVE_INFINITY;
    if (Number.isFinite(untilDue) || poll > 0) this.#schedule(Math.min(untilDue, poll > 0 ? poll : untilDue));
  }

  async #pass(): Promise<PassReport> {
    const adapter = this.#deps.adapter();
    const counts = { delivered: 0, retryLater: 0, rejected: 0 };
    if (!adapter) return { ...counts, stoppedEarly: true, lastFailure: 'sync.not-configured' };
    await this.#requeueAbandoned();
    const rows = await listDeliverable(this.#deps.db, this.#destination, this.#nowIso(), this.#deps.batchSize ?? 25);
    for (const candidate of rows) {
      if (this.#stopping) break;
      const row = await claimForDelivery(this.#deps.db, candidate.id, this.#leaseUntil(), this.#deps.owner ?? processOwner());
      if (!row) continue;
      const result = await this.#pushLeased(adapter, row);
      const outcome = await this.#record(row, result);
      counts[outcome === 'already-applied' ? 'delivered' : outcome === 'retry-later' ? 'retryLater' : outcome]++;
      if (!result.ok && result.retryable && STOP_PASS_CODES.has(result.code)) return { ...counts, stoppedEarly: true, lastFailure: result.code };
    }
    return { ...counts, stoppedEarly: false, lastFailure: null };
  }

  /** Rows whose relay died with them in flight (its process is gone, or its lease ran out) are pending again. */
  async #requeueAbandoned(): Promise<void> {
    const alive = this.#deps.isOwnerAlive ?? ownerAlive;
    const gone = (await listLeaseOwners(this.#deps.db, this.#destination)).filter((owner) => !alive(owner));
    const requeued = await requeueInFlight(this.#deps.db, this.#destination, this.#nowIso(), gone);
    if (requeued > 0) this.#deps.logger?.warn('outbox rows left in flight by a relay that stopped are pending again', { requeued });
  }

  /** Pushes with the row's lease renewed until the adapter answers. */
  async #pushLeased(adapter: SyncAdapter, row: OutboxRow): Promise<PushResult> {
    const renew = setInterval(() => {
      renewLease(this.#deps.db, row.id, this.#leaseUntil()).catch((error: unknown) => this.#deps.logger?.warn('outbox lease renewal failed', { rowId: row.id, error }));
    }, LEASE_MS / 4);
    renew.unref?.();
    try {
      return await this.#push(adapter, row);
    } finally {
      clearInterval(renew);
    }
  }

  #leaseUntil(): string {
    return new Date(this.#now().getTime() + LEASE_MS).toISOString();
  }

  async #push(adapter: SyncAdapter, row: OutboxRow): Promise<PushResult> {
    let payload: unknown;
    try {
      payload = JSON.parse(row.payload);
    } catch {
      return { ok: false, code: 'sync.unsupported-operation', message: `outbox row ${row.id} holds a payload that is not JSON`, retryable: false };
    }
    const parsed = OutboxPayloadSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, code: 'sync.unsupported-operation', message: `outbox row ${row.id} (${row.kind}) is not a known operation: ${parsed.error.issues[0]?.message ?? ''}`, retryable: false };
    const op: OutboxOperation = { idempotencyKey: row.idempotencyKey, payload: parsed.data, stationId: row.stationId, operatorId: row.operatorId, createdAt: row.createdAt };
    try {
      return await adapter.push(op);
    } catch (error) {
      // An adapter must not throw; if one does, the row is kept and retried rather than lost.
      this.#deps.logger?.error('sync adapter threw instead of answering', { rowId: row.id, kind: row.kind, error });
      return { ok: false, code: 'sync.server-error', message: `adapter failed: ${error instanceof Error ? error.message : String(error)}`, retryable: true };
    }
  }

  async #record(row: OutboxRow, result: PushResult): Promise<DeliveryOutcome> {
    const db = this.#deps.db;
    let outcome: DeliveryOutcome;
    if (result.ok) {
      await markDelivered(db, row.id, this.#nowIso(), result.remoteRef);
      outcome = result.alreadyApplied ? 'already-applied' : 'delivered';
    } else if (result.retryable) {
      const wait = backoffMs(row.attempts, this.#policy(), this.#deps.random ?? Math.random, result.retryAfterMs);
      await markRetryLater(db, row.id, result.code, result.message, new Date(this.#now().getTime() + wait).toISOString());
      outcome = 'retry-later';
    } else {
      await markRejected(db, row.id, result.code, result.message);
      this.#deps.logger?.warn('the platform rejected an outbox row; it needs a person', { rowId: row.id, kind: row.kind, code: result.code });
      outcome = 'rejected';
    }
    this.#deps.onChange?.({ row, outcome, code: result.ok ? null : result.code });
    return outcome;
  }

  #policy(): BackoffPolicy {
    return this.#deps.backoff ?? DEFAULT_BACKOFF;
  }

  #now(): Date {
    return this.#deps.now?.() ?? new Date();
  }

  #nowIso(): string {
    return this.#now().toISOString();
  }
}
