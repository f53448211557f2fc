import { describe, expect, it } from 'vitest';
import { isSecretKey, maskSecrets, redact, REDACTED } from './redact';

describe('which keys are secret', () => {
  it.each(['pin', 'PIN', 'operatorPin', 'newpin', 'pin_hash', 'token', 'accessToken', 'refresh_token', 'clientSecret', 'password', 'Authorization', 'set-cookie', 'apiKey', 'api_key', 'x-api-key', 'shippingPin'])(
    '%s is redacted',
    (key) => expect(isSecretKey(key)).toBe(true),
  );

  it.each(['sku', 'operatorId', 'shippingMethod', 'shipping_address', 'mapping', 'ping', 'orderNumber', 'gtin'])('%s is kept', (key) => expect(isSecretKey(key)).toBe(false));
});

describe('secrets inside text', () => {
  it.each([
    ['Authorization: Bearer eyJabc.def-ghi', 'Authorization: Bearer [redacted]'],
    ['header was bearer abc123', 'header was bearer [redacted]'],
    ['Basic dXNlcjpwYXNz', 'Basic [redacted]'],
    ['printer uses basic auth', 'printer uses basic auth'],
    ['token shpat_0123abcd rejected', 'token [redacted] rejected'],
    ['shpca_1a2b and shppa_3c4d', '[redacted] and [redacted]'],
    ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig_nature', 'jwt [redacted]'],
    ['https://admin:hunter2@shop.example.com/x', 'https://admin:[redacted]@shop.example.com/x'],
    ['/oauth?code=abc&state=ok&access_token=xyz', '/oauth?code=[redacted]&state=ok&access_token=[redacted]'],
    ['medusa key sk_4f1c9a0b2d3e4f5a6b7c8d9e0f1a2b3c refused', 'medusa key [redacted] refused'],
    ['client_secret=s3cr3t-value&grant_type=client_credentials', 'client_secret=[redacted]&grant_type=client_credentials'],
    ['body: client_id=abc&client_secret=xyz', 'body: client_id=abc&client_secret=[redacted]'],
    ['answer {"clientSecret":"hunter2","shippingMethod":"Correios","access_token" : "shp-x"}', 'answer {"clientSecret":"[redacted]","shippingMethod":"Correios","access_token" : "[redacted]"}'],
    ['sku_0123456789abcdefghij stays', 'sku_0123456789abcdefghij stays'],
  ])('%s', (input, expected) => expect(maskSecrets(input)).toBe(expected));

  it('masks before it shortens, so no half of a token survives a cut', () => {
    const text = `${'a'.repeat(8 * 1024 - 10)} shpat_${'f'.repeat(100)}`;
    const masked = maskSecrets(text);
    expect(masked).not.toContain('shpat_');
    expect(masked).not.toContain('ffff');
    expect(masked).toMatch(/…\[truncated from \d+ chars\]$/);
  });
});

describe('redact', () => {
  it('replaces secret keys at any depth, in arrays, maps and error properties', () => {
    const error = Object.assign(new Error('denied'), { token: 'shpat_1' });
    expect(redact({ a: [{ b: { password: 'x' } }], m: new Map([['apiKey', 'k']]), error })).toMatchObject({
      a: [{ b: { password: REDACTED } }],
      m: { apiKey: REDACTED },
      error: { name: 'Error', message: 'denied', token: REDACTED },
    });
  });

  it('turns an AggregateError into its errors', () => {
    const out = redact(new AggregateError([new Error('one'), new Error('two')], 'both failed')) as { errors: { message: string }[] };
    expect(out.errors.map((e) => e.message)).toEqual(['one', 'two']);
  });

  it('uses toJSON where an object defines one, and still redacts what it returns', () => {
    expect(redact({ v: { toJSON: () => ({ pin: '1', ok: true }) } })).toEqual({ v: { pin: REDACTED, ok: true } });
  });

  it('bounds width and depth', () => {
    const wide = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(redact(wide) as object)).toHaveLength(101);
    expect(redact(Array.from({ length: 150 }, (_, i) => i))).toHaveLength(101);
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20; i++) deep = { d: deep };
    expect(JSON.stringify(redact(deep))).toContain('[too deep]');
  });
});
