/**
 * Which device does what at this station, kept in the settings table (one row per role, so changing
 * the label printer never rewrites the scale):
 *
 *   devices.scale              {kind:'serial',path,protocol} | {kind:'hid',vendorId,productId} | {kind:'simulated'}
 *   devices.scanner            [{kind:'serial',path,baudRate?,terminator?} | {kind:'hid',vendorId,productId}]
 *   devices.printer.label      {uri, language: zpl|tspl, size: 4x6|4x4|2x1, dpi: 203|300}
 *   devices.printer.document   {uri}   (cups://QUEUE, or electron://PRINTER in the desktop app)
 *
 * A row that no longer parses (hand-edited, an older version) counts as unassigned and is logged,
 * never thrown at start-up.
 */
import type { z } from 'zod';
import {
  DEFAULT_WEDGE,
  WedgeConfigSchema,
  type WedgeConfig,
  DocumentPrinterAssignmentSchema,
  LabelPrinterAssignmentSchema,
  NO_ASSIGNMENTS,
  ScaleAssignmentSchema,
  ScannerAssignmentSchema,
  type DeviceAssignments,
} from '../../../src-shared/domain/devices';
import type { Queryable } from '../../db/database';
import { getSetting, setSetting } from '../../db/repos/settings';

export const ASSIGNMENT_KEYS = {
  scale: 'devices.scale',
  scanners: 'devices.scanner',
  labelPrinter: 'devices.printer.label',
  documentPrinter: 'devices.printer.document',
} as const satisfies Record<keyof DeviceAssignments, string>;

export async function loadAssignments(db: Queryable, onBadRow: (key: string, problem: string) => void = () => undefined): Promise<DeviceAssignments> {
  const read = async <T>(key: string, schema: z.ZodType<T>): Promise<T | null> => {
    const value = await getSetting<unknown>(db, key);
    if (value === null) return null;
    const parsed = schema.safeParse(value);
    if (!parsed.success) onBadRow(key, parsed.error.message);
    return parsed.success ? parsed.data : null;
  };
  const scanners = await read(ASSIGNMENT_KEYS.scanners, ScannerAssignmentSchema.array());
  return {
    scale: await read(ASSIGNMENT_KEYS.scale, ScaleAssignmentSchema),
    scanners: scanners ?? [],
    labelPrinter: await read(ASSIGNMENT_KEYS.labelPrinter, LabelPrinterAssignmentSchema),
    documentPrinter: await read(ASSIGNMENT_KEYS.documentPrinter, DocumentPrinterAssignmentSchema),
  };
}

/** Writes every role (null clears it: the setting holds JSON null). Call inside a transaction with its audit row. */
export async function saveAssignments(db: Queryable, assignments: DeviceAssignments, now: Date): Promise<void> {
  await setSetting(db, ASSIGNMENT_KEYS.scale, assignments.scale, now);
  await setSetting(db, ASSIGNMENT_KEYS.scanners, assignments.scanners, now);
  await setSetting(db, ASSIGNMENT_KEYS.labelPrinter, assignments.labelPrinter, now);
  await setSetting(db, ASSIGNMENT_KEYS.documentPrinter, assignments.documentPrinter, now);
}

/** Settings key of the keyboard-wedge timing and the badge pattern (WedgeConfigSchema); unset: DEFAULT_WEDGE. */
export const WEDGE_SETTING = 'scan.wedge';

export async function loadWedgeConfig(db: Queryable): Promise<WedgeConfig> {
  return WedgeConfigSchema.catch(DEFAULT_WEDGE).parse((await getSetting<unknown>(db, WEDGE_SETTING)) ?? DEFAULT_WEDGE);
}

/** What `bancada serve` flags set for this run: each given role replaces the saved one, the rest stay. */
export function withOverrides(saved: DeviceAssignments, overrides: Partial<DeviceAssignments>): DeviceAssignments {
  return { ...NO_ASSIGNMENTS, ...saved, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
}
