import { describe, expect, test } from 'vitest';
import { createMedusaAdapter, MedusaConfigSchema, medusaAdapterFactory } from './index';

const KEY = 'sk_4f1c2a9be0d34c7e8a6b5d1f0e2c3b4a';

describe('Medusa connection settings', () => {
  test('https anywhere, plain http only on loopback (the key is in every request)', () => {
    const parse = (baseUrl: string) => MedusaConfigSchema.safeParse({ baseUrl, stockLocationId: 'sloc_01ABC' }).success;
    expect(parse('https://shop.example.com')).toBe(true);
    expect(parse('http://127.0.0.1:9000')).toBe(true);
    expect(parse('http://localhost:9000/')).toBe(true);
    expect(parse('http://shop.example.com')).toBe(false);
    expect(parse('http://127.0.0.1.evil.example:9000')).toBe(false);
    expect(parse('ftp://shop.example.com')).toBe(false);
  });

  test('defaults: no sales channel (the location\'s own), 20 s per request, 50 per page', () => {
    expect(MedusaConfigSchema.parse({ baseUrl: 'https://shop.example.com', stockLocationId: 'sloc_1' })).toEqual({
      baseUrl: 'https://shop.example.com',
      stockLocationId: 'sloc_1',
      salesChannelId: null,
      timeoutMs: 20_000,
      pageSize: 50,
    });
  });

  test('unknown fields and odd ids are refused', () => {
    expect(MedusaConfigSchema.safeParse({ baseUrl: 'https://a.example', stockLocationId: 'sloc_1', apiKey: KEY }).success).toBe(false);
    expect(MedusaConfigSchema.safeParse({ baseUrl: 'https://a.example', stockLocationId: '../admin' }).success).toBe(false);
  });

  test('settings the engine saved become an adapter; a location can be chosen later', async () => {
    const adapter = medusaAdapterFactory({ platform: 'medusa', baseUrl: 'http://127.0.0.1:9', locationId: null }, { kind: 'medusa-api-key', apiKey: KEY });
    expect(await adapter.pullOrders({ since: null, page: null, locationId: null })).toMatchObject({ ok: false, code: 'sync.not-configured', retryable: false });
    expect(() => medusaAdapterFactory({ platform: 'medusa', baseUrl: 'http://shop.example.com', locationId: null }, { kind: 'medusa-api-key', apiKey: KEY })).toThrow(
      expect.objectContaining({ code: 'sync.not-configured', message: expect.stringMatching(/baseUrl/) }),
    );
    expect(() => medusaAdapterFactory({ platform: 'medusa', baseUrl: 'https://a.example', locationId: null }, { kind: 'shopify-token', accessToken: 'shpat_0123456789' })).toThrow(expect.objectContaining({ code: 'sync.secret-missing' }));
  });

  test('a key that is not a secret key is refused without echoing it', () => {
    expect(() => createMedusaAdapter({ baseUrl: 'https://a.example', apiKey: 'pk_publishable_key_1234', stockLocationId: 'sloc_1' })).toThrow(/not a secret API key \(sk_…\)$/);
    expect(() => createMedusaAdapter({ baseUrl: 'https://a.example', apiKey: 'pk_publishable_key_1234', stockLocationId: 'sloc_1' })).not.toThrow(/pk_publishable/);
    expect(createMedusaAdapter({ baseUrl: 'https://a.example', apiKey: KEY, stockLocationId: 'sloc_1' }).platform).toBe('medusa');
  });
});
