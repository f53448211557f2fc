/**
 * Where the access token comes from (store-platforms.md §1.2): a static Admin API token, or the
 * client-credentials grant of an organisation's own app — POST /admin/oauth/access_token with
 * grant_type=client_credentials — whose tokens expire after 24 h. The grant's token is cached and
 * fetched again before it expires (REFRESH_MARGIN_MS early), one request at a time.
 */
import { z } from 'zod';
import type { SyncResult } from '../adapter';
import type { ShopifyAuth } from './config';
import { failure, malformed } from './errors';
import { post, type HttpDeps } from './http';

/** Refresh this long before Shopify's expiry, so a request never carries a token about to die. */
export const REFRESH_MARGIN_MS = 10 * 60 * 1000;

/** Printable ASCII without spaces: anything else cannot travel in an HTTP header. */
const TOKEN_SHAPE = /^[\x21-\x7e]{1,1000}$/;

const TokenResponseSchema = z.object({
  access_token: z.string().regex(TOKEN_SHAPE),
  scope: z.string().max(5000).optional(),
  expires_in: z.number().int().positive().max(10 * 365 * 24 * 3600),
});

export interface TokenSource {
  token(): Promise<SyncResult<string>>;
  /** The token was refused (401): forget it so the next call asks again. */
  invalidate(): void;
}

export function tokenSource(auth: ShopifyAuth, baseUrl: string, deps: HttpDeps): TokenSource {
  if (auth.kind === 'token') {
    const usable = TOKEN_SHAPE.test(auth.token);
    return {
      token: async () => (usable ? { ok: true, value: auth.token } : failure('sync.auth-failed', 'The saved access token has spaces or characters a token cannot have', false)),
      invalidate: () => undefined,
    };
  }
  let cached: { value: string; refreshAt: number } | null = null;
  let inflight: Promise<SyncResult<string>> | null = null;
  const fetchToken = async (): Promise<SyncResult<string>> => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: auth.clientId, client_secret: auth.clientSecret });
    const res = await post(deps, `${baseUrl}/admin/oauth/access_token`, { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, form.toString());
    if (!res.ok) {
      // Shopify answers a wrong client id/secret with 400 invalid_client; that needs a person too.
      return res.code === 'sync.rejected' ? failure('sync.auth-failed', 'Shopify refused the app credentials (client credentials grant)', false) : res;
    }
    let json: unknown;
    try {
      json = JSON.parse(res.body);
    } catch {
      return malformed('the token request with something that is not JSON');
    }
    const parsed = TokenResponseSchema.safeParse(json);
    if (!parsed.success) return malformed('the token request without a usable access_token/expires_in');
    const issuedAt = deps.now();
    const lifetime = parsed.data.expires_in * 1000;
    cached = { value: parsed.data.access_token, refreshAt: issuedAt + Math.max(lifetime - REFRESH_MARGIN_MS, lifetime / 2) };
    return { ok: true, value: parsed.data.access_token };
  };
  return {
    async token() {
      if (cached && deps.now() < cached.refreshAt) return { ok: true, value: cached.value };
      inflight ??= fetchToken().finally(() => {
        inflight = null;
      });
      return inflight;
    },
    invalidate() {
      cached = null;
    },
  };
}
