/**
 * The demo store's records, built from the demo data set (resources/demo) and, for the orders that
 * keep arriving, from its catalog with a deterministic random source. Pure.
 */
import type { DemoData, DemoOrder, DemoProduct, DemoReturn } from '../../demo/demo-data';
import type { RemoteOrder, RemoteReturn } from '../adapter';
import { demoLineExternalId, demoReturnItemExternalId } from './demo-lines';

const hoursFrom = (now: Date, hours: number): string => new Date(now.getTime() + hours * 3_600_000).toISOString();

/** What the store keeps per order beyond what it serves: units already fulfilled per line. */
export interface StoredOrder extends RemoteOrder {
  readonly fulfilled: Readonly<Record<string, number>>;
}

export function seedOrder(o: DemoOrder, bySku: ReadonlyMap<string, DemoProduct>, seededAt: Date): StoredOrder {
  return {
    externalId: o.number,
    number: o.number,
    state: 'open',
    customerName: o.customerName,
    email: o.email,
    shipTo: { ...o.shipTo },
    carrier: o.carrier,
    service: o.service,
    priority: o.priority,
    shipBy: hoursFrom(seededAt, o.shipByOffsetHours),
    createdAt: hoursFrom(seededAt, o.createdOffsetHours),
    updatedAt: seededAt.toISOString(),
    lines: o.lines.map((l, i) => {
      const p = bySku.get(l.sku);
      return { externalId: demoLineExternalId(o.number, i + 1), sku: l.sku, title: p?.title ?? l.sku, variant: p?.variant ?? null, quantity: l.quantity, barcode: p?.gtin ?? null, unitWeightMg: p?.unitWeightMg ?? null };
    }),
    fulfilled: {},
  };
}

export function seedReturn(r: DemoReturn, bySku: ReadonlyMap<string, DemoProduct>, seededAt: Date): RemoteReturn {
  return {
    externalId: r.rmaNumber,
    rmaNumber: r.rmaNumber,
    orderExternalId: null,
    orderNumber: r.orderNumber,
    customerName: r.customerName,
    state: 'expected',
    createdAt: hoursFrom(seededAt, r.createdOffsetHours),
    updatedAt: seededAt.toISOString(),
    items: r.items.map((item, i) => ({ externalId: demoReturnItemExternalId(r.rmaNumber, i + 1), sku: item.sku, title: bySku.get(item.sku)?.title ?? item.sku, quantity: item.quantity, reason: item.reason })),
  };
}

/**
 * The `sequence`-th order to arrive after the seed: a customer and address taken from the demo
 * orders (they already hold the awkward, accented addresses of nine countries), one to three catalog
 * products, ship-by within the day.
 */
export function arrivingOrder(sequence: number, data: Pick<DemoData, 'orders' | 'products'>, random: () => number, now: Date): StoredOrder {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const who = pick(data.orders);
  const number = `#${5000 + sequence}`;
  const count = 1 + Math.floor(random() * 3);
  const chosen = new Map<string, DemoProduct>();
  while (chosen.size < count) {
    const p = pick(data.products);
    chosen.set(p.sku, p);
  }
  return {
    externalId: number,
    number,
    state: 'open',
    customerName: who.customerName,
    email: who.email,
    shipTo: { ...who.shipTo },
    carrier: who.carrier,
    service: who.service,
    priority: random() < 0.15 ? 2 : 0,
    shipBy: hoursFrom(now, 2 + Math.floor(random() * 8)),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    lines: [...chosen.values()].map((p, i) => ({
      externalId: demoLineExternalId(number, i + 1),
      sku: p.sku,
      title: p.title,
      variant: p.variant,
      quantity: 1 + Math.floor(random() * 2),
      barcode: p.gtin,
      unitWeightMg: p.unitWeightMg,
    })),
    fulfilled: {},
  };
}

/** A customer sends back one unit of an order the store shipped. */
export function arrivingReturn(sequence: number, order: StoredOrder, random: () => number, now: Date): RemoteReturn {
  const line = order.lines[Math.floor(random() * order.lines.length)]!;
  const rma = `RMA-${3000 + sequence}`;
  const reasons = ['damaged', 'wrong-size', 'not-as-described', 'changed-mind'];
  return {
    externalId: rma,
    rmaNumber: rma,
    orderExternalId: order.externalId,
    orderNumber: order.number,
    customerName: order.customerName,
    state: 'expected',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    items: [{ externalId: demoReturnItemExternalId(rma, 1), sku: line.sku, title: line.title, quantity: 1, reason: reasons[Math.floor(random() * reasons.length)]! }],
  };
}
