import type { Database } from '../../db/database';
import { loadPackOrder } from '../../db/repos/pack-orders';
import { listPackages } from '../../db/repos/pack-packages';
import { lastScanSeq, listPackedScans } from '../../db/repos/pack-scans';
import { liveSessionForStation } from '../../db/repos/pack-sessions';
import type { Control, PackState } from './pack-machine';
import { machineLines, type OpenPack } from './open-pack';

/**
 * Rebuilds the pack a station had open from what was committed: the session's control state, its
 * packed scans and its packages. Every acknowledged scan was committed before its feedback, so the
 * pack resumes exactly where the packer saw it.
 */
export async function restorePack(db: Database, stationId: string): Promise<OpenPack | null> {
  const session = await liveSessionForStation(db, stationId);
  if (!session?.control) return null;
  const order = await loadPackOrder(db, session.orderId);
  if (!order) return null;
  const control = JSON.parse(session.control) as Control;
  const packages = await listPackages(db, session.id);
  const scans = await listPackedScans(db, session.id);
  const state: PackState = {
    lines: machineLines(order),
    packed: scans,
    packages: packages.map((p) => ({ index: p.index, boxCode: p.boxCode, tareMg: p.tareMg, weightMg: p.weightMg, expectedWeightMg: p.expectedWeightMg, weighed: p.weighed })),
    control,
  };
  return {
    sessionId: session.id,
    operatorId: session.operatorId,
    startedAt: session.startedAt,
    reopened: session.reopens > 0,
    order,
    state,
    seq: await lastScanSeq(db, session.id),
    lastScan: null,
    lastItemAt: null,
    misScans: session.misScans,
    overrides: session.overrides,
    packageIds: new Map(packages.map((p) => [p.index, p.id])),
    labels: new Map(packages.map((p) => [p.index, { tracking: p.tracking, labelState: p.labelState, labelError: p.labelError }])),
    suggestedBox: null,
  };
}
