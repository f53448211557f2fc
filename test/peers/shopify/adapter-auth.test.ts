// The client-credentials grant of an organisation's own app (store-platforms.md §1.2): one token
// per 24 h, cached, fetched again before it expires; wrong app credentials need a person.
import { afterEach, describe, expect, it } from 'vitest';
import { REFRESH_MARGIN_MS } from '../../../src-main/sync/shopify/auth';
import { startPeer, VirtualClock, type Peer } from './harness';

let peer: Peer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

describe('Shopify client-credentials auth', () => {
  it('reuses its token and fetches a new one before the 24 h expiry', async () => {
    const clock = new VirtualClock();
    peer = await startPeer({ virtual: clock });
    const adapter = peer.adapter({ auth: { kind: 'client-credentials', clientId: peer.emulator.clientId, clientSecret: peer.emulator.clientSecret } });
    expect((await adapter.testConnection()).ok).toBe(true);
    expect((await adapter.testConnection()).ok).toBe(true);
    expect(peer.emulator.tokenGrants()).toBe(1);

    // Just before the refresh point: still the same token.
    clock.advance(86_399_000 - REFRESH_MARGIN_MS - 60_000);
    expect((await adapter.testConnection()).ok).toBe(true);
    expect(peer.emulator.tokenGrants()).toBe(1);

    // Inside the margin the token still works at Shopify, but the adapter replaces it first.
    clock.advance(120_000);
    expect((await adapter.testConnection()).ok).toBe(true);
    expect(peer.emulator.tokenGrants()).toBe(2);
    expect(peer.emulator.requests.filter((r) => r.status === 401)).toEqual([]);
  });

  it('asks again once when Shopify refuses a cached token (revoked)', async () => {
    peer = await startPeer();
    const adapter = peer.adapter({ auth: { kind: 'client-credentials', clientId: peer.emulator.clientId, clientSecret: peer.emulator.clientSecret } });
    expect((await adapter.testConnection()).ok).toBe(true);
    peer.emulator.revokeTokens();
    expect((await adapter.testConnection()).ok).toBe(true);
    expect(peer.emulator.tokenGrants()).toBe(2);
  });

  it('fails as auth-failed, not retryable, with a wrong client secret — and never shows it', async () => {
    peer = await startPeer();
    const adapter = peer.adapter({ auth: { kind: 'client-credentials', clientId: peer.emulator.clientId, clientSecret: 'shpss_notthesecret0000' } });
    const res = await adapter.testConnection();
    expect(res).toMatchObject({ ok: false, code: 'sync.auth-failed', retryable: false });
    expect(JSON.stringify(res)).not.toMatch(/shpss_|shpat_/);
  });

  it('treats a broken token endpoint as retryable', async () => {
    peer = await startPeer();
    peer.emulator.faults.inject({ kind: 'status', status: 502 }, { operation: 'token' });
    const adapter = peer.adapter({ auth: { kind: 'client-credentials', clientId: peer.emulator.clientId, clientSecret: peer.emulator.clientSecret } });
    expect(await adapter.testConnection()).toMatchObject({ ok: false, code: 'sync.server-error', retryable: true });
    expect((await adapter.testConnection()).ok).toBe(true);
  });

  it('refuses a token answer without expires_in as malformed', async () => {
    peer = await startPeer();
    peer.emulator.faults.inject({ kind: 'body', body: '{"access_token":"shpat_x"}' }, { operation: 'token' });
    const adapter = peer.adapter({ auth: { kind: 'client-credentials', clientId: peer.emulator.clientId, clientSecret: peer.emulator.clientSecret } });
    expect(await adapter.testConnection()).toMatchObject({ ok: false, code: 'sync.malformed-response', retryable: false });
  });
});
