/**
 * The sync engine: one per station. It owns the adapter of the configured platform (the embedded
 * demo store when none is), runs the pull loop and the outbox relay, and publishes one status the
 * status bar and the Sync tab read. Everything a person does to it (save a store, retry or discard a
 * row) is audited by the handlers that call it.
 */
import { join } from 'node:path';
import { AppError, type ErrorCode } from '../../src-shared/errors/codes';
import type { SyncProblem, SyncRun, StoreCredentials, StoreSettings, StoreView } from '../../src-shared/domain/store';
import { StoreCredentialsSchema, StoreSettingsSchema } from '../../src-shared/domain/store';
import type { SyncStatus } from '../../src-shared/domain/types';
import type { Database, Queryable } from '../db/database';
import { countOutbox, discardOutboxRow, getOutboxRow, lastDeliveredAt, listOutboxProblems, retryOutboxRow, type OutboxRow } from '../db/repos/outbox';
import { getSetting, setSetting } from '../db/repos/settings';
import type { DemoData } from '../demo/demo-data';
import type { Logger } from '../log/logger';
import type { ConnectionInfo, SyncAdapter, SyncFailure, SyncResult } from './adapter';
import type { UpstreamChange } from './apply-order';
import { DEMO_STORE_FILE, DemoStore } from './demo/demo-store';
import { leavePlatform, type SwitchReport } from './platform-switch';
import type { BackoffPolicy } from './backoff';
import { OutboxRelay } from './outbox-relay';
import { applyKeptAsideOrders, PULL_RESOURCES, pullResource } from './pull';
import { STORE_SECRET, type SecretStore } from './secrets/secret-store';

/** Who is asking: a claim names its station, so stations sharing a store can tell their claims apart. */
export interface AdapterContext {
  readonly stationId: string;
}

/** Builds a real platform's adapter from its settings and credentials (src-main/sync/<platform>/). */
export type AdapterFactory = (settings: Exclude<StoreSettings, { platform: 'demo' }>, credentials: StoreCredentials, context: AdapterContext) => SyncAdapter;
export type AdapterFactories = Partial<Record<'shopify' | 'medusa', AdapterFactory>>;

export const STORE_SETTINGS_KEY = 'store.settings';

export interface SyncEngineDeps {
  readonly db: Database;
  readonly dataDir: string;
  /** This station's id (stations.id), handed to adapters. */
  readonly stationId: string;
  readonly secrets: SecretStore;
  readonly factories: AdapterFactories;
  /** False on a station that is not in demo mode: with no store configured it syncs with nothing. */
  readonly allowDemo?: boolean;
  readonly demoData: () => Promise<DemoData>;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** The pack workflow, told at once when an order it has open changes upstream. */
  readonly onInterruption?: (orderId: string, change: UpstreamChange) => Promise<void>;
  readonly onStatus?: (status: SyncStatus) => void;
  /** Pulled records changed the station's orders or returns (the home queue refreshes). */
  readonly onRecordsChanged?: () => void;
  /** Seconds between pulls (default: 20 for the demo store, 60 for a real platform). 0: only on demand. */
  readonly pullEverySeconds?: number;
  /** Demo store arrivals (default 4 minutes; 0 turns them off — tests). */
  readonly demoArrivalEveryMs?: number;
  /** The relay's retry waits (default 1 s doubling to 5 min); tests shorten them. */
  readonly backoff?: BackoffPolicy;
}

export class SyncEngine {
  readonly #deps: SyncEngineDeps;
  #settings: StoreSettings = { platform: 'demo' };
  #adapter: SyncAdapter | null = null;
  #adapterProblem: SyncFailure | null = null;
  readonly #relay: OutboxRelay;
  #pullTimer: ReturnType<typeof setTimeout> | null = null;
  #pulling: Promise<SyncRun> | null = null;
  #busy = 0;
  #lastFailure: ErrorCode | null = null;
  #lastPullAt: string | null = null;
  #lastDeliveryAt: string | null = null;
  #progress: SyncStatus['progress'] = null;
  #status: SyncStatus | null = null;
  #closed = false;

