import type { Database, Queryable } from '../db/database';
import { appendAudit } from '../db/repos/audit';
import { insertOperator } from '../db/repos/operators';
import { insertOrders, type NewOrder } from '../db/repos/orders';
import { barcodeKey, insertProducts, type NewBarcode, type NewProduct } from '../db/repos/products';
import { insertReturns, type NewReturn } from '../db/repos/returns';
import { demoLineExternalId, demoReturnItemExternalId } from '../sync/demo/demo-lines';
import { getSetting, setSetting } from '../db/repos/settings';
import type { DemoData, DemoOrder, DemoProduct, DemoReturn } from './demo-data';

export interface SeedOptions {
  readonly now: Date;
  /** The auth service's PIN hash (scrypt); injected because the auth service owns it. */
  readonly hashPin: (pin: string) => Promise<string>;
  readonly stationId: string;
}

export const SEEDED_AT = 'demo.seededAt';

/** Whether this database already holds the demo store (so start-up need not read the demo files). */
export async function isDemoSeeded(db: Database): Promise<boolean> {
  return (await getSetting(db, SEEDED_AT)) !== null;
}

const hoursFrom = (now: Date, hours: number): string => new Date(now.getTime() + hours * 3_600_000).toISOString();
const productId = (sku: string): string => `demo-p-${sku}`;

/**
 * Fills a new demo station in one transaction: catalog, open orders, expected returns and demo
 * operators (their PINs kept in `demo_pin` so the login screen can show them). Seeds once: returns
 * false, and changes nothing, when the database was already seeded.
 */
export async function seedDemo(db: Database, data: DemoData, options: SeedOptions): Promise<boolean> {
  if (await isDemoSeeded(db)) return false;
  // Hash before the transaction: scrypt is deliberately slow and must not hold the write lock.
  const pinHashes = await Promise.all(data.operators.map((o) => options.hashPin(o.pin)));
  const now = options.now.toISOString();
  const bySku = new Map(data.products.map((p) => [p.sku, p]));
  return db.transaction(async (tx) => {
    // Checked again under the write lock: two starts racing must not seed twice.
    if (await getSetting(tx, SEEDED_AT)) return false;
    await insertProducts(tx, data.products.map(toProduct), now);
    await insertOrders(tx, data.orders.map((o) => toOrder(o, bySku, options.now)));
    await insertReturns(tx, data.returns.map((r) => toReturn(r, bySku, options.now)));
    await insertOperators(tx, data, pinHashes, now);
    await setSetting(tx, SEEDED_AT, now, options.now);
    await appendAudit(tx, {
      at: now,
      stationId: options.stationId,
      operatorId: null,
      action: 'demo.seed',
      subjectType: 'station',
      subjectId: options.stationId,
      detail: { products: data.products.length, orders: data.orders.length, returns: data.returns.length, operators: data.operators.length },
    });
    return true;
  });
}

async function insertOperators(tx: Queryable, data: DemoData, pinHashes: readonly string[], now: string): Promise<void> {
  for (const [i, o] of data.operators.entries()) {
    await insertOperator(tx, { id: `demo-op-${i + 1}`, name: o.name, role: o.role, pinHash: pinHashes[i]!, badge: o.badge, demoPin: o.pin, createdAt: now });
  }
}

/** The catalog's `gtin` is findable even when no printed barcode carries it in that form. */
function toProduct(p: DemoProduct): NewProduct {
  const barcodes: NewBarcode[] = [...p.barcodes];
  const keys = new Set(barcodes.map(barcodeKey));
  if (!keys.has(barcodeKey({ value: p.gtin, kind: 'gtin' }))) barcodes.push({ value: p.gtin, kind: 'gtin', quantity: 1 });
  return { ...p, id: productId(p.sku), barcodes };
}

function product(bySku: ReadonlyMap<string, DemoProduct>, sku: string, where: string): DemoProduct {
  const p = bySku.get(sku);
  if (!p) throw new Error(`demo data: ${where} names SKU ${sku}, which is not in the catalog`);
  return p;
}

function toOrder(o: DemoOrder, bySku: ReadonlyMap<string, DemoProduct>, now: Date): NewOrder {
  const id = `demo-o-${o.number.replace(/\W/g, '')}`;
  return {
    id,
    platform: 'demo',
    externalId: o.number,
    number: o.number,
    status: 'open',
    customerName: o.customerName,
    email: o.email,
    shipTo: o.shipTo,
    carrier: o.carrier,
    service: o.service,
    priority: o.priority,
    shipBy: hoursFrom(now, o.shipByOffsetHours),
    createdAt: hoursFrom(now, o.createdOffsetHours),
    lines: o.lines.map((l, i) => {
      const p = product(bySku, l.sku, `order ${o.number}`);
      return { id: `${id}-${i + 1}`, lineNo: i + 1, productId: productId(p.sku), sku: p.sku, title: p.title, variant: p.variant, quantity: l.quantity, unitWeightMg: p.unitWeightMg, externalId: demoLineExternalId(o.number, i + 1) };
    }),
  };
}

function toReturn(r: DemoReturn, bySku: ReadonlyMap<string, DemoProduct>, now: Date): NewReturn {
  const id = `demo-r-${r.rmaNumber.replace(/\W/g, '')}`;
  return {
    id,
    platform: 'demo',
    externalId: r.rmaNumber,
    rmaNumber: r.rmaNumber,
    orderNumber: r.orderNumber,
    customerName: r.customerName,
    status: 'expected',
    createdAt: hoursFrom(now, r.createdOffsetHours),
    items: r.items.map((item, i) => {
      const p = product(bySku, item.sku, `return ${r.rmaNumber}`);
      return { id: `${id}-${i + 1}`, productId: productId(p.sku), sku: p.sku, title: p.title, quantity: item.quantity, reason: item.reason, externalId: demoReturnItemExternalId(r.rmaNumber, i + 1) };
    }),
  };
}
