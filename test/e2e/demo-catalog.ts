/** The demo catalog and orders as the e2e tests read them (resources/demo), to pick units to scan. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

export interface DemoProduct {
  sku: string;
  gtin: string | null;
  unitWeightMg: number | null;
  requiresSerial: boolean;
  requiresLot: boolean;
  barcodes: { value: string; kind: string; quantity: number }[];
}

export interface DemoOrder {
  number: string;
  lines: { sku: string; quantity: number }[];
}

export const catalog = (JSON.parse(readFileSync(join(root, 'resources/demo/catalog.json'), 'utf8')) as { products: DemoProduct[] }).products;
export const orders = (JSON.parse(readFileSync(join(root, 'resources/demo/orders.json'), 'utf8')) as { orders: DemoOrder[] }).orders;
export const bySku = new Map(catalog.map((p) => [p.sku, p]));