  constructor(deps: SyncEngineDeps) {
    this.#deps = deps;
    this.#relay = new OutboxRelay({
      db: deps.db,
      adapter: () => this.#adapter,
      now: deps.now,
      logger: deps.logger,
      ...(deps.backoff ? { backoff: deps.backoff } : {}),
      onChange: (report) => {
        const delivered = report.outcome === 'delivered' || report.outcome === 'already-applied';
        if (delivered) this.#lastDeliveryAt = (deps.now?.() ?? new Date()).toISOString();
        this.#lastFailure = delivered ? null : report.code;
        void this.#publish();
      },
    });
  }

  /** Reads the saved store settings without opening anything (`bancada sync status|config`). */
  async loadSettings(): Promise<StoreSettings> {
    this.#settings = await readStoreSettings(this.#deps.db);
    this.#lastDeliveryAt = await lastDeliveredAt(this.#deps.db, 'platform');
    return this.#settings;
  }

  /** Reads the configured store, opens its adapter and starts pulling and delivering. */
  async start(): Promise<void> {
    await this.loadSettings();
    await this.#openAdapter();
    await this.#relay.start();
    this.#schedulePull(0);
    await this.#publish();
  }

  get settings(): StoreSettings {
    return this.#settings;
  }

  /** Something was enqueued: deliver it soon. */
  kick(): void {
    this.#relay.kick();
  }

  async status(): Promise<SyncStatus> {
    const counts = await countOutbox(this.#deps.db);
    const lastSuccessAt = [this.#lastDeliveryAt, this.#lastPullAt].filter((x): x is string => x !== null).sort().at(-1) ?? null;
    const failure = this.#adapterProblem?.code ?? this.#lastFailure;
    const state: SyncStatus['state'] =
      this.#busy > 0 ? 'syncing' : failure === 'sync.network' || failure === 'sync.server-error' || failure === 'sync.throttled' ? 'offline' : failure !== null || counts.rejected > 0 ? 'error' : 'idle';
    const platform = this.#settings.platform === 'demo' && this.#deps.allowDemo === false ? 'none' : this.#settings.platform;
    return { platform, state, pending: counts.pending, lastSuccessAt, attention: counts.rejected, lastError: failure, progress: this.#progress };
  }

  /** Pulls everything now and drains the outbox; resolves with what happened. */
  async syncNow(): Promise<SyncRun> {
    const pulled = await this.#pullAll();
    const drained = await this.#relay.drain();
    await this.#publish();
    return { pulled: pulled.pulled, delivered: drained.delivered, rejected: drained.rejected, failure: pulled.failure ?? drained.lastFailure ?? null };
  }

  /**
   * Pulls after a change just made on the platform (a trainer's demo order): a pull already running
   * may have read past it, so that one is waited for and a new one started.
   */
  async syncAfterUpstreamChange(): Promise<SyncRun> {
    await this.#pulling?.catch(() => undefined);
    return this.syncNow();
  }

  /**
   * A pack ended (released, completed): a platform version kept aside while it was open applies now
   * rather than at the next pull, so an order cancelled upstream leaves the queue as the packer
   * releases it. Reads nothing from the platform.
   */
  async afterPackEnded(): Promise<void> {
    const adapter = this.#adapter;
    if (!adapter || this.#closed) return;
    const applied = await applyKeptAsideOrders({ db: this.#deps.db, adapter, now: this.#deps.now, logger: this.#deps.logger, onInterruption: this.#deps.onInterruption });
    if (applied > 0) this.#deps.onRecordsChanged?.();
  }

  async problems(limit = 200): Promise<SyncProblem[]> {
    return (await listOutboxProblems(this.#deps.db, 'platform', limit)).map(toProblem);
  }

  /** Sends a rejected or failing row again now. The caller audits. */
  async retry(tx: Queryable, id: number): Promise<OutboxRow> {
    const row = await getOutboxRow(tx, id);
    if (!row || !(await retryOutboxRow(tx, id))) throw new AppError('sync.row-not-actionable', `outbox row ${id} is ${row?.status ?? 'missing'}; only rejected or waiting rows can be retried`);
    return row;
  }

  /** Gives up on a rejected row for good (kept for the record). The caller audits. */
  async discard(tx: Queryable, id: number): Promise<OutboxRow> {
    const row = await getOutboxRow(tx, id);
    if (!row || !(await discardOutboxRow(tx, id))) throw new AppError('sync.row-not-actionable', `outbox row ${id} is ${row?.status ?? 'missing'}; only rejected rows can be discarded`);
    return row;
  }

  /** After a retry or discard committed: deliver and refresh the status. */
  afterRowChange(): void {
    this.#relay.kick();
    void this.#publish();
  }

  async view(): Promise<StoreView> {
    return { settings: this.#settings, hasCredentials: this.#settings.platform === 'demo' || (await this.#credentials()) !== null, secretStore: this.#deps.secrets.kind };
  }

  /** Tries settings and credentials without saving them; missing credentials fall back to the saved ones. */
  async testConnection(settings: StoreSettings, credentials: StoreCredentials | null): Promise<SyncResult<ConnectionInfo>> {
    const adapter = await this.#build(settings, credentials ?? (await this.#credentials()));
    if (!adapter.ok) return adapter;
    try {
      return await adapter.value.testConnection();
    } finally {
      if (adapter.value !== this.#adapter) await adapter.value.close().catch(() => undefined);
    }
  }

  /**
   * Saves a store (credentials to the secret store, settings to SQLite inside `tx`, which also holds
   * the caller's audit row) and switches to it once the transaction has committed (`switchAfterSave`).
   * A different platform first retires the current one's waiting work (`leavePlatform`), which may
   * refuse: that happens before any secret is touched, so a refused switch changes nothing.
   */
  async save(tx: Queryable, settings: StoreSettings, credentials: StoreCredentials | null, operatorId: string | null): Promise<SwitchReport> {
    const now = this.#deps.now?.() ?? new Date();
    const report = await leavePlatform(tx, (await readStoreSettings(tx)).platform, settings.platform, operatorId, now.toISOString());
    if (settings.platform !== 'demo') {
      if (credentials) await this.#deps.secrets.set(STORE_SECRET, JSON.stringify(credentials));
      else if ((await this.#credentials()) === null) throw new AppError('sync.secret-missing', 'the store needs credentials the first time it is saved');
    }
    await setSetting(tx, STORE_SETTINGS_KEY, settings, now);
    return report;
  }

  async switchAfterSave(): Promise<void> {
    const settings = await readStoreSettings(this.#deps.db);
    const previous = this.#adapter;
    this.#settings = settings;
    this.#adapter = null;
    await previous?.close().catch((error: unknown) => this.#deps.logger.warn('closing the previous store adapter failed', { error }));
    await this.#openAdapter();
    this.#lastFailure = null;
    this.#relay.kick();
    this.#schedulePull(0);
    await this.#publish();
  }

  /** The demo store, when it is the configured platform (trainer controls and tests). */
  demoStore(): DemoStore | null {
    return this.#adapter instanceof DemoStore ? this.#adapter : null;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#pullTimer) clearTimeout(this.#pullTimer);
    await this.#relay.stop();
    await this.#pulling?.catch(() => undefined);
    await this.#adapter?.close().catch(() => undefined);
    this.#adapter = null;
  }

  async #openAdapter(): Promise<void> {
    const built = await this.#build(this.#settings, await this.#credentials().catch(() => null));
    this.#adapter = built.ok ? built.value : null;
    this.#adapterProblem = built.ok ? null : built;
    if (!built.ok) this.#deps.logger.warn('the configured store cannot be used', { platform: this.#settings.platform, code: built.code });
  }

  async #build(settings: StoreSettings, credentials: StoreCredentials | null): Promise<SyncResult<SyncAdapter>> {
    if (settings.platform === 'demo') {
      if (this.#deps.allowDemo === false) return failure('sync.not-configured', 'no store is configured on this station');
      if (this.#adapter instanceof DemoStore) return { ok: true, value: this.#adapter };
      const store = await DemoStore.open(join(this.#deps.dataDir, DEMO_STORE_FILE), {
        data: this.#deps.demoData,
        ...(this.#deps.now ? { now: this.#deps.now } : {}),
        ...(this.#deps.demoArrivalEveryMs !== undefined ? { arrivalEveryMs: this.#deps.demoArrivalEveryMs } : {}),
      });
      return { ok: true, value: store };
    }
    const factory = this.#deps.factories[settings.platform];
    if (!factory) return failure('sync.not-configured', `this build of Bancada has no ${settings.platform} adapter`);
    if (!credentials) return failure('sync.secret-missing', `no credentials saved for the ${settings.platform} store`);
    try {
      return { ok: true, value: factory(settings, credentials, { stationId: this.#deps.stationId }) };
    } catch (error) {
      return failure(error instanceof AppError ? (error.code as SyncFailure['code']) : 'sync.not-configured', error instanceof Error ? error.message : String(error));
    }
  }

  async #credentials(): Promise<StoreCredentials | null> {
    const raw = await this.#deps.secrets.get(STORE_SECRET);
    if (raw === null) return null;
    const parsed = StoreCredentialsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  }

  #schedulePull(delayMs: number): void {
    if (this.#closed) return;
    if (this.#pullTimer) clearTimeout(this.#pullTimer);
    this.#pullTimer = setTimeout(() => {
      this.#pullTimer = null;
      void this.#pullAll().finally(() => {
        const every = this.#deps.pullEverySeconds ?? (this.#settings.platform === 'demo' ? 20 : 60);
        if (every > 0) this.#schedulePull(every * 1000);
      });
    }, delayMs);
    this.#pullTimer.unref?.();
  }

  /** One pull of every resource; concurrent callers share the running pull. */
  #pullAll(): Promise<SyncRun> {
    this.#pulling ??= this.#runPull().finally(() => {
      this.#pulling = null;
    });
    return this.#pulling;
  }

  async #runPull(): Promise<SyncRun> {
    const adapter = this.#adapter;
    if (!adapter) return { pulled: 0, delivered: 0, rejected: 0, failure: this.#adapterProblem?.code ?? 'sync.not-configured' };
    this.#busy++;
    await this.#publish();
    let pulled = 0;
    let changed = 0;
    let failureCode: ErrorCode | null = null;
    try {
      changed += await applyKeptAsideOrders({ db: this.#deps.db, adapter, now: this.#deps.now, logger: this.#deps.logger, onInterruption: this.#deps.onInterruption });
      const locationId = this.#settings.platform === 'demo' ? null : this.#settings.locationId;
      for (const resource of PULL_RESOURCES) {
        const outcome = await pullResource(resource, {
          db: this.#deps.db,
          adapter,
          locationId,
          now: this.#deps.now,
          logger: this.#deps.logger,
          onInterruption: this.#deps.onInterruption,
          onProgress: (what, read) => {
            this.#progress = { resource: what, read };
            void this.#publish();
          },
        });
        pulled += outcome.report.read;
        changed += outcome.report.inserted + outcome.report.updated + outcome.report.interrupted;
        if (!outcome.ok) {
          failureCode = outcome.code;
          this.#deps.logger.warn('pull failed', { resource, code: outcome.code, message: outcome.message });
          break;
        }
      }
      if (failureCode === null) this.#lastPullAt = (this.#deps.now?.() ?? new Date()).toISOString();
      this.#lastFailure = failureCode;
    } catch (error) {
      failureCode = 'sync.server-error';
      this.#lastFailure = failureCode;
      this.#deps.logger.error('pull crashed', { error });
    } finally {
      this.#busy--;
      this.#progress = null;
    }
    if (changed > 0) this.#deps.onRecordsChanged?.();
    await this.#publish();
    // A pull that worked means the platform is reachable: rows waiting on a backoff may go now.
    if (failureCode === null) this.#relay.kick();
    return { pulled, delivered: 0, rejected: 0, failure: failureCode };
  }

  async #publish(): Promise<void> {
    if (this.#closed || !this.#deps.onStatus) return;
    try {
      const status = await this.status();
      if (JSON.stringify(status) === JSON.stringify(this.#status)) return;
      this.#status = status;
      this.#deps.onStatus(status);
    } catch (error) {
      this.#deps.logger.warn('sync status could not be read', { error });
    }
  }
}

export async function readStoreSettings(db: Queryable): Promise<StoreSettings> {
  const saved = StoreSettingsSchema.safeParse(await getSetting<unknown>(db, STORE_SETTINGS_KEY));
  return saved.success ? saved.data : { platform: 'demo' };
}

function failure(code: SyncFailure['code'], message: string): SyncFailure {
  return { ok: false, code, message, retryable: false };
}

function toProblem(row: OutboxRow): SyncProblem {
  let subject = row.aggregateId;
  try {
    const payload = JSON.parse(row.payload) as { orderNumber?: unknown; returnExternalId?: unknown };
    if (typeof payload.orderNumber === 'string') subject = payload.orderNumber;
    else if (typeof payload.returnExternalId === 'string') subject = payload.returnExternalId;
  } catch {
    // A payload that is not JSON is itself the problem the row shows.
  }
  return {
    id: row.id,
    kind: row.kind,
    subject: subject.slice(0, 100),
    status: row.status === 'rejected' ? 'rejected' : row.status === 'in-flight' ? 'in-flight' : 'pending',
    attempts: row.attempts,
    code: row.lastErrorCode,
    message: row.lastError?.slice(0, 1000) ?? null,
    createdAt: row.createdAt,
    nextAttemptAt: row.nextAttemptAt,
  };
}
