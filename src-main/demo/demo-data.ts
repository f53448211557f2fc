import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PinSchema, RoleSchema } from '../../src-shared/domain/types';

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

export interface DemoData {
  readonly products: z.infer<typeof Product>[];
  readonly orders: z.infer<typeof Order>[];
  readonly returns: z.infer<typeof Return>[];
  readonly operators: z.infer<typeof DemoOperator>[];
}

async function loadFile<K extends keyof typeof FILES>(dir: string, name: K): Promise<z.infer<(typeof FILES)[K]>> {
  const file = join(dir, 'demo', `${name}.json`);
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

export async function loadDemoData(resourcesDir: string): Promise<DemoData> {
  const [catalog, orders, returns, operators] = await Promise.all([
    loadFile(resourcesDir, 'catalog'),
    loadFile(resourcesDir, 'orders'),
    loadFile(resourcesDir, 'returns'),
    loadFile(resourcesDir, 'operators'),
  ]);
  return { products: catalog.products, orders: orders.orders, returns: returns.returns, operators: operators.operators };
}

export { seedDemo } from './seed-demo';
