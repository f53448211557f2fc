/**
 * A packing bench on a real SQLite file for tests: three products (a shirt with a case pack, a
 * serialised phone, a cream that needs a lot), orders, operators, and a DeviceHub written in a few
 * lines (a real ScanRouter, a scale the test sets, a label printer that keeps what it was sent and
 * can be switched off).
 */
import type { LiveScale } from '../../../../src-shared/domain/scale';
import type { PackView } from '../../../../src-shared/domain/pack';
import type { Database } from '../../../db/database';
import { insertOperator } from '../../../db/repos/operators';
import { insertOrders, type NewOrder } from '../../../db/repos/orders';
import { insertProducts, newProduct, type NewProduct } from '../../../db/repos/products';
import type { DeviceHub, HubPrintRequest } from '../../../devices/device-hub';
import type { PrintOutcome } from '../../../devices/printers/print-service';
import { ScanRouter } from '../../../devices/scan-router';
import { StationLabelSource } from '../label-source';
import { PackBench } from '../pack-bench';
import { DEFAULT_PACK_SCAN_CONFIG } from '../classify-scan';
import { DEFAULT_SHIP_FROM, type PackSettings } from '../pack-settings';

export const NOW = '2026-11-23T10:00:00.000Z';
export const PACKER = { id: 'op-packer', role: 'packer' as const };
export const SUPERVISOR = { id: 'op-super', role: 'supervisor' as const };

export const PRODUCTS: readonly NewProduct[] = [
  newProduct({ id: 'shirt', sku: 'SHIRT-M', title: 'Shirt', variant: 'M', unitWeightMg: 150_000, bin: 'A-1', lengthMm: 300, widthMm: 250, heightMm: 20, barcodes: [{ value: '7798142008215', kind: 'gtin', quantity: 1 }, { value: 'SHIRT-M', kind: 'sku', quantity: 1 }, { value: '17798142008212', kind: 'case', quantity: 3 }] }),
  newProduct({ id: 'phone', sku: 'PHONE-1', title: 'Phone', unitWeightMg: 200_000, requiresSerial: true, barcodes: [{ value: '4006381333931', kind: 'gtin', quantity: 1 }] }),
  newProduct({ id: 'cream', sku: 'CREAM-50', title: 'Cream', unitWeightMg: 60_000, requiresLot: true, barcodes: [{ value: '5901234123457', kind: 'gtin', quantity: 1 }] }),
  newProduct({ id: 'mug', sku: 'MUG', title: 'Mug', unitWeightMg: 300_000, barcodes: [{ value: '9780201379624', kind: 'gtin', quantity: 1 }] }),
  newProduct({ id: 'soap', sku: 'SOAP', title: 'Soap', unitWeightMg: null, barcodes: [{ value: '96385074', kind: 'gtin', quantity: 1 }] }),
];

export function order(id: string, number: string, lines: readonly [productId: string, quantity: number][], status: NewOrder['status'] = 'open'): NewOrder {
  return {
    id,
    platform: 'demo',
    externalId: `ext-${id}`,
    number,
    status,
    customerName: 'Conceição Araújo',
    email: null,
    shipTo: { name: 'Conceição Araújo', line1: 'Rua Câmara 1250', line2: null, city: 'Recife', region: 'PE', postalCode: '52011-100', country: 'BR' },
    carrier: 'Correios',
    service: 'SEDEX',
    priority: 0,
    shipBy: null,
    createdAt: NOW,
    lines: lines.map(([productId, quantity], i) => {
      const p = PRODUCTS.find((x) => x.id === productId)!;
      return { id: `${id}-${i + 1}`, lineNo: i + 1, productId, sku: p.sku, title: p.title, variant: p.variant, quantity, unitWeightMg: p.unitWeightMg };
    }),
  };
}

