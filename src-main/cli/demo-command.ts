import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStationDatabase } from '../db/database';
import { insertSyntheticOrders } from '../demo/synthetic';
import { DATABASE_FILE } from '../station';
import { defaultDataDir } from './data-dir';
import type { CliContext } from './serve-command';

export const DEMO_USAGE = `bancada demo synthetic --orders 100000 [--data-dir DIR] [--seed 1]

Fills a station database with synthetic open orders, for load tests and the start-up benchmark.
Never run it against a real station's data folder.`;

/** `bancada demo synthetic`: bulk synthetic orders into a (new) station database. */
export async function demoCommand(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'synthetic') {
    ctx.stderr(DEMO_USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: [...rest],
    options: { orders: { type: 'string', default: '100000' }, 'data-dir': { type: 'string' }, seed: { type: 'string', default: '1' } },
    strict: true,
  });
  const count = Number(values.orders);
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
    ctx.stderr(`bancada demo synthetic: --orders must be a whole number from 1 to 5,000,000, got "${values.orders}"`);
    return 2;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  await mkdir(dataDir, { recursive: true });
  const db = await openStationDatabase(join(dataDir, DATABASE_FILE));
  try {
    const started = Date.now();
    await insertSyntheticOrders(db, { count, linesPerOrder: 3, seed: Number(values.seed) });
    ctx.stdout(`${count} synthetic orders written to ${dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await db.close();
  }
}
