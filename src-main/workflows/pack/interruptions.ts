import type { UpstreamChange } from '../../../src-shared/domain/pack';
import type { PackService } from './pack-service';

/** What sync calls when a pulled change hits an order (the signature the sync engine codes against). */
export type OrderInterruption = (orderId: string, change: UpstreamChange) => Promise<void>;

/**
 * The hook for the sync engine: when an order changes upstream (cancelled, edited, put on hold,
 * fulfilled elsewhere) while it is open at this bench, the packer is stopped at once; the pushed
 * view carries the change and the screen says what happened and what to do. Orders not open here
 * are ignored (sync updates their status; the claim check refuses them on open).
 */
export function packInterruptions(pack: Pick<PackService, 'interrupt'>): OrderInterruption {
  return (orderId, change) => pack.interrupt(orderId, change);
}
