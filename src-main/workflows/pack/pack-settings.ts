import { ScanConfigSchema, type ScanConfig } from '../../../src-shared/barcode';
import type { Role } from '../../../src-shared/domain/types';
import type { Queryable } from '../../db/database';
import { getSetting } from '../../db/repos/settings';
import type { LabelAddress } from '../../documents/labels/label-request';
import { DEFAULT_PACK_SCAN_CONFIG } from './classify-scan';
import { DEFAULT_TOLERANCE, type Tolerance } from './weight-check';

/** The bench's settings, read once when the pack service starts (and again on `reload`). */
export interface PackSettings {
  readonly tolerance: Tolerance;
  /** Open the next waiting order as soon as one completes. */
  readonly openNextOnComplete: boolean;
  /** Roles allowed to confirm a unit by hand (an unreadable label); supervisors always may. */
  readonly manualConfirmRoles: readonly Role[];
  /** With no scale connected, a package is recorded unweighed instead of blocking the bench. */
  readonly weighWithoutScale: 'skip' | 'block';
  readonly scanConfig: ScanConfig;
  readonly notifyCustomer: boolean;
  /** A short ship may fulfil what is packed (partial fulfilment) instead of holding the order. */
  readonly allowPartial: boolean;
  readonly shipFrom: LabelAddress;
}

export const DEFAULT_SHIP_FROM: LabelAddress = { name: 'Expedición', company: 'Bancada Demo', lines: ['Av. Corrientes 1234'], city: 'Buenos Aires', region: 'CABA', postalCode: 'C1043', country: 'AR' };

export async function loadPackSettings(db: Queryable): Promise<PackSettings> {
  const grams = await getSetting<number>(db, 'pack.weightToleranceGrams');
  const percent = await getSetting<number>(db, 'pack.weightTolerancePercent');
  const scan = ScanConfigSchema.safeParse(await getSetting<unknown>(db, 'pack.scanConfig'));
  return {
    tolerance: { grams: grams ?? DEFAULT_TOLERANCE.grams, percent: percent ?? DEFAULT_TOLERANCE.percent },
    openNextOnComplete: (await getSetting<boolean>(db, 'pack.openNextOnComplete')) ?? true,
    manualConfirmRoles: (await getSetting<Role[]>(db, 'pack.manualConfirmRoles')) ?? ['supervisor'],
    weighWithoutScale: (await getSetting<'skip' | 'block'>(db, 'pack.weighWithoutScale')) ?? 'skip',
    // A bad stored config falls back to the defaults rather than leaving the bench unable to scan.
    scanConfig: scan.success && scan.data.patterns ? (scan.data as ScanConfig) : DEFAULT_PACK_SCAN_CONFIG,
    notifyCustomer: (await getSetting<boolean>(db, 'pack.notifyCustomer')) ?? true,
    allowPartial: (await getSetting<boolean>(db, 'pack.allowPartial')) ?? false,
    shipFrom: (await getSetting<LabelAddress>(db, 'pack.shipFrom')) ?? DEFAULT_SHIP_FROM,
  };
}
