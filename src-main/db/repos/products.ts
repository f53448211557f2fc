import type { Queryable } from '../database';
import { sql } from '../sql';

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
  readonly barcodes: readonly { value: string; kind: 'gtin' | 'sku' | 'alias' | 'case'; quantity: number }[];
}

export interface ProductRow {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  readonly variant: string | null;
  readonly unitWeightMg: number | null;
}

export async function insertProducts(db: Queryable, products: readonly NewProduct[], now: string): Promise<void> {
  for (const p of products) {
    await db.run(sql`INSERT INTO products (id, sku, title, variant, unit_weight_mg, length_mm, width_mm, height_mm, image_url, bin, requires_serial, requires_lot, updated_at)
      VALUES (${p.id}, ${p.sku}, ${p.title}, ${p.variant}, ${p.unitWeightMg}, ${p.lengthMm}, ${p.widthMm}, ${p.heightMm}, ${p.imageUrl}, ${p.bin},
        ${p.requiresSerial ? 1 : 0}, ${p.requiresLot ? 1 : 0}, ${now})`);
    for (const b of p.barcodes) {
      await db.run(sql`INSERT INTO product_barcodes (value, product_id, kind, quantity) VALUES (${b.value}, ${p.id}, ${b.kind}, ${b.quantity})`);
    }
  }
}

/** The product a scanned value names, with how many units the barcode stands for (a case counts 6, 12…). */
export async function findProductByBarcode(db: Queryable, value: string): Promise<{ product: ProductRow; quantity: number } | null> {
  const row = await db.get<{ id: string; sku: string; title: string; variant: string | null; unit_weight_mg: number | null; quantity: number }>(
    sql`SELECT p.id, p.sku, p.title, p.variant, p.unit_weight_mg, b.quantity FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.value = ${value}`,
  );
  if (!row) return null;
  return { product: { id: row.id, sku: row.sku, title: row.title, variant: row.variant, unitWeightMg: row.unit_weight_mg }, quantity: row.quantity };
}

export async function listProductsBySku(db: Queryable): Promise<Map<string, ProductRow>> {
  const rows = await db.all<{ id: string; sku: string; title: string; variant: string | null; unit_weight_mg: number | null }>(sql`SELECT id, sku, title, variant, unit_weight_mg FROM products`);
  return new Map(rows.map((r) => [r.sku, { id: r.id, sku: r.sku, title: r.title, variant: r.variant, unitWeightMg: r.unit_weight_mg }]));
}
