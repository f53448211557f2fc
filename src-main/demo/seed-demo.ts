import type { Database } from '../db/database';
import { appendAudit } from '../db/repos/audit';
import { insertOperator } from '../db/repos/operators';
import { insertOrders, type NewOrder } from '../db/repos/orders';
import { insertProducts, type ProductRow } from '../db/repos/products';
import { insertReturns, type NewReturn } from '../db/repos/returns';
import { getSetting, setSetting } from '../db/repos/settings';
import type { DemoData } from './demo-data';

export interface SeedOptions {
  readonly now: Date;
  readonly hashPin: (pin: string) => Promise<string>;
  readonly stationId: string;
}

const hoursFrom = (now: Date, hours: number): string => new Date(now.getTime() + hours * 3_600_000).toISOString();

/**
 * Fills a new demo station in one transaction: catalog, open orders, expected returns and demo
 * operators (with their PINs kept in `demo_pin` so the login screen can show them). Seeds once:
 * returns false when the database was already seeded.
 */
export async function seedDemo(db: Database, data: DemoData, options: SeedOptions): Promise<boolean> {
  if (await getSetting(db, 'demo.seededAt')) return false;
  // Hash outside the transaction: scrypt is deliberately slow and must not hold the write lock.
  const pinHashes = await Promise.all(data.operators.map((o) => options.hashPin(o.pin)));
  const now = options.now.toISOString();
  const bySku = new Map<string, ProductRow>(data.products.map((p) => [p.sku, { id: `demo-p-${p.sku}`, sku: p.sku, title: p.title, variant: p.variant, unitWeightMg: p.unitWeightMg }]));
  await db.transaction(async (tx) => {
    await insertProducts(tx, data.products.map((p) => ({ ...p, id: bySku.get(p.sku)!.id })), now);
    await insertOrders(tx, data.orders.map((o) => toOrder(o, bySku, options.now)));
    await insertReturns(tx, data.returns.map((r) => toReturn(r, bySku, options.now)));
    for (const [i, o] of data.operators.entries()) {
      await insertOperator(tx, { id: `demo-op-${i + 1}`, name: o.name, role: o.role, pinHash: pinHashes[i]!, badge: o.badge, demoPin: o.pin, createdAt: now });
    }
    await setSetting(tx, 'demo.seededAt', now, options.now);
    await appendAudit(tx, { at: now, stationId: options.stationId, operatorId: null, action: 'demo.seed', subjectType: 'station', subjectId: options.stationId, detail: { products: data.products.length, orders: data.orders.length, returns: data.returns.length } });
  });
  return true;
}

function product(bySku: Map<string, ProductRow>, sku: string, where: string): ProductRow {
  const p = bySku.get(sku);
  if (!p) throw new Error(`demo data: ${where} names SKU ${sku}, which is not in the catalog`);
  return p;
}

function toOrder(o: DemoData['orders'][number], bySku: Map<string, ProductRow>, now: Date): NewOrder {
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
      return { id: `${id}-${i + 1}`, lineNo: i + 1, productId: p.id, sku: p.sku, title: p.title, variant: p.variant, quantity: l.quantity, unitWeightMg: p.unitWeightMg };
    }),
  };
}

function toReturn(r: DemoData['returns'][number], bySku: Map<string, ProductRow>, now: Date): NewReturn {
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
      return { id: `${id}-${i + 1}`, productId: p.id, sku: p.sku, title: p.title, quantity: item.quantity, reason: item.reason };
    }),
  };
}
