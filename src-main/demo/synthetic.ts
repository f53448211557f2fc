import { withCheckDigit } from '../../src-shared/barcode';
import type { Database } from '../db/database';
import { insertOrders, type NewOrder } from '../db/repos/orders';
import { insertProducts, newProduct, type NewProduct, type ProductRow } from '../db/repos/products';
import { sql } from '../db/sql';

/**
 * Bulk synthetic data for load tests and the start-up and scan benchmarks: 100,000 orders, a million
 * barcodes. Deterministic: the same seed and `now` give the same rows.
 */

/** A small deterministic PRNG (mulberry32). */
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

/** Rows per transaction: one fsync (synchronous=FULL) per chunk instead of one per row. */
const CHUNK = 5000;
const HOUR = 3_600_000;
const CITIES = [['São Paulo', 'BR'], ['Buenos Aires', 'AR'], ['Ciudad de México', 'MX'], ['Bogotá', 'CO'], ['Santiago', 'CL'], ['Lima', 'PE'], ['Montevideo', 'UY']] as const;
const GIVEN = ['Ana', 'João', 'María', 'Lucía', 'Pedro', 'Camila', 'Diego', 'Fernanda', 'Tomás', 'Valentina'];
const FAMILY = ['Silva', 'González', 'Rodríguez', 'Pereira', 'Fernández', 'López', 'Martins', 'Núñez', 'Souza', 'Castro'];

export const syntheticProductId = (i: number): string => `syn-p-${i}`;
/** Barcode numbers per product, so product i's codes never collide with another's whatever the count. */
const MAX_BARCODES = 10;

/**
 * The i-th synthetic barcode: an EAN-13 with a valid check digit under prefix 2, which GS1 reserves
 * for restricted (in-store) circulation, so it is never the GTIN of a real trade item.
 */
export function syntheticGtin(i: number): string {
  return withCheckDigit('2' + String(i).padStart(11, '0'));
}

async function inChunks(count: number, insert: (start: number, end: number) => Promise<void>): Promise<void> {
  for (let start = 0; start < count; start += CHUNK) await insert(start, Math.min(start + CHUNK, count));
}

/**
 * `count` synthetic products with `barcodesPerProduct` GTINs each (250,000 × 4 = a million barcodes),
 * numbered after any synthetic products already present. Returns the range of numbers it used.
 */
export async function insertSyntheticProducts(
  db: Database,
  options: { count: number; seed: number; barcodesPerProduct?: number; now?: Date },
): Promise<{ first: number; count: number }> {
  const random = prng(options.seed);
  const perProduct = options.barcodesPerProduct ?? 1;
  if (perProduct < 1 || perProduct > MAX_BARCODES) throw new RangeError(`barcodesPerProduct is 1 to ${MAX_BARCODES}`);
  const now = (options.now ?? new Date()).toISOString();
  const first = (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM products WHERE id LIKE 'syn-p-%'`))?.n ?? 0;
  await inChunks(options.count, (start, end) => {
    const chunk: NewProduct[] = [];
    for (let i = first + start; i < first + end; i++) chunk.push(syntheticProduct(i, 20_000 + Math.floor(random() * 2_000_000), perProduct));
    return db.transaction((tx) => insertProducts(tx, chunk, now));
  });
  return { first, count: options.count };
}

function syntheticProduct(i: number, unitWeightMg: number, barcodes: number): NewProduct {
  return newProduct({
    id: syntheticProductId(i),
    sku: `SYN-${i}`,
    title: `Synthetic product ${i}`,
    unitWeightMg,
    barcodes: Array.from({ length: barcodes }, (_, b) => ({ value: syntheticGtin(i * MAX_BARCODES + b), kind: 'gtin' as const, quantity: 1 })),
  });
}

export interface SyntheticOrderOptions {
  readonly count: number;
  readonly linesPerOrder: number;
  readonly seed: number;
  /** What lines are drawn from; by default 1,000 synthetic products, created when missing. */
  readonly products?: readonly ProductRow[];
  /** Created and ship-by times are spread around it; defaults to the current time. */
  readonly now?: Date;
}

/**
 * `count` open synthetic orders (platform `synthetic`) of `linesPerOrder` lines each, in multi-row
 * INSERTs, 5,000 orders per transaction. Order ids carry the seed: use another seed to add more.
 */
export async function insertSyntheticOrders(db: Database, options: SyntheticOrderOptions): Promise<void> {
  const random = prng(options.seed);
  const now = (options.now ?? new Date()).getTime();
  const products = options.products ?? (await defaultProducts(db, options.seed));
  if (products.length === 0) throw new Error('insertSyntheticOrders needs at least one product');
  await inChunks(options.count, (start, end) => {
    const chunk: NewOrder[] = [];
    for (let i = start; i < end; i++) chunk.push(syntheticOrder(i, options, products, random, now));
    return db.transaction((tx) => insertOrders(tx, chunk));
  });
}

/** Up to `limit` synthetic products, oldest first, to draw order lines from. */
export async function listSyntheticProducts(db: Database, limit: number): Promise<ProductRow[]> {
  const rows = await db.all<{ id: string; sku: string; title: string; unit_weight_mg: number | null }>(
    sql`SELECT id, sku, title, unit_weight_mg FROM products WHERE id LIKE 'syn-p-%' ORDER BY rowid LIMIT ${limit}`,
  );
  return rows.map((r) => ({ id: r.id, sku: r.sku, title: r.title, variant: null, unitWeightMg: r.unit_weight_mg, requiresSerial: false, requiresLot: false }));
}

async function defaultProducts(db: Database, seed: number): Promise<ProductRow[]> {
  const existing = await listSyntheticProducts(db, 1000);
  if (existing.length > 0) return existing;
  await insertSyntheticProducts(db, { count: 1000, seed: seed + 1 });
  return listSyntheticProducts(db, 1000);
}

function syntheticOrder(i: number, options: SyntheticOrderOptions, products: readonly ProductRow[], random: () => number, now: number): NewOrder {
  const id = `syn-o-${options.seed}-${i}`;
  const [city, country] = CITIES[i % CITIES.length]!;
  const name = `${GIVEN[Math.floor(random() * GIVEN.length)]} ${FAMILY[Math.floor(random() * FAMILY.length)]} ${i}`;
  const createdAt = new Date(now - random() * 72 * HOUR).toISOString();
  return {
    id,
    platform: 'synthetic',
    externalId: id,
    number: `S${options.seed}-${i}`,
    status: 'open',
    customerName: name,
    email: null,
    shipTo: { name, line1: `Rua ${i % 997}, ${i % 1500}`, line2: null, city, region: null, postalCode: null, country },
    carrier: null,
    service: null,
    priority: Math.floor(random() * 4),
    shipBy: new Date(now + (random() * 72 - 12) * HOUR).toISOString(),
    createdAt,
    lines: Array.from({ length: options.linesPerOrder }, (_, l) => {
      const p = products[Math.floor(random() * products.length)]!;
      return { id: `${id}-${l + 1}`, lineNo: l + 1, productId: p.id, sku: p.sku, title: p.title, variant: p.variant, quantity: 1 + Math.floor(random() * 3), unitWeightMg: p.unitWeightMg };
    }),
  };
}
