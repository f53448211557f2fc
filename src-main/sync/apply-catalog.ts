/** What pulled returns and catalog records do to the station's copy. */
import { normalizeGtin } from '../../src-shared/barcode';
import type { ReturnStatus } from '../../src-shared/domain/types';
import type { Transaction } from '../db/database';
import { barcodeKey } from '../db/repos/products';
import {
  addBarcodeIfNew,
  findOrderIdByNumber,
  findProductIdBySku,
  findReturnByExternalId,
  insertUpstreamReturn,
  setReturnStatusFromUpstream,
  upsertUpstreamProduct,
} from '../db/repos/upstream';
import type { Platform, RemoteProduct, RemoteReturn, RemoteReturnState } from './adapter';
import { stableId } from './stable-id';

export type RecordApplied = 'inserted' | 'updated' | 'unchanged' | 'stale' | 'ignored';

const RETURN_STATUS: Readonly<Record<RemoteReturnState, ReturnStatus>> = { expected: 'expected', received: 'received', closed: 'closed', cancelled: 'closed' };

export async function applyRemoteReturn(tx: Transaction, platform: Platform, remote: RemoteReturn, nowIso: string): Promise<RecordApplied> {
  const local = await findReturnByExternalId(tx, platform, remote.externalId);
  if (!local) {
    if (remote.state === 'cancelled' || remote.state === 'closed') return 'ignored';
    const id = stableId('r', platform, remote.externalId);
    const items = [];
    for (const item of remote.items) {
      const product = item.sku ? await findProductIdBySku(tx, item.sku) : null;
      items.push({ id: stableId('ri', id, item.externalId), externalId: item.externalId, productId: product?.id ?? null, sku: item.sku, title: item.title, quantity: item.quantity, reason: item.reason });
    }
    await insertUpstreamReturn(
      tx,
      {
        id,
        platform,
        externalId: remote.externalId,
        rmaNumber: remote.rmaNumber,
        orderNumber: remote.orderNumber,
        orderId: await findOrderIdByNumber(tx, platform, remote.orderNumber),
        customerName: remote.customerName,
        status: RETURN_STATUS[remote.state],
        createdAt: remote.createdAt,
        remoteUpdatedAt: remote.updatedAt,
        items,
      },
      nowIso,
    );
    return 'inserted';
  }
  if (local.remoteUpdatedAt !== null && local.remoteUpdatedAt >= remote.updatedAt) return 'stale';
  // The desk owns a return once it is received here; the platform only closes or cancels one still expected.
  const next = local.status === 'expected' ? RETURN_STATUS[remote.state] : local.status;
  await setReturnStatusFromUpstream(tx, local.id, next, remote.updatedAt, nowIso);
  return next === local.status ? 'unchanged' : 'updated';
}

export async function applyRemoteProduct(tx: Transaction, platform: Platform, remote: RemoteProduct, nowIso: string): Promise<RecordApplied> {
  if (!remote.sku) return 'ignored';
  const existed = await findProductIdBySku(tx, remote.sku);
  const id = await upsertUpstreamProduct(
    tx,
    { id: existed?.id ?? stableId('p', platform, remote.externalId), sku: remote.sku, title: remote.title, variant: remote.variant, unitWeightMg: remote.unitWeightMg, imageUrl: remote.imageUrl },
    nowIso,
  );
  for (const value of remote.barcodes) {
    // A valid GTIN is stored as its 14 digits, like the demo catalog (products.ts barcodeKey); anything else as printed.
    const gtin = normalizeGtin(value);
    await addBarcodeIfNew(tx, id, gtin.ok ? barcodeKey({ value, kind: 'gtin' }) : value, gtin.ok ? 'gtin' : 'alias');
  }
  return existed ? 'updated' : 'inserted';
}
