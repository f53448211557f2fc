/**
 * The Medusa v2 adapter's entry: `createMedusaAdapter` for the composition root and the non-secret
 * config schema the settings store and the Sync screen use. The secret API key is a separate
 * argument field, read from the credential store by the caller and never kept anywhere else.
 */
import type { SyncAdapter } from '../adapter';
import { MedusaConfigSchema, MedusaSecretKeySchema, type MedusaConfig } from './config';
import { MedusaAdapter } from './medusa-adapter';

export { MedusaConfigSchema, MedusaSecretKeySchema, type MedusaConfig } from './config';
export { MedusaAdapter } from './medusa-adapter';

export interface CreateMedusaAdapterOptions {
  readonly baseUrl: string;
  /** A secret API key (`sk_…`), sent as HTTP Basic; never logged. */
  readonly apiKey: string;
  readonly stockLocationId: string;
  readonly salesChannelId?: string | null;
  readonly timeoutMs?: number;
  readonly pageSize?: number;
  /** For tests (fault-injecting proxies need none: they are a baseUrl). Defaults to global fetch. */
  readonly fetch?: typeof fetch;
}

/** Throws a plain Error naming the bad field (never the key's value) when the configuration is invalid. */
export function createMedusaAdapter(options: CreateMedusaAdapterOptions): SyncAdapter {
  const config: MedusaConfig = MedusaConfigSchema.parse({
    baseUrl: options.baseUrl,
    stockLocationId: options.stockLocationId,
    salesChannelId: options.salesChannelId ?? null,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
  });
  if (!MedusaSecretKeySchema.safeParse(options.apiKey).success) throw new Error('Medusa adapter: apiKey is not a secret API key (sk_…)');
  return new MedusaAdapter(config, { baseUrl: config.baseUrl, apiKey: options.apiKey, timeoutMs: config.timeoutMs, fetch: options.fetch ?? fetch });
}
