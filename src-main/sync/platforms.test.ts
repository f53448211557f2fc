import { describe, expect, it } from 'vitest';
import { platformFactories } from './platforms';

const shopify = { platform: 'shopify', shopDomain: 'mi-tienda.myshopify.com', authKind: 'token', locationId: 'gid://shopify/Location/1' } as const;
const ctx = { stationId: 'station-7' };
const medusa = { platform: 'medusa', baseUrl: 'https://medusa.example.com', locationId: 'sloc_01' } as const;

describe('platformFactories', () => {
  it('builds each platform from its own settings and credentials', async () => {
    const f = platformFactories({});
    const s = f.shopify!(shopify, { kind: 'shopify-token', accessToken: 'shpat_0123456789abcdef' }, ctx);
    const m = f.medusa!(medusa, { kind: 'medusa-api-key', apiKey: 'sk_0123456789abcdef0123' }, ctx);
    expect([s.platform, m.platform]).toEqual(['shopify', 'medusa']);
    await Promise.all([s.close(), m.close()]);
  });

  it('refuses credentials of another platform without echoing them', () => {
    const f = platformFactories({});
    expect(() => f.shopify!(shopify, { kind: 'medusa-api-key', apiKey: 'sk_secret_value_123' }, ctx)).toThrow(expect.objectContaining({ code: 'sync.secret-missing', message: expect.not.stringContaining('sk_secret') }));
  });

  it('points Shopify at an emulator only on loopback', async () => {
    const ok = platformFactories({ BANCADA_SHOPIFY_ENDPOINT: 'http://127.0.0.1:4567' }).shopify!(shopify, { kind: 'shopify-token', accessToken: 'shpat_0123456789abcdef' }, ctx);
    await ok.close();
    expect(() => platformFactories({ BANCADA_SHOPIFY_ENDPOINT: 'http://attacker.example:80' }).shopify!(shopify, { kind: 'shopify-token', accessToken: 'shpat_0123456789abcdef' }, ctx)).toThrow(
      expect.objectContaining({ code: 'sync.not-configured' }),
    );
  });
});
