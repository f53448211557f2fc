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

  it.each([
    [408, 'sync.network', true],
    [429, 'sync.throttled', true],
    [500, 'sync.server-error', true],
    [503, 'sync.server-error', true],
    [423, 'sync.server-error', true],
    [400, 'sync.rejected', false],
    [401, 'sync.auth-failed', false],
  ] as const)('HTTP %i is %s, retryable %s', async (status, code, retryable) => {
    const answering: typeof fetch = async () => new Response('{}', { status });
    expect(await post({ ...deps, fetch: answering }, 'https://x.myshopify.com/', {}, '{}')).toMatchObject({ ok: false, code, retryable });
  });

  it('a shop locked for now (HTTP 423) is tried again later, when Shopify says', async () => {
    const locked: typeof fetch = async () => new Response('{"errors":"Locked"}', { status: 423, headers: { 'retry-after': '30' } });
    expect(await post({ ...deps, fetch: locked }, 'https://x.myshopify.com/', {}, '{}')).toMatchObject({ ok: false, code: 'sync.server-error', retryable: true, retryAfterMs: 30_000, message: expect.stringMatching(/locked/) });
  });
});
