/**
 * The Medusa v2 connection as the station stores it. Only the non-secret part is here (it may live
 * in settings and be shown on the Sync screen); the secret API key travels separately, from the
 * credential store to the adapter's constructor, and is never logged.
 */
import { z } from 'zod';

const LOOPBACK_HTTP = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?(\/|$)/;

const MedusaId = z.string().min(1).max(200).regex(/^[A-Za-z0-9_-]+$/, 'a Medusa id (letters, digits, _ and -)');

export const MedusaConfigSchema = z.strictObject({
  /**
   * The Medusa server's root, e.g. https://store.example.com (no /admin). Plain http only on
   * loopback: the secret key travels in every request's Authorization header.
   */
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .refine((url) => url.startsWith('https://') || LOOPBACK_HTTP.test(url), 'https://…, or http:// only on 127.0.0.1, localhost or [::1]'),
  /**
   * The stock location this station ships from and receives returns into (`sloc_…`); null until the
   * supervisor picks one from testConnection's list (pulls and fulfilments need it).
   */
  stockLocationId: MedusaId.nullable().default(null),
  /** Limits the orders pulled to one sales channel; without it, the channels linked to the stock location. */
  salesChannelId: MedusaId.nullable().default(null),
  /** Per request; a request that takes longer is a retryable `sync.network` failure. */
  timeoutMs: z.number().int().min(1_000).max(120_000).default(20_000),
  /** Records per page: Medusa's default is 15; 50 keeps a first pull short without large answers. */
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type MedusaConfig = z.infer<typeof MedusaConfigSchema>;

/**
 * Secret API keys (`sk_…`) are accepted only as HTTP Basic with the key as user name and an empty
 * password (store-platforms.md §3.1, medusajs/medusa authenticate-middleware.ts).
 */
export const MedusaSecretKeySchema = z.string().regex(/^sk_[A-Za-z0-9]{8,200}$/, 'a Medusa secret API key (sk_…)');

export function basicAuthHeader(apiKey: string): string {
  return `Basic ${Buffer.from(`${apiKey}:`, 'utf8').toString('base64')}`;
}
