import { describe, expect, it } from 'vitest';
import type { Database } from '../database';
import { tempDatabases } from '../test-db';
import { barcodeKey, countProducts, findProductByBarcode, findProductBySku, insertProducts, type NewProduct } from './products';

const openDatabase = tempDatabases();

const NOW = '2026-11-23T10:00:00.000Z';

const yerba: NewProduct = {
  id: 'p1',
  sku: 'YERBA-1KG',
  title: 'Yerba mate',
  variant: '1 kg',
  unitWeightMg: 1_020_000,
  lengthMm: 200,
  widthMm: 120,
  heightMm: 60,
  imageUrl: null,
  bin: 'B-02-3',
  requiresSerial: false,
  requiresLot: true,
  barcodes: [
    { value: '7790387000016', kind: 'gtin', quantity: 1 },
    { value: '17790387000013', kind: 'case', quantity: 12 },
    { value: 'YERBA-1KG', kind: 'sku', quantity: 1 },
    { value: 'Y1', kind: 'alias', quantity: 1 },
  ],
};

async function withCatalog(products: NewProduct[]): Promise<Database> {
  const db = await openDatabase();
  await db.transaction((tx) => insertProducts(tx, products, NOW));
  return db;
}

describe('products and their barcodes', () => {
  it('finds a product by the 14-digit GTIN a scan yields, whichever symbol was printed', async () => {
    const db = await withCatalog([yerba]);
    const found = await findProductByBarcode(db, '07790387000016');
    expect(found).toEqual({
      product: { id: 'p1', sku: 'YERBA-1KG', title: 'Yerba mate', variant: '1 kg', unitWeightMg: 1_020_000, requiresSerial: false, requiresLot: true },
      quantity: 1,
    });
  });

  it('counts a case barcode as the units it holds', async () => {
    const db = await withCatalog([yerba]);
    expect((await findProductByBarcode(db, '17790387000013'))?.quantity).toBe(12);
  });

  it('finds SKU and alias labels exactly as printed, and nothing for an unknown code', async () => {
    const db = await withCatalog([yerba]);
    expect((await findProductByBarcode(db, 'Y1'))?.product.id).toBe('p1');
    expect((await findProductByBarcode(db, 'YERBA-1KG'))?.product.id).toBe('p1');
    expect(await findProductByBarcode(db, 'y1')).toBeNull();
    expect(await findProductBySku(db, 'YERBA-1KG')).toMatchObject({ id: 'p1' });
    expect(await countProducts(db)).toBe(1);
  });

  it('refuses a GTIN with a wrong check digit, and a barcode two products share', async () => {
    expect(() => barcodeKey({ value: '7790387000017', kind: 'gtin' })).toThrow(/not a valid GTIN/);
    const db = await openDatabase();
    const twin = { ...yerba, id: 'p2', sku: 'YERBA-TWIN', barcodes: [{ value: '07790387000016', kind: 'gtin' as const, quantity: 1 }] };
    await expect(db.transaction((tx) => insertProducts(tx, [yerba, twin], NOW))).rejects.toThrow(/UNIQUE/);
    expect(await countProducts(db)).toBe(0);
  });
});
