import { useEffect } from 'react';
import { api } from '../../store/station-store';
import { takeScans } from '../scan/scan-store';
import { PackBenchView } from './pack-bench-view';
import { PackQueue } from './pack-queue';
import { openCode, startPackFeed, usePack } from './pack-store';
import './pack.css';

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
      const current = usePack.getState().view;
      if (!current || current.phase === 'exception' || current.phase === 'released') void openCode((scan.symbology ?? '') + scan.raw);
    });
    return () => {
      off();
      release();
    };
  }, []);
  if (!view || view.phase === 'released') return <PackQueue />;
  return <PackBenchView view={view} />;
}
