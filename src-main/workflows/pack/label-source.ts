/**
 * Where a package's shipping label comes from (issue #4, step 7). Two sources today: the platform's
 * own label (a file and tracking number the store or its carrier integration made) and the station's
 * own label for merchants shipping with their own fleet or a local courier, with a tracking reference
 * the station generates. Carrier label purchase (EasyPost, Shippo…) is a third implementation later.
 */
import type { Queryable } from '../../db/database';
import type { PackOrder } from '../../db/repos/pack-orders';
import { nextTrackingNumber } from '../../db/repos/pack-packages';
import type { PrinterInfo } from '../../devices/device-hub';
import type { PrintDocument } from '../../devices/printers/print-service';
import { buildPdfLabel, type LabelFonts } from '../../documents/labels/pdf-label';
import { parseLabelRequest, type LabelAddress, type LabelRequestInput } from '../../documents/labels/label-request';
import { buildTsplLabel } from '../../documents/labels/tspl';
import { buildZplLabel } from '../../documents/labels/zpl';
import type { Locale } from '../../../src-shared/domain/types';
import { AppError } from '../../../src-shared/errors/codes';

export interface LabelPackage {
  readonly index: number;
  readonly count: number;
  readonly weightMg: number | null;
}

export interface Tracking {
  readonly tracking: string;
  readonly carrier: string | null;
}

export interface LabelSource {
  readonly kind: 'station' | 'platform';
  /** Called inside the completing transaction: the tracking number is committed with the pack. */
  assignTracking(tx: Queryable, order: PackOrder, pkg: LabelPackage): Promise<Tracking>;
  /** The document to print, in the printer's language; throws AppError('label.*') on bad data. */
  render(order: PackOrder, pkg: LabelPackage, tracking: Tracking, printer: PrinterInfo): Promise<PrintDocument>;
}

/** A Code 128-safe prefix from the station id: letters and digits only. */
export function trackingPrefix(stationId: string): string {
  const short = stationId.replace(/[^0-9A-Za-z]/g, '').slice(0, 6).toUpperCase();
  return `BC${short || 'ST'}`;
}

/** The station's own tracking reference: BC<station>-<6-digit counter>, unique per station. */
export async function stationTrackingNumber(tx: Queryable, stationId: string): Promise<string> {
  const prefix = trackingPrefix(stationId);
  return `${prefix}-${String(await nextTrackingNumber(tx, prefix)).padStart(6, '0')}`;
}

export interface StationLabelOptions {
  readonly stationId: string;
  readonly shipFrom: LabelAddress;
  readonly language: () => Locale;
  readonly fonts: () => Promise<LabelFonts>;
  /** Carrier name printed when the order names none ("Own fleet"). */
  readonly defaultCarrier: string;
}

export class StationLabelSource implements LabelSource {
  readonly kind = 'station' as const;
  constructor(private readonly options: StationLabelOptions) {}

  async assignTracking(tx: Queryable, order: PackOrder): Promise<Tracking> {
    return { tracking: await stationTrackingNumber(tx, this.options.stationId), carrier: order.carrier ?? this.options.defaultCarrier };
  }

  async render(order: PackOrder, pkg: LabelPackage, tracking: Tracking, printer: PrinterInfo): Promise<PrintDocument> {
    const parsed = parseLabelRequest(labelRequest(order, pkg, tracking, printer, this.options));
    if (!parsed.ok) throw new AppError('label.invalid-request', parsed.problems.join('; '));
    const request = parsed.value;
    if (printer.language === 'zpl') return { language: 'zpl', bytes: Buffer.from(buildZplLabel(request), 'utf8') };
    if (printer.language === 'tspl') return { language: 'tspl', bytes: Buffer.from(buildTsplLabel(request), 'utf8') };
    return { language: 'pdf', bytes: await buildPdfLabel(request, await this.options.fonts()) };
  }
}

/** Free text is passed as it is (the builders escape it); missing address parts become '-'. */
export function labelRequest(order: PackOrder, pkg: LabelPackage, tracking: Tracking, printer: PrinterInfo, options: Pick<StationLabelOptions, 'shipFrom' | 'language' | 'defaultCarrier'>): LabelRequestInput {
  const s = order.shipTo;
  return {
    shipFrom: options.shipFrom,
    shipTo: {
      name: s.name,
      lines: [s.line1, ...(s.line2 ? [s.line2] : [])],
      city: s.city,
      region: s.region ?? '-',
      postalCode: s.postalCode ?? '-',
      country: s.country,
    },
    carrier: tracking.carrier ?? options.defaultCarrier,
    service: order.service ?? '-',
    trackingNumber: tracking.tracking,
    // A package the bench could not weigh still gets a label; 1 g keeps the schema's "positive".
    weightMg: Math.max(pkg.weightMg ?? 1000, 1000),
    orderNumber: order.number,
    packageIndex: pkg.index,
    packageCount: pkg.count,
    size: printer.size,
    dpi: printer.dpi,
    language: options.language(),
  };
}

/**
 * The platform's label: the adapter returns a ready document and its tracking number (Shopify
 * shipping labels, Medusa fulfilment providers). Not wired to an adapter yet: sync owns that side.
 */
export class PlatformLabelSource implements LabelSource {
  readonly kind = 'platform' as const;
  constructor(private readonly fetchLabel: (order: PackOrder, pkg: LabelPackage, printer: PrinterInfo) => Promise<{ tracking: Tracking; document: PrintDocument }>) {}
  readonly #fetched = new Map<string, { tracking: Tracking; document: PrintDocument }>();

  async assignTracking(_tx: Queryable, order: PackOrder, pkg: LabelPackage): Promise<Tracking> {
    const got = this.#fetched.get(`${order.id}/${pkg.index}`);
    if (!got) throw new AppError('pack.label-failed', `no platform label fetched for ${order.number} package ${pkg.index}`);
    return got.tracking;
  }

  /** Fetch before the completing transaction (network), so the transaction never waits on it. */
  async prefetch(order: PackOrder, pkg: LabelPackage, printer: PrinterInfo): Promise<void> {
    this.#fetched.set(`${order.id}/${pkg.index}`, await this.fetchLabel(order, pkg, printer));
  }

  async render(order: PackOrder, pkg: LabelPackage): Promise<PrintDocument> {
    const got = this.#fetched.get(`${order.id}/${pkg.index}`);
    if (!got) throw new AppError('pack.label-failed', `no platform label for ${order.number} package ${pkg.index}`);
    return got.document;
  }
}