export async function seedBench(db: Database, orders: readonly NewOrder[]): Promise<void> {
  await db.transaction(async (tx) => {
    await insertOperator(tx, { id: PACKER.id, name: 'Ana', role: 'packer', pinHash: 'x', badge: null, demoPin: null, createdAt: NOW });
    await insertOperator(tx, { id: SUPERVISOR.id, name: 'Marta', role: 'supervisor', pinHash: 'x', badge: null, demoPin: null, createdAt: NOW });
    await insertProducts(tx, PRODUCTS, NOW);
    await insertOrders(tx, orders);
  });
}

/** The scale and printers as a test drives them. */
export class TestHub implements DeviceHub {
  readonly scans = new ScanRouter({ unclaimed: async () => undefined, onError: (error) => this.errors.push(error) });
  readonly errors: unknown[] = [];
  readonly printed: HubPrintRequest[] = [];
  printerUp = true;
  #live: LiveScale = { deviceId: 'sim', status: 'zero', mg: 0, settled: null, simulated: true };
  #listeners = new Set<(live: LiveScale) => void>();
  #seq = 0;
  #jobs = new Map<string, HubPrintRequest>();

  readonly scale = {
    current: () => this.#live,
    subscribe: (listener: (live: LiveScale) => void) => {
      this.#listeners.add(listener);
      return () => this.#listeners.delete(listener);
    },
    zero: async () => undefined,
  };

  /** Puts `grams` on the platter and lets it settle (a new settled seq). */
  settle(grams: number, at = '2099-01-01T00:00:00.000Z'): void {
    this.#seq += 1;
    this.#live = { deviceId: 'sim', status: 'stable', mg: grams * 1000, settled: { mg: grams * 1000, seq: this.#seq, at }, simulated: true };
    for (const l of this.#listeners) l(this.#live);
  }

  disconnectScale(): void {
    this.#live = { deviceId: null, status: 'disconnected', mg: null, settled: null, simulated: false };
  }

  printer(role: 'label' | 'document') {
    return role === 'label' ? ({ language: 'zpl', size: '4x6', dpi: 203 } as const) : null;
  }

  async print(request: HubPrintRequest): Promise<PrintOutcome> {
    const id = `job-${this.#jobs.size + 1}`;
    this.#jobs.set(id, request);
    return this.#send(id, request);
  }

  async retry(jobId: string): Promise<PrintOutcome> {
    return this.#send(jobId, this.#jobs.get(jobId)!);
  }

  #send(id: string, request: HubPrintRequest): PrintOutcome {
    const job = { id, kind: request.kind, printer: 'tcp://127.0.0.1:9100', documentRef: request.documentRef, status: this.printerUp ? 'done' : 'failed', errorCode: this.printerUp ? null : 'printer.connection-refused', attempts: 1, createdAt: NOW, updatedAt: NOW } as const;
    if (!this.printerUp) return { ok: false, error: { code: 'printer.connection-refused', message: 'refused' }, job };
    this.printed.push(request);
    return { ok: true, job };
  }

  async close(): Promise<void> {}
}

export const SETTINGS: PackSettings = {
  tolerance: { grams: 20, percent: 5 },
  openNextOnComplete: false,
  manualConfirmRoles: [],
  weighWithoutScale: 'skip',
  scanConfig: DEFAULT_PACK_SCAN_CONFIG,
  notifyCustomer: true,
  allowPartial: true,
  shipFrom: DEFAULT_SHIP_FROM,
};

export function makeBench(db: Database, hub: DeviceHub | null, settings: Partial<PackSettings> = {}): { bench: PackBench; views: (PackView | null)[] } {
  const views: (PackView | null)[] = [];
  let clock = Date.parse(NOW);
  const bench = new PackBench({
    db,
    now: () => new Date((clock += 1000)),
    stationId: 'station-1',
    settings: { ...SETTINGS, ...settings },
    devices: hub,
    emit: (v) => views.push(v),
    labels: new StationLabelSource({ stationId: 'station-1', shipFrom: DEFAULT_SHIP_FROM, language: () => 'en', fonts: () => Promise.reject(new Error('no PDF in tests')), defaultCarrier: 'Own fleet' }),
  });
  return { bench, views };
}

/** A scan as a wedge scanner delivers it (no AIM id). */
export const wedge = (raw: string) => ({ raw, symbology: null });
