// The big database of the packing benchmarks: 100,000 open orders and 1,000,000 barcodes
// (250,000 products × 4 GTINs, src-main/demo/synthetic.ts), plus one bench order of 1,000 units
// (10 lines × 100) whose products are spread across the catalog, so each scan looks a barcode up
// among the million. Built once per machine in the temp folder and reused (BENCH_PACK_REBUILD=1
// rebuilds it).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStationDatabase } from '../src-main/db/database';
import { insertOrders } from '../src-main/db/repos/orders';
import { sql } from '../src-main/db/sql';
import { insertSyntheticOrders, insertSyntheticProducts, listSyntheticProducts, syntheticGtin, syntheticProductId } from '../src-main/demo/synthetic';
import { DATABASE_FILE } from '../src-main/station';

export const BENCH_DIR = join(tmpdir(), 'bancada-bench-pack-1m');
export const BENCH_ORDER = 'BENCH-1';
export const BENCH_LINES = 10;
export const UNITS_PER_LINE = 100;
const PRODUCTS = 250_000;
const BARCODES_PER_PRODUCT = 4;
/** syntheticProduct numbers its barcodes i × 10 + b (MAX_BARCODES in synthetic.ts). */
const BARCODE_STRIDE = 10;

/** The products of the bench order: evenly spread over the catalog. */
export function benchProduct(line: number): number {
  return Math.floor(((line + 0.5) * PRODUCTS) / BENCH_LINES);
}

/** The GTIN-13 a scanner reads for the bench order's line (a different one of its four each time). */
export function benchBarcode(line: number, unit: number): string {
  return syntheticGtin(benchProduct(line) * BARCODE_STRIDE + (unit % BARCODES_PER_PRODUCT));
}

export async function ensureBenchDatabase(log: (line: string) => void): Promise<string> {
  const file = join(BENCH_DIR, DATABASE_FILE);
  if (process.env.BENCH_PACK_REBUILD) rmSync(BENCH_DIR, { recursive: true, force: true });
  if (existsSync(join(BENCH_DIR, 'complete'))) return file;
  rmSync(BENCH_DIR, { recursive: true, force: true });
  mkdirSync(BENCH_DIR, { recursive: true });
  const started = Date.now();
  const db = await openStationDatabase(file);
  try {
    await insertSyntheticProducts(db, { count: PRODUCTS, seed: 7, barcodesPerProduct: BARCODES_PER_PRODUCT });
    await insertSyntheticOrders(db, { count: 100_000, linesPerOrder: 3, seed: 1, products: await listSyntheticProducts(db, 1000) });
    const now = new Date().toISOString();
    await db.transaction((tx) =>
      insertOrders(tx, [
        {
          id: 'bench-order',
          platform: 'synthetic',
          externalId: 'bench-order',
          number: BENCH_ORDER,
          status: 'open',
          customerName: 'Bench Customer',
          email: null,
          shipTo: { name: 'Bench Customer', line1: 'Rua 1', line2: null, city: 'São Paulo', region: 'SP', postalCode: '01000-000', country: 'BR' },
          carrier: null,
          service: null,
          priority: 3,
          shipBy: null,
          createdAt: now,
          lines: Array.from({ length: BENCH_LINES }, (_, l) => ({ id: `bench-line-${l}`, lineNo: l + 1, productId: syntheticProductId(benchProduct(l)), sku: `SYN-${benchProduct(l)}`, title: `Synthetic product ${benchProduct(l)}`, variant: null, quantity: UNITS_PER_LINE, unitWeightMg: null })),
        },
      ]),
    );
    const counts = await db.get<{ orders: number; barcodes: number }>(sql`SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM product_barcodes) AS barcodes`);
    log(`built ${BENCH_DIR}: ${counts?.orders.toLocaleString('en')} orders, ${counts?.barcodes.toLocaleString('en')} barcodes in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await db.close();
  }
  mkdirSync(join(BENCH_DIR, 'complete'));
  return file;
}
