import { z } from 'zod';
import { DeviceAssignmentsSchema, DeviceStatusSchema, LabelPreviewSchema, PRINT_JOB_STATUSES, PrintJobViewSchema, WedgeConfigSchema } from '../domain/devices';
import { LiveScaleSchema } from '../domain/scale';
import { ScanEventSchema } from '../domain/scan';
import type { DeviceEventName, DeviceMethodName } from './names-devices';
import { None, type MethodSpec } from './spec';

const DiscoveredDeviceSchema = z.strictObject({
  kind: z.enum(['scale', 'scanner', 'serial', 'printer', 'unknown']),
  /** What to assign: a serial path, `vid:pid` in hex, or a printer URI. */
  address: z.string().max(300),
  name: z.string().max(300),
});

/** Only the keyboard wedge hands scans in through the contract; the other scanners are read in main. */
const WedgeScanSchema = ScanEventSchema.extend({ source: z.literal('keyboard'), deviceId: z.null() });

/** Methods of the device layer: health, scans handed in by the renderer, assignment, test prints. */
export const deviceMethods = {
  'devices:status': { input: None, output: z.array(DeviceStatusSchema), access: 'session', audited: false },
  'devices:assignments': { input: None, output: DeviceAssignmentsSchema, access: ['supervisor'], audited: false },
  'devices:assign': { input: DeviceAssignmentsSchema, output: DeviceAssignmentsSchema, access: ['supervisor'], audited: true },
  'devices:discover': { input: None, output: z.array(DiscoveredDeviceSchema), access: ['supervisor'], audited: false },
  'devices:wedge-config': { input: None, output: WedgeConfigSchema, access: 'public', audited: false },
  'devices:set-wedge-config': { input: WedgeConfigSchema, output: WedgeConfigSchema, access: ['supervisor'], audited: true },
  'scale:current': { input: None, output: LiveScaleSchema, access: 'session', audited: false },
  'scale:zero': { input: None, output: z.null(), access: 'session', audited: false },
  /** The simulated scale only (demo mode, `bancada serve --simulate`): what lies on the platter. */
  'scale:simulate': {
    input: z.strictObject({ grams: z.number().min(-1000).max(1_000_000), motion: z.boolean().optional() }),
    output: z.null(),
    access: ['supervisor'],
    audited: false,
  },
  'scans:submit': { input: WedgeScanSchema, output: z.strictObject({ claimed: z.boolean() }), access: 'session', audited: false },
  'print:test': { input: z.strictObject({ role: z.enum(['label', 'document']) }), output: PrintJobViewSchema, access: ['supervisor'], audited: false },
  'print:jobs': {
    input: z.strictObject({ limit: z.number().int().min(1).max(200).optional(), status: z.enum(PRINT_JOB_STATUSES).optional() }),
    output: z.array(PrintJobViewSchema),
    access: 'session',
    audited: false,
  },
  'print:retry': { input: z.strictObject({ jobId: z.string().min(1).max(64) }), output: PrintJobViewSchema, access: 'session', audited: true },
  'print:preview': { input: None, output: LabelPreviewSchema.nullable(), access: ['supervisor'], audited: false },
} as const satisfies Record<DeviceMethodName, MethodSpec>;

export const deviceEvents = {
  'devices:status': z.array(DeviceStatusSchema),
  /** The live scale, at most every LIVE_SCALE_MIN_MS and at once on a state or settled change. */
  'scale:live': LiveScaleSchema,
  /** Every scan the station received, whatever took it (the Devices tab shows the last one). */
  'scans:received': ScanEventSchema,
  /**
   * A scan from a scanner read in main (HID POS, serial) that no workflow took, or that matches the
   * badge pattern: the renderer tries it as a badge, as it does with keyboard-wedge scans.
   */
  'scans:unclaimed': ScanEventSchema,
  'print:job': PrintJobViewSchema,
} as const satisfies Record<DeviceEventName, z.ZodType>;
