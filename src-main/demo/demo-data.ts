import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PinSchema, RoleSchema } from '../../src-shared/domain/types';
import { barcodeKey } from '../db/repos/products';

/**
 * The demo store's data set: `resources/demo/*.json`, written by scripts/generate-demo-data.mjs.
 * Validated on load so a hand-edited file fails with its name and the bad field, not mid-seed.
 */
const Barcode = z.strictObject({ value: z.string().min(1), kind: z.enum(['gtin', 'sku', 'alias', 'case']), quantity: z.number().int().min(1) });
const Product = z.strictObject({
  sku: z.string().min(1),
  title: z.string().min(1),
  variant: z.string().nullable(),
  gtin: z.string().regex(/^\d{14}$/),
  unitWeightMg: z.number().int().min(0),
  lengthMm: z.number().int().min(1),
  widthMm: z.number().int().min(1),
  heightMm: z.number().int().min(1),
  bin: z.string(),
  imageUrl: z.string().nullable(),
  requiresSerial: z.boolean(),
  requiresLot: z.boolean(),
  barcodes: z.array(Barcode).min(1),
});
const Order = z.strictObject({
  number: z.string().min(1),
  customerName: z.string().min(1),
  email: z.string(),
  shipTo: z.strictObject({ name: z.string(), line1: z.string(), line2: z.string().nullable(), city: z.string(), region: z.string(), postalCode: z.string(), country: z.string().length(2) }),
  carrier: z.string(),
  service: z.string(),
  priority: z.number().int().min(0).max(3),
  createdOffsetHours: z.number(),
  shipByOffsetHours: z.number(),
  lines: z.array(z.strictObject({ sku: z.string(), quantity: z.number().int().min(1) })).min(1),
});
const Return = z.strictObject({
  rmaNumber: z.string().min(1),
  orderNumber: z.string().min(1),
  customerName: z.string().min(1),
  createdOffsetHours: z.number(),
  items: z.array(z.strictObject({ sku: z.string(), quantity: z.number().int().min(1), reason: z.string() })).min(1),
});
const DemoOperator = z.strictObject({ name: z.string().min(1), role: RoleSchema, pin: PinSchema, badge: z.string().min(3) });

const FILES = {
  catalog: z.strictObject({ products: z.array(Product) }),
  orders: z.strictObject({ orders: z.array(Order) }),
  returns: z.strictObject({ returns: z.array(Return) }),
  operators: z.strictObject({ operators: z.array(DemoOperator) }),
} as const;

export type DemoProduct = z.infer<typeof Product>;
export type DemoOrder = z.infer<typeof Order>;
export type DemoReturn = z.infer<typeof Return>;
export type DemoOperatorEntry = z.infer<typeof DemoOperator>;

export interface DemoData {
  readonly products: DemoProduct[];
  readonly orders: DemoOrder[];
  readonly returns: DemoReturn[];
  readonly operators: DemoOperatorEntry[];
}

const fileOf = (dir: string, name: keyof typeof FILES): string => join(dir, 'demo', `${name}.json`);

async function loadFile<K extends keyof typeof FILES>(dir: string, name: K): Promise<z.infer<(typeof FILES)[K]>> {
  const file = fileOf(dir, name);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`demo data ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = FILES[name].safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`demo data ${file} is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown problem'}`);
  }
  return parsed.data as z.infer<(typeof FILES)[K]>;
}

function isValidKey(barcode: Pick<DemoProduct['barcodes'][number], 'value' | 'kind'>): boolean {
  try {
    barcodeKey(barcode);
    return true;
  } catch {
    return false;
  }
}

/** The first value seen twice, or null. */
function firstDuplicate(values: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) return v;
    seen.add(v);
  }
  return null;
}

/**
 * What a single file's schema cannot see: names that must be unique (they become keys in SQLite)
 * and SKUs that orders and returns must find in the catalog. Returns [file, problem] or null.
 */
export function crossCheck(data: DemoData): [keyof typeof FILES, string] | null {
  const skus = new Set(data.products.map((p) => p.sku));
  const barcodes = data.products.flatMap((p) => p.barcodes);
  const gtins = [...data.products.map((p) => ({ value: p.gtin, kind: 'gtin' as const })), ...barcodes];
  const checks: [keyof typeof FILES, string, string | null][] = [
    ['catalog', 'SKU used twice', firstDuplicate(data.products.map((p) => p.sku))],
    ['catalog', 'not a valid GTIN', gtins.find((b) => !isValidKey(b))?.value ?? null],
    ['catalog', 'barcode used twice', firstDuplicate(barcodes.filter(isValidKey).map(barcodeKey))],
    ['orders', 'order number used twice', firstDuplicate(data.orders.map((o) => o.number))],
    ['orders', 'line names an SKU not in catalog.json', data.orders.flatMap((o) => o.lines.map((l) => l.sku)).find((sku) => !skus.has(sku)) ?? null],
    ['returns', 'RMA number used twice', firstDuplicate(data.returns.map((r) => r.rmaNumber))],
    ['returns', 'item names an SKU not in catalog.json', data.returns.flatMap((r) => r.items.map((i) => i.sku)).find((sku) => !skus.has(sku)) ?? null],
    ['operators', 'badge used twice', firstDuplicate(data.operators.map((o) => o.badge))],
  ];
  const failed = checks.find(([, , value]) => value !== null);
  return failed ? [failed[0], `${failed[1]}: ${failed[2]}`] : null;
}

/** Reads and validates `resourcesDir/demo/*.json`; a bad file fails with its path and the problem. */
export async function loadDemoData(resourcesDir: string): Promise<DemoData> {
  const [catalog, orders, returns, operators] = await Promise.all([
    loadFile(resourcesDir, 'catalog'),
    loadFile(resourcesDir, 'orders'),
    loadFile(resourcesDir, 'returns'),
    loadFile(resourcesDir, 'operators'),
  ]);
  const data = { products: catalog.products, orders: orders.orders, returns: returns.returns, operators: operators.operators };
  const problem = crossCheck(data);
  if (problem) throw new Error(`demo data ${fileOf(resourcesDir, problem[0])} is invalid: ${problem[1]}`);
  return data;
}

export { isDemoSeeded, seedDemo } from './seed-demo';
