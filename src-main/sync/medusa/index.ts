/**
 * The Medusa v2 adapter's entry: `createMedusaAdapter` for the composition root and the non-secret
 * config schema the settings store and the Sync screen use. The secret API key is a separate
 * argument field, read from the credential store by the caller and never kept anywhere else.
 */
import { AppError } from '../../../src-shared/errors/codes';
import type { StoreCredentials, StoreSettings } from '../../../src-shared/domain/store';
import type { SyncAdapter } from '../adapter';
import { MedusaConfigSchema, MedusaSecretKeySchema, type MedusaConfig } from './config';
import { MedusaAdapter } from './medusa-adapter';

export { MedusaConfigSchema, MedusaSecretKeySchema, type MedusaConfig } from './config';
export { MedusaAdapter } from './medusa-adapter';

export interface CreateMedusaAdapterOptions {
  readonly baseUrl: string;
  /** A secret API key (`sk_…`), sent as HTTP Basic; never logged. */
  readonly apiKey: string;
  /** Null until the supervisor chooses one (testConnection works without it). */
  readonly stockLocationId: string | null;
  readonly salesChannelId?: string | null;
  readonly timeoutMs?: number;
  readonly pageSize?: number;
  /** For tests (fault-injecting proxies need none: they are a baseUrl). Defaults to global fetch. */
  readonly fetch?: typeof fetch;
}

/**
 * Throws `AppError('sync.not-configured')` naming the bad field when the configuration is invalid,
 * and `sync.secret-missing` when the key is not a secret key (its value is never in the message).
 */
export function createMedusaAdapter(options: CreateMedusaAdapterOptions): SyncAdapter {
  const parsed = MedusaConfigSchema.safeParse({
    baseUrl: options.baseUrl,
    stockLocationId: options.stockLocationId,
    salesChannelId: options.salesChannelId ?? null,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('sync.not-configured', `Medusa settings: ${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}`);
  }
  const config: MedusaConfig = parsed.data;
  if (!MedusaSecretKeySchema.safeParse(options.apiKey).success) throw new AppError('sync.secret-missing', 'Medusa adapter: apiKey is not a secret API key (sk_…)');
  return new MedusaAdapter(config, { baseUrl: config.baseUrl, apiKey: options.apiKey, timeoutMs: config.timeoutMs, fetch: options.fetch ?? fetch });
}

/** The engine's AdapterFactory for Medusa (src-main/sync/sync-engine.ts): saved settings + credentials. */
export function medusaAdapterFactory(settings: Exclude<StoreSettings, { platform: 'demo' }>, credentials: StoreCredentials): SyncAdapter {
  if (settings.platform !== 'medusa') throw new AppError('sync.not-configured', 'not a Medusa store');
  if (credentials.kind !== 'medusa-api-key') throw new AppError('sync.secret-missing', `the saved credentials are for another platform (${credentials.kind})`);
  return createMedusaAdapter({ baseUrl: settings.baseUrl, apiKey: credentials.apiKey, stockLocationId: settings.locationId });
}
