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
 *
 * `scaleSeq` is the scale's settlement number now: the weight baseline restarts from it, because the
 * stored one counted another process's settlements (the registry numbers them from 1 at every start,
 * so the old baseline would refuse every fresh weight until the count caught up), and a weight that
 * settled before the restore may be the previous box's. Only a weight that settles afterwards counts.
 */
export async function restorePack(db: Database, stationId: string, scaleSeq: number): Promise<OpenPack | null> {
  const session = await liveSessionForStation(db, stationId);
  if (!session?.control) return null;
  const order = await loadPackOrder(db, session.orderId);
  if (!order) return null;
  const control: Control = { ...(JSON.parse(session.control) as Control), baselineSeq: scaleSeq };
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
