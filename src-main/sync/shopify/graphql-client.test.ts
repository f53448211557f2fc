import { describe, expect, it } from 'vitest';
import { ShopConnectionSchema } from './response-schemas';
import { GraphqlClient } from './graphql-client';

const THROTTLED = { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] };

function client(answers: readonly unknown[]) {
  const slept: number[] = [];
  let clock = 1_000_000;
  let sent = 0;
  const graphql = new GraphqlClient({
    fetch: async () => Response.json(answers[Math.min(sent++, answers.length - 1)]),
    now: () => clock,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    timeoutMs: 2_000,
    closed: new AbortController().signal,
    endpoint: 'https://x.myshopify.com/admin/api/2026-10/graphql.json',
    tokens: { token: async () => ({ ok: true, value: 'shpat_0123456789abcdef' }), invalidate: () => undefined },
  });
  return { graphql, slept, sent: () => sent };
}

const cost = (currentlyAvailable: number) => ({ requestedQueryCost: 100, actualQueryCost: 100, throttleStatus: { maximumAvailable: 2000, currentlyAvailable, restoreRate: 100 } });

describe('the GraphQL client on THROTTLED', () => {
  it('waits at least a second between tries when the answer carries no cost report', async () => {
    const { graphql, slept, sent } = client([THROTTLED]);
    const result = await graphql.request('ShopConnection', {}, ShopConnectionSchema);
    expect(result).toMatchObject({ ok: false, code: 'sync.throttled', retryable: true, retryAfterMs: 1_000 });
    expect(sent()).toBe(4);
    expect(slept).toEqual([1_000, 1_000, 1_000]);
  });

  it('waits what the last known restore rate needs to refill the request\'s whole cost', async () => {
    // A first answer teaches the bucket (100 points/s) and the cost (300); then Shopify throttles without saying more.
    const { graphql, slept } = client([{ errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }], extensions: { cost: { ...cost(2000), requestedQueryCost: 300 } } }, THROTTLED]);
    await graphql.request('ShopConnection', {}, ShopConnectionSchema);
    const result = await graphql.request('ShopConnection', {}, ShopConnectionSchema);
    expect(slept).toEqual([3_000, 3_000, 3_000]);
    expect(result).toMatchObject({ code: 'sync.throttled', retryAfterMs: 3_000 });
  });
});
