import { describe, expect, it } from 'vitest';
import { post } from './http';

const deps = { fetch, now: Date.now, timeoutMs: 2000, closed: new AbortController().signal };

describe('the Shopify HTTP call', () => {
  it('never repeats a refused header value (the token) in its failure message', async () => {
    const res = await post(deps, 'http://127.0.0.1:9/admin/api/2026-10/graphql.json', { 'x-shopify-access-token': 'shpat_abc\nTOPSECRET' }, '{}');
    expect(res).toMatchObject({ ok: false, code: 'sync.network', retryable: true, message: expect.stringContaining('[redacted]') });
    expect(JSON.stringify(res)).not.toContain('TOPSECRET');
  });

  it('does not follow redirects (the token would go along)', async () => {
    const redirecting: typeof fetch = async (_url, init) => {
      expect(init?.redirect).toBe('error');
      throw new TypeError('fetch failed: unexpected redirect');
    };
    const res = await post({ ...deps, fetch: redirecting }, 'https://x.myshopify.com/', {}, '{}');
    expect(res).toMatchObject({ ok: false, code: 'sync.network' });
  });
});
