import type { Locale } from '../../../src-shared/domain/types';
import type { PackOrder } from '../../db/repos/pack-orders';
import type { DeviceHub } from '../../devices/device-hub';
import type { LabelFonts } from '../../documents/labels/pdf-label';
import { buildPackingSlip, SLIP_CAPTIONS } from '../../documents/slips/packing-slip';
import type { SlipPrinter } from './pack-bench';

/**
 * Prints the packing slip on the document printer when the station has one. A slip that fails to
 * print does not hold the order (the label is what ships it); the print job list shows it for retry.
 */
export function createSlipPrinter(deps: { devices: DeviceHub | null; fonts: () => Promise<LabelFonts>; locale: () => Locale; now: () => Date; onError: (error: unknown) => void }): SlipPrinter {
  return {
    async print(order: PackOrder, packages, packedCounts) {
      const devices = deps.devices;
      if (!devices?.printer('document')) return;
      try {
        const s = order.shipTo;
        const bytes = await buildPackingSlip(
          {
            orderNumber: order.number,
            customerName: order.customerName,
            shipTo: [s.line1, ...(s.line2 ? [s.line2] : []), [s.city, s.region, s.postalCode].filter(Boolean).join(' '), s.country],
            packedAt: deps.now().toISOString().slice(0, 16).replace('T', ' '),
            lines: order.lines.map((l) => ({ sku: l.sku, title: l.title, variant: l.variant, ordered: l.quantity, packed: packedCounts.get(l.id) ?? 0 })),
            packages,
          },
          SLIP_CAPTIONS[deps.locale()],
          await deps.fonts(),
        );
        await devices.print({ role: 'document', kind: 'packing-slip', documentRef: `order:${order.id}/slip`, document: { language: 'pdf', bytes } });
      } catch (error) {
        deps.onError(error);
      }
    },
  };
}
