import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { buildUrl, medusaRequest, type MedusaHttpOptions } from './http';

const KEY = 'sk_4f1c2a9be0d34c7e8a6b5d1f0e2c3b4a';

function answering(status: number, body: string, headers: Record<string, string> = {}): { options: MedusaHttpOptions; seen: Request[] } {
  const seen: Request[] = [];
  const options: MedusaHttpOptions = {
    baseUrl: 'http://127.0.0.1:9000',
    apiKey: KEY,
    timeoutMs: 2_000,
    fetch: async (input, init) => {
      seen.push(new Request(input, init));
      return new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
    },
  };
  return { options, seen };
}

const Thing = z.object({ thing: z.object({ id: z.string() }) });
const get = (options: MedusaHttpOptions) => medusaRequest(options, { method: 'GET', path: 'admin/things/1', schema: Thing });

describe('Medusa HTTP requests', () => {
  test('sends the secret key as HTTP Basic with an empty password, never in the URL', async () => {
    const { options, seen } = answering(200, '{"thing":{"id":"t1"}}');
    expect(await get(options)).toEqual({ ok: true, value: { thing: { id: 't1' } } });
    expect(seen[0]!.headers.get('authorization')).toBe(`Basic ${Buffer.from(`${KEY}:`).toString('base64')}`);
    expect(seen[0]!.url).not.toContain(KEY);
  });

  test('writes arrays and operators the way Medusa parses them (qs)', () => {
    const url = new URL(buildUrl('https://shop.example.com/', 'admin/orders', { sales_channel_id: ['sc_1', 'sc_2'], 'updated_at[$gte]': '2026-11-01T00:00:00Z', limit: 50, skipped: undefined }));
    expect(url.searchParams.getAll('sales_channel_id[]')).toEqual(['sc_1', 'sc_2']);
    expect(url.searchParams.get('updated_at[$gte]')).toBe('2026-11-01T00:00:00Z');
    expect(url.searchParams.has('skipped')).toBe(false);
  });

  test.each([
    [401, 'sync.auth-failed', false],
    [403, 'sync.permission-denied', false],
    [404, 'sync.not-found', false],
    [400, 'sync.rejected', false],
    [409, 'sync.rejected', false],
    [408, 'sync.network', true],
    [429, 'sync.throttled', true],
    [500, 'sync.server-error', true],
    [503, 'sync.server-error', true],
  ] as const)('HTTP %i is %s, retryable %s', async (status, code, retryable) => {
    const result = await get(answering(status, '{"type":"not_allowed","message":"Shipment has already been created"}').options);
    expect(result).toMatchObject({ ok: false, code, retryable });
  });

  test('a rejection carries Medusa\'s reason, without control characters', async () => {
    const result = await get(answering(400, JSON.stringify({ type: 'invalid_data', message: 'No stock\u001b[31m reservation\nfound' })).options);
    expect(result).toMatchObject({ ok: false, message: 'GET admin/things/1: HTTP 400 (invalid_data: No stock [31m reservation found)' });
  });

  test('Retry-After in seconds becomes retryAfterMs', async () => {
    expect(await get(answering(429, '{}', { 'retry-after': '3' }).options)).toMatchObject({ code: 'sync.throttled', retryAfterMs: 3_000 });
  });

  test('a network failure is retryable sync.network', async () => {
    const options: MedusaHttpOptions = { ...answering(200, '').options, fetch: async () => { throw new TypeError('fetch failed'); } };
    expect(await get(options)).toMatchObject({ ok: false, code: 'sync.network', retryable: true, message: 'GET admin/things/1: TypeError: fetch failed' });
  });

  test.each([
    ['not JSON', '<html>oops</html>', /not JSON/],
    ['the wrong shape', '{"thing":{"id":5}}', /thing\.id/],
    ['nothing', '', /not JSON/],
  ])('an answer that is %s is sync.malformed-response, not retried', async (_what, body, message) => {
    expect(await get(answering(200, body).options)).toMatchObject({ ok: false, code: 'sync.malformed-response', retryable: false, message: expect.stringMatching(message) });
  });

  test('an endless answer without a length is cut at 8 MB instead of being read into memory', async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(0x20));
        if (sent > 64 * 1024 * 1024) controller.close();
      },
    });
    const options: MedusaHttpOptions = { ...answering(200, '').options, fetch: async () => new Response(endless, { status: 200 }) };
    expect(await get(options)).toMatchObject({ ok: false, code: 'sync.malformed-response', message: expect.stringMatching(/larger than/) });
    expect(sent).toBeLessThanOrEqual(10 * 1024 * 1024);
  });

  test('an answer larger than 8 MB is refused before parsing', async () => {
    const huge = `{"thing":{"id":"${'x'.repeat(9 * 1024 * 1024)}"}}`;
    expect(await get(answering(200, huge).options)).toMatchObject({ ok: false, code: 'sync.malformed-response', message: expect.stringMatching(/larger than/) });
  });
});
