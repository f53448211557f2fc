/**
 * Where a keyboard-wedge scan goes. With nobody logged in, it is a badge. Logged in: a code that
 * matches the badge pattern switches operator at once (a shift change takes one scan, on any
 * screen); anything else goes to main (`scans:submit` → the DeviceHub's scan router). When no
 * workflow holds the router and no screen shows scans itself, it is tried as a badge, so an
 * unknown code is said on screen rather than ignored.
 */
import type { ScanEvent } from '../../../src-shared/domain/scan';
import { api, useStation } from '../../store/station-store';
import { loginWithBadge } from '../login/badge-scans';
import { useScans } from './scan-store';

const patterns = new Map<string, RegExp | null>();

function compile(source: string): RegExp | null {
  try {
    return source ? new RegExp(source, 'u') : null;
  } catch {
    return null; // a bad pattern in the settings: no code is taken for a badge by pattern
  }
}

function badgePattern(source: string): RegExp | null {
  if (!patterns.has(source)) patterns.set(source, compile(source));
  return patterns.get(source) ?? null;
}

export async function routeScan(scan: ScanEvent & { readonly source: 'keyboard'; readonly deviceId: null }): Promise<void> {
  const { session } = useStation.getState();
  const { config } = useScans.getState();
  const badge = scan.symbology ? scan.symbology + scan.raw : scan.raw;
  if (!session || badgePattern(config.badgePattern)?.test(scan.raw)) {
    await loginWithBadge(badge);
    return;
  }
  const result = await api().call['scans:submit'](scan);
  if (result.ok && !result.value.claimed && useScans.getState().takers === 0) await loginWithBadge(badge);
}
