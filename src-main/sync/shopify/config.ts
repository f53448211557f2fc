/**
 * How a station reaches its Shopify store. The non-secret part (`ShopifyConnectionSchema`) is what
 * the engine may store and show; the token or client secret never passes through it — the engine
 * reads them from the secret store and hands them to the factory (issue #5, "Configuration").
 */
import { z } from 'zod';

export const SHOPIFY_API_VERSION = '2026-10';

/** `<store>.myshopify.com`: the only host a real token is ever sent to (store-platforms.md §1.1). */
export const ShopDomainSchema = z
  .string()
  .max(255)
  .regex(/^[a-z0-9][a-z0-9-]{0,62}\.myshopify\.com$/, 'expected <store>.myshopify.com');

export const LocationGidSchema = z.string().regex(/^gid:\/\/shopify\/Location\/\d{1,20}$/, 'expected gid://shopify/Location/<id>');

/**
 * A loopback endpoint replaces https://<shop>/ for the emulator (test/peers/shopify). Only loopback
 * http is accepted, so a mistyped setting can never send the token to another host in clear text.
 */
export const LoopbackEndpointSchema = z
  .string()
  .max(100)
  .regex(/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}$/, 'expected http://127.0.0.1:<port>');

export const ShopifyConnectionSchema = z.strictObject({
  shopDomain: ShopDomainSchema,
  apiVersion: z.literal(SHOPIFY_API_VERSION),
  /** `token`: an Admin API access token (legacy custom app, shpat_…); `client-credentials`: own app from the Dev Dashboard. */
  authKind: z.enum(['token', 'client-credentials']),
  /** The app's client id (not secret; the client secret is). Null for `token`. */
  clientId: z.string().min(1).max(200).nullable(),
  /** The station's location; null until the supervisor chooses one after testConnection. */
  locationId: LocationGidSchema.nullable(),
  endpoint: LoopbackEndpointSchema.optional(),
});
export type ShopifyConnection = z.infer<typeof ShopifyConnectionSchema>;

export type ShopifyAuth =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'client-credentials'; readonly clientId: string; readonly clientSecret: string };

export interface ShopifyClock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface ShopifyAdapterConfig {
  readonly shopDomain: string;
  readonly apiVersion: typeof SHOPIFY_API_VERSION;
  readonly auth: ShopifyAuth;
  readonly locationId: string | null;
  /**
   * This station's id, as its outbox operations carry it. With it, an order another station has
   * claimed pulls as on-hold; without it, any Bancada claim counts as this station's.
   */
  readonly stationId?: string;
  readonly endpoint?: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Per-request timeout; default 30 s. */
  readonly requestTimeoutMs?: number;
}

export function baseUrlOf(config: Pick<ShopifyAdapterConfig, 'shopDomain' | 'endpoint'>): string {
  return config.endpoint ?? `https://${config.shopDomain}`;
}
