import { describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../src-shared/domain/scan';
import { ScanRouter } from './scan-router';

const scan = (raw: string): ScanEvent => ({ raw, symbology: null, source: 'simulated', deviceId: null, at: '2026-11-23T10:00:00.000Z' });

describe('ScanRouter', () => {
  it('hands scans to the claimant, else to the unclaimed path, and stops after release', async () => {
    const seen: string[] = [];
    const router = new ScanRouter({ unclaimed: async (s) => void seen.push(`free:${s.raw}`), onError: () => undefined });
    await router.push(scan('a'));
    const release = router.claim(async (s) => void seen.push(`pack:${s.raw}`));
    await router.push(scan('b'));
    release();
    await router.push(scan('c'));
    expect(seen).toEqual(['free:a', 'pack:b', 'free:c']);
  });

  it('delivers one at a time in arrival order even when a handler is slow', async () => {
    const seen: string[] = [];
    const router = new ScanRouter({ unclaimed: async () => undefined, onError: () => undefined });
    router.claim(async (s) => {
      await new Promise((r) => setTimeout(r, s.raw === '1' ? 30 : 0));
      seen.push(s.raw);
    });
    await Promise.all([router.push(scan('1')), router.push(scan('2')), router.push(scan('3'))]);
    expect(seen).toEqual(['1', '2', '3']);
  });

  it('reports a failing handler and keeps delivering the next scans', async () => {
    const errors: string[] = [];
    const seen: string[] = [];
    const router = new ScanRouter({ unclaimed: async () => undefined, onError: (e, s) => void errors.push(`${s.raw}:${(e as Error).message}`) });
    router.claim(async (s) => {
      if (s.raw === 'bad') throw new Error('boom');
      seen.push(s.raw);
    });
    await router.push(scan('bad'));
    await router.push(scan('ok'));
    expect(errors).toEqual(['bad:boom']);
    expect(seen).toEqual(['ok']);
  });

  it('a release from an earlier claimant does not drop the current one', async () => {
    const seen: string[] = [];
    const router = new ScanRouter({ unclaimed: async (s) => void seen.push(`free:${s.raw}`), onError: () => undefined });
    const releaseOld = router.claim(async (s) => void seen.push(`old:${s.raw}`));
    router.claim(async (s) => void seen.push(`new:${s.raw}`));
    releaseOld();
    await router.push(scan('x'));
    expect(seen).toEqual(['new:x']);
  });
});
