// Scan handling inside the main process alone (issue #4): from a scan handed to the pack service to
// its outcome committed (scan row + session state, synchronous=FULL) and the view built, over 1,000
// scans against 100,000 orders and 1,000,000 barcodes. Prints p50/p99 and peak RSS; asserts only
// that the work was real (every unit packed).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import { openStationDatabase } from '../src-main/db/database';
import { insertOperator } from '../src-main/db/repos/operators';
import { DEFAULT_PACK_SCAN_CONFIG } from '../src-main/workflows/pack/classify-scan';
import { StationLabelSource } from '../src-main/workflows/pack/label-source';
import { PackBench } from '../src-main/workflows/pack/pack-bench';
import { DEFAULT_SHIP_FROM } from '../src-main/workflows/pack/pack-settings';
import { BENCH_LINES, BENCH_ORDER, benchBarcode, ensureBenchDatabase, UNITS_PER_LINE } from './pack-fixture';

it('handles 1,000 scans in main with 100,000 orders and 1,000,000 barcodes', async () => {
  const source = await ensureBenchDatabase((line) => console.log(line));
  const dir = mkdtempSync(join(tmpdir(), 'bancada-bench-pack-main-'));
  copyFileSync(source, join(dir, 'b.sqlite'));
  const db = await openStationDatabase(join(dir, 'b.sqlite'));
  try {
    const packer = { id: 'bench-packer', role: 'packer' as const };
    await insertOperator(db, { id: packer.id, name: 'Bench', role: 'packer', pinHash: 'x', badge: null, demoPin: null, createdAt: new Date().toISOString() });
    const bench = new PackBench({
      db,
      now: () => new Date(),
      stationId: 'bench-station',
      settings: { tolerance: { grams: 20, percent: 5 }, openNextOnComplete: false, manualConfirmRoles: [], weighWithoutScale: 'skip', scanConfig: DEFAULT_PACK_SCAN_CONFIG, notifyCustomer: true, allowPartial: false, shipFrom: DEFAULT_SHIP_FROM },
      devices: null,
      emit: () => undefined,
      labels: new StationLabelSource({ stationId: 'bench-station', shipFrom: DEFAULT_SHIP_FROM, language: () => 'en', fonts: () => Promise.reject(new Error('no fonts')), defaultCarrier: 'Own fleet' }),
    });
    await bench.openByCode(BENCH_ORDER, packer);
    const samples: number[] = [];
    let packed = 0;
    for (let unit = 0; unit < UNITS_PER_LINE; unit++) {
      for (let line = 0; line < BENCH_LINES; line++) {
        const t0 = performance.now();
        const reply = await bench.scan({ raw: benchBarcode(line, unit), symbology: ']E0' });
        samples.push(performance.now() - t0);
        if (reply.outcome === 'ok' || reply.outcome === 'line-complete' || reply.outcome === 'order-complete') packed++;
      }
    }
    expect(packed).toBe(BENCH_LINES * UNITS_PER_LINE);
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * q))]!.toFixed(2);
    console.log(`pack scan in main (lookup among 1,000,000 barcodes, commit with synchronous=FULL, view built): p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${samples.at(-1)!.toFixed(2)} ms (n=${samples.length})`);
    console.log(`main process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
