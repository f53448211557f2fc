import { normalizeGtin } from '../../../src-shared/barcode';
import type { Queryable } from '../database';
import { sql } from '../sql';
import { insertRows } from './bulk';

export type BarcodeKind = 'gtin' | 'sku' | 'alias' | 'case';

export interface NewBarcode {
  readonly value: string;
  readonly kind: BarcodeKind;
  /** Units the barcode stands for: 1, or 6, 12, 24… for a case. */
  readonly quantity: number;
}

export interface NewProduct {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly variant: string | null;
  readonly unitWeightMg: number | null;
  readonly lengthMm: number | null;
  readonly widthMm: number | null;
  readonly heightMm: number | null;
  readonly imageUrl: string | null;
  readonly bin: string | null;
  readonly requiresSerial: boolean;
  readonly requiresLot: boolean;
  readonly barcodes: readonly NewBarcode[];
}

/** A product with no variant, weight, dimensions, image, bin, serial or lot unless `p` gives them. */
export function newProduct(p: Partial<NewProduct> & Pick<NewProduct, 'id' | 'sku' | 'title' | 'barcodes'>): NewProduct {
  return {
    variant: null,
    unitWeightMg: null,
    lengthMm: null,
    widthMm: null,
    heightMm: null,
    imageUrl: null,
    bin: null,
    requiresSerial: false,
    requiresLot: false,
    ...p,
  };
}

export interface ProductRow {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly variant: string | null;
  readonly unitWeightMg: number | null;
  readonly requiresSerial: boolean;
  readonly requiresLot: boolean;
}

/**
 * The key a barcode is stored and found under. GTINs (kinds `gtin` and `case`) are kept as the 14
 * digits `parseScan` yields for EAN-8/UPC-A/EAN-13/ITF-14 and AI (01) alike, so one product is found
 * whichever symbol the scanner read; SKU and alias labels are kept exactly as printed.
 */
export function barcodeKey(barcode: Pick<NewBarcode, 'value' | 'kind'>): string {
  if (barcode.kind === 'sku' || barcode.kind === 'alias') return barcode.value;
  const gtin = normalizeGtin(barcode.value);
  if (!gtin.ok) throw new Error(`barcode ${barcode.value} (${barcode.kind}) is not a valid GTIN: ${gtin.error.message}`);
  return gtin.gtin;
}

const flag = (value: boolean): number => (value ? 1 : 0);

/** Inserts products and their barcodes in multi-row statements; wrap large catalogs in a transaction. */
export async function insertProducts(db: Queryable, products: readonly NewProduct[], now: string): Promise<void> {
  const rows = products.map(
    (p) => sql`(${p.id}, ${p.sku}, ${p.title}, ${p.variant}, ${p.unitWeightMg}, ${p.lengthMm}, ${p.widthMm}, ${p.heightMm}, ${p.imageUrl}, ${p.bin},
      ${flag(p.requiresSerial)}, ${flag(p.requiresLot)}, ${now})`,
  );
  const barcodes = products.flatMap((p) => p.barcodes.map((b) => sql`(${barcodeKey(b)}, ${p.id}, ${b.kind}, ${b.quantity})`));
  await insertRows(db, sql`INSERT INTO products (id, sku, title, variant, unit_weight_mg, length_mm, width_mm, height_mm, image_url, bin, requires_serial, requires_lot, updated_at)`, rows);
  await insertRows(db, sql`INSERT INTO product_barcodes (value, product_id, kind, quantity)`, barcodes);
}

interface Raw {
  id: string;
  sku: string;
  title: string;
  variant: string | null;
  unit_weight_mg: number | null;
  requires_serial: number;
  requires_lot: number;
}

const COLUMNS = sql`p.id, p.sku, p.title, p.variant, p.unit_weight_mg, p.requires_serial, p.requires_lot`;

function toRow(raw: Raw): ProductRow {
  return {
    id: raw.id,
    sku: raw.sku,
    title: raw.title,
    variant: raw.variant,
    unitWeightMg: raw.unit_weight_mg,
    requiresSerial: raw.requires_serial === 1,
    requiresLot: raw.requires_lot === 1,
  };
}

/**
 * The product a scanned value names, with how many units the barcode stands for (a case counts 6,
 * 12…). Pass the scan's 14-digit `gtin` when it has one, else its text (see `barcodeKey`).
 */
export async function findProductByBarcode(db: Queryable, value: string): Promise<{ product: ProductRow; quantity: number } | null> {
  const raw = await db.get<Raw & { quantity: number }>(sql`SELECT ${COLUMNS}, b.quantity FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.value = ${value}`);
  return raw ? { product: toRow(raw), quantity: raw.quantity } : null;
}

export async function findProductBySku(db: Queryable, sku: string): Promise<ProductRow | null> {
  const raw = await db.get<Raw>(sql`SELECT ${COLUMNS} FROM products p WHERE p.sku = ${sku}`);
  return raw ? toRow(raw) : null;
}

export async function countProducts(db: Queryable): Promise<number> {
  return (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM products`))?.n ?? 0;
}

/**
 * Folds a learned unit weight into a product whose catalog weight is missing or itself an estimate
 * (a weight the catalog gives is never overwritten). Called when a single-product package completes.
 */
export async function recordLearnedUnitWeight(db: Queryable, productId: string, learn: (previous: { meanMg: number; samples: number } | null) => { meanMg: number; samples: number } | null): Promise<boolean> {
  const row = await db.get<{ unit_weight_mg: number | null; weight_is_estimate: number; weight_samples: number }>(
    sql`SELECT unit_weight_mg, weight_is_estimate, weight_samples FROM products WHERE id = ${productId}`,
  );
  if (!row || (row.unit_weight_mg !== null && row.weight_is_estimate === 0)) return false;
  const previous = row.unit_weight_mg !== null && row.weight_samples > 0 ? { meanMg: row.unit_weight_mg, samples: row.weight_samples } : null;
  const next = learn(previous);
  if (!next) return false;
  await db.run(sql`UPDATE products SET unit_weight_mg = ${next.meanMg}, weight_is_estimate = 1, weight_samples = ${next.samples} WHERE id = ${productId}`);
  return true;
}
