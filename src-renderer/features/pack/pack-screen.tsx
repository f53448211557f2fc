import { useEffect } from 'react';
import { api, useStation } from '../../store/station-store';
import { takeScans, useScans } from '../scan/scan-store';
import { PackBenchView } from './pack-bench-view';
import { PackQueue } from './pack-queue';
import { openCode, startPackFeed, usePack } from './pack-store';
import './pack.css';

function isBadge(raw: string): boolean {
  try {
    const pattern = useScans.getState().config.badgePattern;
    return pattern !== '' && new RegExp(pattern, 'u').test(raw);
  } catch {
    return false;
  }
}

/**
 * The packing bench: the queue until an order is open, then the bench. While nothing is open a
 * scanned order number, slip or tote opens that order (scans reach main through the wedge capture;
 * while a pack is open main's pack service holds the scan router and answers through `pack:view`).
 */
export function PackScreen() {
  const view = usePack((s) => s.view);
  useEffect(() => startPackFeed(), []);
  useEffect(() => {
    const release = takeScans();
    const off = api().on['scans:received']((scan) => {
      // A badge switches operator (the wedge capture and main see to it); it is not an order.
      if (isBadge(scan.raw)) return;
      const current = usePack.getState().view;
      if (!current || current.phase === 'exception' || current.phase === 'released') void openCode((scan.symbology ?? '') + scan.raw);
    });
    return () => {
      off();
      release();
    };
  }, []);
  const dismissed = usePack((s) => s.dismissed);
  const operatorId = useStation((s) => s.session?.operator.id);
  // A finished pack stays on screen until its packer leaves it; after that, or for anyone else, the queue.
  const finished = view !== null && (view.phase === 'complete' || view.phase === 'exception');
  if (!view || view.phase === 'released' || (finished && (view.sessionId === dismissed || view.operatorId !== operatorId))) return <PackQueue />;
  return <PackBenchView view={view} />;
}
