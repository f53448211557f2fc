import type { LastScan, PackView } from '../../../src-shared/domain/pack';
import type { PackOrder } from '../../db/repos/pack-orders';
import { packedOf, unitsIn, type PackState } from './pack-machine';

export interface LabelInfo {
  readonly tracking: string | null;
  readonly labelState: 'none' | 'pending' | 'printed' | 'failed';
  readonly labelError: string | null;
}

export interface ViewInput {
  readonly sessionId: string;
  readonly operatorId: string;
  readonly startedAt: string;
  readonly order: PackOrder;
  readonly state: PackState;
  readonly lastScan: LastScan | null;
  readonly misScans: number;
  readonly overrides: number;
  readonly reopened: boolean;
  readonly labels: ReadonlyMap<number, LabelInfo>;
  readonly suggestedBox: string | null;
  readonly previous: PackView['previous'];
  readonly allowPartial: boolean;
}

/** The screen's whole picture of a pack, rebuilt from the machine state after every change. */
export function buildView(v: ViewInput): PackView {
  const { order, state } = v;
  return {
    sessionId: v.sessionId,
    orderId: order.id,
    orderNumber: order.number,
    customerName: order.customerName,
    city: order.shipTo.city,
    country: order.shipTo.country,
    carrier: order.carrier,
    operatorId: v.operatorId,
    phase: state.control.phase,
    lines: order.lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      title: l.title,
      variant: l.variant,
      bin: l.bin,
      imageUrl: l.imageUrl,
      quantity: l.quantity,
      packed: packedOf(state, l.id),
      requiresSerial: l.requiresSerial,
      requiresLot: l.requiresLot,
      unitWeightMg: l.unitWeightMg,
      weightIsEstimate: l.weightIsEstimate,
    })),
    packages: state.packages.map((p) => {
      const label = v.labels.get(p.index);
      return {
        index: p.index,
        boxCode: p.boxCode,
        tareMg: p.tareMg,
        units: unitsIn(state, p.index),
        weightMg: p.weightMg,
        expectedWeightMg: p.expectedWeightMg,
        weighed: p.weighed,
        tracking: label?.tracking ?? null,
        labelState: label?.labelState ?? 'none',
        labelError: label?.labelError ?? null,
      };
    }),
    currentPackage: state.control.current,
    awaiting: state.control.awaiting?.kind ?? null,
    weightOff: state.control.weightOff,
    interruption: state.control.interruption,
    lastScan: v.lastScan,
    misScans: v.misScans,
    overrides: v.overrides,
    reopened: v.reopened,
    suggestedBox: v.suggestedBox,
    startedAt: v.startedAt,
    previous: v.previous,
    allowPartial: v.allowPartial,
  };
}
