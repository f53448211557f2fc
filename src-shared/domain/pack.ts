import { z } from 'zod';

/**
 * The packing bench as the renderer sees it: one open pack (its lines, packages, phase and the last
 * scan's outcome). Main builds it from the pack state machine (src-main/workflows/pack/pack-machine.ts)
 * and pushes it with every change, so the screen never computes a count itself.
 */

/** What a scan did. Each has its own colour, message and sound on the bench. */
export const SCAN_OUTCOMES = [
  'ok',
  'line-complete',
  'order-complete',
  'wrong-item',
  'too-many',
  'unknown-code',
  'duplicate-serial',
  'needs-serial',
  'needs-lot',
  'weigh-first',
  'undone',
  'command',
  'box',
  'refused',
] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];

/** Outcomes that count as a mis-scan in the metrics. */
export const MIS_SCANS: ReadonlySet<ScanOutcome> = new Set(['wrong-item', 'too-many', 'unknown-code', 'duplicate-serial']);

/**
 * scanning: items go into the current package. weighing: the package waits for a fresh settled weight.
 * weight-off: outside the tolerance, stopped until recount or supervisor override. ready: everything
 * packed and weighed, waiting for "complete". interrupted: the order changed upstream.
 */
export const PACK_PHASES = ['scanning', 'weighing', 'weight-off', 'ready', 'complete', 'exception', 'interrupted', 'released'] as const;
export type PackPhase = (typeof PACK_PHASES)[number];

export const UPSTREAM_CHANGES = ['cancelled', 'edited', 'on-hold', 'fulfilled-elsewhere'] as const;
export type UpstreamChange = (typeof UPSTREAM_CHANGES)[number];

export const PACK_COMMANDS = ['next-package', 'reprint', 'exception', 'cancel', 'complete', 'switch-operator', 'undo', 'recount', 'override', 'skip-weight'] as const;
export type PackCommand = (typeof PACK_COMMANDS)[number];

export const LABEL_STATES = ['none', 'pending', 'printed', 'failed'] as const;

const Id = z.string().min(1).max(64);
const Mg = z.number().int().min(0);

export const PackLineSchema = z.strictObject({
  id: Id,
  sku: z.string(),
  title: z.string(),
  variant: z.string().nullable(),
  bin: z.string().nullable(),
  imageUrl: z.string().nullable(),
  quantity: z.number().int().min(1),
  packed: z.number().int().min(0),
  requiresSerial: z.boolean(),
  requiresLot: z.boolean(),
  unitWeightMg: Mg.nullable(),
  weightIsEstimate: z.boolean(),
});
export type PackLine = z.infer<typeof PackLineSchema>;

export const PackPackageSchema = z.strictObject({
  index: z.number().int().min(1),
  boxCode: z.string().nullable(),
  tareMg: Mg,
  units: z.number().int().min(0),
  weightMg: Mg.nullable(),
  expectedWeightMg: Mg.nullable(),
  weighed: z.enum(['none', 'ok', 'override', 'skipped']),
  tracking: z.string().nullable(),
  labelState: z.enum(LABEL_STATES),
  labelError: z.string().nullable(),
});
export type PackPackage = z.infer<typeof PackPackageSchema>;

export const LastScanSchema = z.strictObject({
  seq: z.number().int().min(0),
  raw: z.string(),
  outcome: z.enum(SCAN_OUTCOMES),
  lineId: z.string().nullable(),
  /** Error code or command name the outcome carries (e.g. `pack.weight-off`, `next-package`). */
  code: z.string().nullable(),
  manual: z.boolean(),
});
export type LastScan = z.infer<typeof LastScanSchema>;

export const PackViewSchema = z.strictObject({
  sessionId: Id,
  orderId: Id,
  orderNumber: z.string(),
  customerName: z.string(),
  city: z.string(),
  country: z.string(),
  carrier: z.string().nullable(),
  operatorId: Id,
  phase: z.enum(PACK_PHASES),
  lines: z.array(PackLineSchema),
  packages: z.array(PackPackageSchema),
  currentPackage: z.number().int().min(1),
  awaiting: z.enum(['serial', 'lot']).nullable(),
  weightOff: z.strictObject({ actualMg: Mg, expectedMg: Mg, offByMg: z.number().int() }).nullable(),
  interruption: z.enum(UPSTREAM_CHANGES).nullable(),
  lastScan: LastScanSchema.nullable(),
  misScans: z.number().int().min(0),
  overrides: z.number().int().min(0),
  reopened: z.boolean(),
  suggestedBox: z.string().nullable(),
  startedAt: z.string(),
  /** Settings `pack.allowPartial`: a short ship may fulfil what is packed. */
  allowPartial: z.boolean(),
  /** The order packed just before this one opened by itself: its labels stay in sight. */
  previous: z
    .strictObject({
      orderNumber: z.string(),
      packages: z.array(z.strictObject({ packageId: z.string(), index: z.number().int(), tracking: z.string().nullable(), labelState: z.enum(LABEL_STATES), labelError: z.string().nullable() })),
    })
    .nullable(),
});
export type PackView = z.infer<typeof PackViewSchema>;

export const BoxPresetSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  lengthMm: z.number().int().min(1),
  widthMm: z.number().int().min(1),
  heightMm: z.number().int().min(1),
  tareMg: Mg,
});
export type BoxPreset = z.infer<typeof BoxPresetSchema>;

export const PackExceptionSchema = z.strictObject({
  id: Id,
  orderId: Id,
  orderNumber: z.string(),
  reason: z.string(),
  note: z.string().nullable(),
  operatorId: Id,
  at: z.string(),
});
export type PackException = z.infer<typeof PackExceptionSchema>;

/** One finished pack's metrics (issue #4, step 12): seconds per order and per item, mis-scans, overrides, reopens. */
export const PackMetricsSchema = z.strictObject({
  sessionId: Id,
  orderId: Id,
  orderNumber: z.string(),
  operatorId: Id,
  state: z.enum(['scanning', 'weighing', 'labelling', 'complete', 'abandoned', 'exception']),
  endedAt: z.string().nullable(),
  seconds: z.number().int().min(0).nullable(),
  units: z.number().int().min(0).nullable(),
  misScans: z.number().int().min(0),
  overrides: z.number().int().min(0),
  reopens: z.number().int().min(0),
});
export type PackMetrics = z.infer<typeof PackMetricsSchema>;

export const SHORT_SHIP_REASONS = ['missing', 'damaged', 'wrong-stock', 'other'] as const;
