import { z } from 'zod';

/**
 * Which store platform a station syncs with, and how to reach it. The settings are kept in SQLite;
 * the credentials only ever travel from the Store tab to the main process, which puts them in the
 * secret store — they are never sent back to a screen.
 */
export const STORE_PLATFORMS = ['demo', 'shopify', 'medusa'] as const;
export type StorePlatform = (typeof STORE_PLATFORMS)[number];

const ShopDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'a shop domain such as my-shop.myshopify.com');
const HttpUrl = z
  .string()
  .trim()
  .max(300)
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'an http(s) address');
const RemoteId = z.string().trim().min(1).max(200);

export const StoreSettingsSchema = z.discriminatedUnion('platform', [
  z.strictObject({ platform: z.literal('demo') }),
  z.strictObject({
    platform: z.literal('shopify'),
    shopDomain: ShopDomain,
    authKind: z.enum(['token', 'client-credentials']),
    /** The location whose fulfilment orders this station packs (gid://shopify/Location/…). */
    locationId: RemoteId.nullable(),
  }),
  z.strictObject({
    platform: z.literal('medusa'),
    baseUrl: HttpUrl,
    /** The stock location this station ships from. */
    locationId: RemoteId.nullable(),
  }),
]);
export type StoreSettings = z.infer<typeof StoreSettingsSchema>;

export const StoreCredentialsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('shopify-token'), accessToken: z.string().trim().min(10).max(200) }),
  z.strictObject({ kind: z.literal('shopify-client-credentials'), clientId: z.string().trim().min(1).max(200), clientSecret: z.string().trim().min(1).max(200) }),
  z.strictObject({ kind: z.literal('medusa-api-key'), apiKey: z.string().trim().min(1).max(200) }),
]);
export type StoreCredentials = z.infer<typeof StoreCredentialsSchema>;

/** The Store tab's view: settings, whether credentials are saved and where — never the credentials. */
export const StoreViewSchema = z.strictObject({
  settings: StoreSettingsSchema,
  hasCredentials: z.boolean(),
  secretStore: z.enum(['os', 'file', 'env']),
});
export type StoreView = z.infer<typeof StoreViewSchema>;

export const ConnectionInfoSchema = z.strictObject({
  storeName: z.string().max(200),
  locations: z.array(z.strictObject({ id: z.string().max(200), name: z.string().max(200) })).max(500),
});

export const SyncProblemSchema = z.strictObject({
  id: z.number().int(),
  kind: z.string().max(40),
  /** What a person calls the subject: "#1042", "RMA-2001". */
  subject: z.string().max(100),
  status: z.enum(['pending', 'in-flight', 'rejected']),
  attempts: z.number().int().min(0),
  code: z.string().max(64).nullable(),
  /** English detail for support; the screen translates `code`. */
  message: z.string().max(1000).nullable(),
  createdAt: z.string().max(40),
  nextAttemptAt: z.string().max(40).nullable(),
});
export type SyncProblem = z.infer<typeof SyncProblemSchema>;

export const SyncRunSchema = z.strictObject({
  pulled: z.number().int().min(0),
  delivered: z.number().int().min(0),
  rejected: z.number().int().min(0),
  /** The first failure's code, null when everything worked. */
  failure: z.string().max(64).nullable(),
});
export type SyncRun = z.infer<typeof SyncRunSchema>;
export type ConnectionInfo = z.infer<typeof ConnectionInfoSchema>;
