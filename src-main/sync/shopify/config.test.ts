import { describe, expect, it } from 'vitest';
import { createShopifyAdapter, ShopifyConnectionSchema } from './index';

const base = { shopDomain: 'loja-exemplo.myshopify.com', apiVersion: '2026-10' as const, auth: { kind: 'token' as const, token: 'shpat_secret123' }, locationId: 'gid://shopify/Location/7' };

describe('Shopify settings', () => {
  it('accepts the non-secret connection and refuses unknown keys (no secret can slip in)', () => {
    const ok = { shopDomain: 'loja-exemplo.myshopify.com', apiVersion: '2026-10', authKind: 'client-credentials', clientId: 'abc123', locationId: null };
    expect(ShopifyConnectionSchema.parse(ok)).toEqual(ok);
    expect(ShopifyConnectionSchema.safeParse({ ...ok, clientSecret: 'shpss_x' }).success).toBe(false);
    expect(ShopifyConnectionSchema.safeParse({ ...ok, apiVersion: '2025-10' }).success).toBe(false);
  });

  it.each([
    ['a host that is not a shop', { shopDomain: 'evil.example.com' }],
    ['a URL instead of a domain', { shopDomain: 'https://loja.myshopify.com' }],
    ['a non-loopback endpoint', { endpoint: 'http://203.0.113.9:8080' }],
    ['an https endpoint elsewhere', { endpoint: 'https://evil.example.com' }],
    ['a location that is not a gid', { locationId: '7' }],
  ])('refuses %s, without showing the token', (_name, override) => {
    expect(() => createShopifyAdapter({ ...base, ...override })).toThrow(TypeError);
    try {
      createShopifyAdapter({ ...base, ...override });
    } catch (e) {
      expect((e as Error).message).not.toContain('shpat_');
    }
  });

  it('builds an adapter for a valid shop or a loopback emulator', async () => {
    const a = createShopifyAdapter(base);
    const b = createShopifyAdapter({ ...base, endpoint: 'http://127.0.0.1:4567' });
    expect([a.platform, b.platform]).toEqual(['shopify', 'shopify']);
    await a.close();
    expect(await a.testConnection()).toMatchObject({ ok: false, code: 'sync.network', retryable: true });
    await b.close();
  });
});
