/**
 * Every scan at the bench, from any scanner (the router) or the bench's own entry field. Between
 * packs a scanned order number, slip or tote opens that order; while a pack is open the scan is an
 * awaited serial or lot, a command, a box, or an item, and anything else is recorded and refused.
 */
import type { PackView } from '../../../src-shared/domain/pack';
import type { ScanEvent } from '../../../src-shared/domain/scan';
import { AppError } from '../../../src-shared/errors/codes';
import { findOrderIdByCode } from '../../db/repos/pack-orders';
import { serialPackedElsewhere } from '../../db/repos/pack-scans';
import { findProductByBarcode } from '../../db/repos/products';
import { classifyScan, type ClassifiedScan } from './classify-scan';
import { isLive, type OpenPack, type Operator, type PackContext, type ScanMeta, type ScanReply } from './open-pack';
import { requireOrderId } from './open-order';
import { applyBox, runCommand, type FinishCommand } from './pack-commands';
import type { PackEvent } from './pack-machine';
import { applyEvent, noteScan } from './pack-step';

/** What a scan may lead to beyond the open pack: opening an order, and how a pack ends. */
export interface ScanRoutes {
  /** Opens an order from inside the serial queue. */
  readonly open: (orderId: string, who: Operator) => Promise<PackView>;
  readonly finish: FinishCommand;
}

/**
 * `current` is who is at the bench (null when the screen is locked); once the station's sessions are
 * known (`sessionsKnown`), a scan while nobody is logged in is refused.
 */
export async function takeScan(ctx: PackContext, scan: Pick<ScanEvent, 'raw' | 'symbology'>, current: Operator | null, sessionsKnown: boolean, routes: ScanRoutes): Promise<ScanReply> {
  const classified = classifyScan((scan.symbology ?? '') + scan.raw, ctx.deps.settings.scanConfig);
  const pack = ctx.pack;
  if (!pack || !isLive(pack)) return idleScan(ctx, classified, scan, current, routes);
  // A scanner keeps sending while the screen is locked; nobody is accountable for those scans.
  if (!current && sessionsKnown) throw new AppError('auth.required', 'log in to scan');
  const who = current ?? { id: pack.operatorId, role: 'packer' as const };
  return onClassified(ctx, pack, classified, { raw: scan.raw, symbology: scan.symbology, kind: classified.kind, productId: null, operatorId: who.id }, who, routes);
}

/**
 * Between packs (or after one completed) a scanned order number, slip or tote opens that order, and
 * REPRINT reprints the labels of the pack completed on screen (its label may not have printed).
 */
async function idleScan(ctx: PackContext, c: ClassifiedScan, scan: Pick<ScanEvent, 'raw' | 'symbology'>, who: Operator | null, routes: ScanRoutes): Promise<ScanReply> {
  const finished = ctx.pack;
  if (c.kind === 'command' && c.command === 'reprint' && finished) {
    if (!who) throw new AppError('auth.required', 'log in to reprint');
    return routes.finish(finished, 'reprint', { raw: scan.raw, symbology: scan.symbology, kind: 'command', productId: null, operatorId: who.id }, who);
  }
  if (c.kind !== 'order' && c.kind !== 'tote') throw new AppError('pack.not-open', 'no pack is open at this bench');
  if (!who) throw new AppError('auth.required', 'log in to open an order');
  const orderId = await requireOrderId(ctx.deps.db, c.value, c.kind);
  return { outcome: 'command', code: null, view: await routes.open(orderId, who) };
}

async function onClassified(ctx: PackContext, pack: OpenPack, c: ClassifiedScan, meta: ScanMeta, who: Operator, routes: ScanRoutes): Promise<ScanReply> {
  const { db } = ctx.deps;
  const seq = pack.seq + 1;
  if (pack.state.control.awaiting && c.kind !== 'command') return awaitedText(ctx, pack, c, meta);
  switch (c.kind) {
    case 'command':
      if (!c.command) return noteScan(ctx, pack, meta, 'refused', 'pack.unknown-command');
      return runCommand(ctx, pack, c.command, meta, who, routes.finish);
    case 'order':
    case 'tote': {
      const id = await findOrderIdByCode(db, c.value, c.kind);
      return noteScan(ctx, pack, meta, 'refused', id === pack.order.id ? null : 'pack.already-open');
    }
    case 'box':
      return applyBox(ctx, pack, c.value, meta);
    case 'badge':
      return noteScan(ctx, pack, meta, 'refused', 'pack.bad-scan');
    case 'bad':
      return applyEvent(ctx, pack, { type: 'item', seq, productId: null, quantity: 1, serial: null, lot: null, expiry: null, serialUsedElsewhere: false }, meta);
    case 'item':
      return itemScan(ctx, pack, c, await findProductByBarcode(db, c.key), meta);
    default: {
      const never: never = c;
      throw new Error(`unknown classified scan ${JSON.stringify(never)}`);
    }
  }
}

type ItemScan = Extract<ClassifiedScan, { kind: 'item' }>;

async function itemScan(ctx: PackContext, pack: OpenPack, c: ItemScan, found: Awaited<ReturnType<typeof findProductByBarcode>>, meta: ScanMeta): Promise<ScanReply> {
  const productId = found?.product.id ?? null;
  const elsewhere = productId && c.serial ? await serialPackedElsewhere(ctx.deps.db, productId, c.serial, pack.sessionId) : false;
  const event: PackEvent = { type: 'item', seq: pack.seq + 1, productId, quantity: found?.quantity ?? 1, serial: c.serial, lot: c.lot, expiry: c.expiry, serialUsedElsewhere: elsewhere };
  return applyEvent(ctx, pack, event, { ...meta, kind: c.read, productId });
}

/**
 * The serial or lot an item scan is waiting for: the next scan's serial/lot, key, or raw text. A
 * product's own barcode is not one (the packer scanned the next unit, or the unit's GTIN again): it
 * goes to the machine as an item, which refuses it while a serial or lot is awaited, rather than being
 * recorded as the serial or lot while the scanned unit silently goes uncounted.
 */
async function awaitedText(ctx: PackContext, pack: OpenPack, c: Exclude<ClassifiedScan, { kind: 'command' }>, meta: ScanMeta): Promise<ScanReply> {
  const awaiting = pack.state.control.awaiting!;
  const line = pack.order.lines.find((l) => l.id === awaiting.lineId);
  if (c.kind === 'item') {
    const carried = awaiting.kind === 'serial' ? c.serial : c.lot;
    const found = await findProductByBarcode(ctx.deps.db, c.key);
    if (found && (carried === null || found.product.id !== line?.productId)) return itemScan(ctx, pack, c, found, meta);
  }
  const value = awaiting.kind === 'serial' ? (c.kind === 'item' ? (c.serial ?? c.key) : meta.raw) : c.kind === 'item' ? (c.lot ?? c.key) : meta.raw;
  const elsewhere = awaiting.kind === 'serial' && line?.productId ? await serialPackedElsewhere(ctx.deps.db, line.productId, value, pack.sessionId) : false;
  return applyEvent(ctx, pack, { type: 'text', seq: pack.seq + 1, value, serialUsedElsewhere: elsewhere }, { ...meta, kind: awaiting.kind, productId: line?.productId ?? null });
}
