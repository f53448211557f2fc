import type { Database, Queryable } from '../db/database';
import { sql, type SqlFragment } from '../db/sql';

/** A small deterministic PRNG (mulberry32): the same seed gives the same database. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = [['São Paulo', 'BR'], ['Buenos Aires', 'AR'], ['Ciudad de México', 'MX'], ['Bogotá', 'CO'], ['Santiago', 'CL'], ['Lima', 'PE'], ['Montevideo', 'UY']] as const;
const ORDERS_PER_INSERT = 400; // 20 columns × 400 rows stays far below SQLite's 32,766 parameters.
const ORDERS_PER_TRANSACTION = 5000;

async function insertRows(tx: Queryable, head: SqlFragment, rows: readonly SqlFragment[]): Promise<void> {
  if (rows.length > 0) await tx.run(sql`${head} VALUES ${sql.join(rows)}`);
}

/** Synthetic products with one GTIN-like barcode each, for the scan benchmarks (up to millions). */
export async function insertSyntheticProducts(db: Database, options: { count: number; seed: number }): Promise<void> {
  const random = prng(options.seed);
  const now = new Date().toISOString();
  for (let start = 0; start < options.count; start += ORDERS_PER_TRANSACTION) {
    const end = Math.min(start + ORDERS_PER_TRANSACTION, options.count);
    await db.transaction(async (tx) => {
      for (let batch = start; batch < end; batch += ORDERS_PER_INSERT) {
        const products: SqlFragment[] = [];
        const barcodes: SqlFragment[] = [];
        for (let i = batch; i < Math.min(batch + ORDERS_PER_INSERT, end); i++) {
          const id = `syn-p-${i}`;
          products.push(sql`(${id}, ${`SYN-${i}`}, ${`Synthetic product ${i}`}, ${50_000 + Math.floor(random() * 2_000_000)}, ${now})`);
          barcodes.push(sql`(${`2${String(i).padStart(12, '0')}`}, ${id}, 'gtin', 1)`);
        }
        await insertRows(tx, sql`INSERT INTO products (id, sku, title, unit_weight_mg, updated_at)`, products);
        await insertRows(tx, sql`INSERT INTO product_barcodes (value, product_id, kind, quantity)`, barcodes);
      }
    });
  }
}

/**
 * `count` open synthetic orders of `linesPerOrder` lines each, in multi-row INSERTs inside large
 * transactions (one fsync per 5,000 orders instead of one per row). Creates 1,000 synthetic
 * products first when the catalog has none of them.
 */
export async function insertSyntheticOrders(db: Database, options: { count: number; linesPerOrder: number; seed: number }): Promise<void> {
  const random = prng(options.seed);
  const have = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM products WHERE id LIKE 'syn-p-%'`);
  const productCount = Math.max(have?.n ?? 0, 1000);
  if ((have?.n ?? 0) === 0) await insertSyntheticProducts(db, { count: productCount, seed: options.seed + 1 });
  const base = Date.now();
  for (let start = 0; start < options.count; start += ORDERS_PER_TRANSACTION) {
    const end = Math.min(start + ORDERS_PER_TRANSACTION, options.count);
    await db.transaction(async (tx) => {
      for (let batch = start; batch < end; batch += ORDERS_PER_INSERT) {
        const orders: SqlFragment[] = [];
        const lines: SqlFragment[] = [];
        for (let i = batch; i < Math.min(batch + ORDERS_PER_INSERT, end); i++) {
          const id = `syn-o-${options.seed}-${i}`;
          const [city, country] = CITIES[i % CITIES.length]!;
          const created = new Date(base - random() * 72 * 3_600_000).toISOString();
          const shipBy = new Date(base + (random() * 72 - 12) * 3_600_000).toISOString();
          orders.push(sql`(${id}, 'synthetic', ${id}, ${`S${i}`}, 'open', ${`Cliente ${i}`}, ${`Cliente ${i}`}, ${`Rua ${i % 997}, ${i % 1500}`}, ${city}, ${country}, ${Math.floor(random() * 4)}, ${shipBy}, ${created}, ${created})`);
          for (let l = 1; l <= options.linesPerOrder; l++) {
            const p = Math.floor(random() * productCount);
            lines.push(sql`(${`${id}-${l}`}, ${id}, ${l}, ${`syn-p-${p}`}, ${`SYN-${p}`}, ${`Synthetic product ${p}`}, ${1 + Math.floor(random() * 3)})`);
          }
        }
        await insertRows(tx, sql`INSERT INTO orders (id, platform, external_id, number, status, customer_name, ship_name, ship_line1, ship_city, ship_country, priority, ship_by, created_at, updated_at)`, orders);
        await insertRows(tx, sql`INSERT INTO order_lines (id, order_id, line_no, product_id, sku, title, quantity)`, lines);
      }
    });
  }
}
