import { z } from 'zod';
import { ERROR_CODES } from '../errors/codes';
import { DeviceHealthSchema } from './types';

/**
 * The device layer as the screens see it: which device does what at this station (assignments,
 * kept in the settings table under `devices.*`), how each one is doing (health), the print jobs,
 * and the wedge timing. Shared by the contract and the main-side registry.
 */

export const LABEL_LANGUAGES = ['zpl', 'tspl'] as const;
export const LABEL_SIZES = ['4x6', '4x4', '2x1'] as const;
export const SCALE_PROTOCOLS = ['sics', 'nci', 'cas', 'toledo', 'hid'] as const;

const Uri = z.string().min(1).max(300);

/** `devices.scale`: a serial scale by path and protocol, an HID POS scale by vid:pid, or the simulator. */
export const ScaleAssignmentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('serial'), path: z.string().min(1).max(300), protocol: z.enum(['sics', 'nci', 'cas', 'toledo']) }),
  z.strictObject({ kind: z.literal('hid'), vendorId: z.number().int().min(0).max(0xffff), productId: z.number().int().min(0).max(0xffff) }),
  z.strictObject({ kind: z.literal('simulated') }),
]);
export type ScaleAssignment = z.infer<typeof ScaleAssignmentSchema>;

/** `devices.scanner`: extra scanners beside the keyboard wedge (which needs no assignment). */
export const ScannerAssignmentSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('serial'),
    path: z.string().min(1).max(300),
    baudRate: z.number().int().min(300).max(921_600).optional(),
    /** What ends a scan on the line (device-protocols.md §3.3: CR, LF or CRLF; default any of them). */
    terminator: z.enum(['cr', 'lf', 'crlf', 'any']).optional(),
  }),
  z.strictObject({ kind: z.literal('hid'), vendorId: z.number().int().min(0).max(0xffff), productId: z.number().int().min(0).max(0xffff) }),
]);
export type ScannerAssignment = z.infer<typeof ScannerAssignmentSchema>;

/** `devices.printer.label`: the label printer, its language and media. */
export const LabelPrinterAssignmentSchema = z.strictObject({
  uri: Uri,
  language: z.enum(LABEL_LANGUAGES),
  size: z.enum(LABEL_SIZES),
  dpi: z.union([z.literal(203), z.literal(300)]),
});
export type LabelPrinterAssignment = z.infer<typeof LabelPrinterAssignmentSchema>;

/** `devices.printer.document`: A4/Letter PDFs through CUPS (`cups://QUEUE`) or, in Electron, `electron://PRINTER`. */
export const DocumentPrinterAssignmentSchema = z.strictObject({ uri: Uri });
export type DocumentPrinterAssignment = z.infer<typeof DocumentPrinterAssignmentSchema>;

export const DeviceAssignmentsSchema = z.strictObject({
  scale: ScaleAssignmentSchema.nullable(),
  scanners: z.array(ScannerAssignmentSchema).max(8),
  labelPrinter: LabelPrinterAssignmentSchema.nullable(),
  documentPrinter: DocumentPrinterAssignmentSchema.nullable(),
});
export type DeviceAssignments = z.infer<typeof DeviceAssignmentsSchema>;

export const NO_ASSIGNMENTS: DeviceAssignments = { scale: null, scanners: [], labelPrinter: null, documentPrinter: null };

/** Health as the Devices tab shows it: the status bar's fields plus what support asks for. */
export const DeviceStatusSchema = DeviceHealthSchema.extend({
  /** Path, URI or vid:pid, as assigned. */
  address: z.string().max(300),
  /** The code of the last error, for the translated text; `lastError` keeps the English message for support. */
  lastErrorCode: z.enum(ERROR_CODES).nullable(),
  /** Frames the decoder refused (garbage, bad checksums) since the station started. */
  badFrames: z.number().int().min(0),
});
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

export const PRINT_JOB_STATUSES = ['queued', 'sent', 'failed', 'done'] as const;

export const PrintJobViewSchema = z.strictObject({
  id: z.string().min(1).max(64),
  kind: z.string().min(1).max(40),
  printer: z.string().max(300),
  documentRef: z.string().max(300).nullable(),
  status: z.enum(PRINT_JOB_STATUSES),
  errorCode: z.enum(ERROR_CODES).nullable(),
  attempts: z.number().int().min(0),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
});
export type PrintJobView = z.infer<typeof PrintJobViewSchema>;

/** The last label the station printed, as an image: the sink's own render in demo, the ZPL rendered here otherwise. */
export const LabelPreviewSchema = z.strictObject({
  jobId: z.string().max(64).nullable(),
  /** `data:image/png;base64,…` */
  png: z.string().max(4_000_000),
  source: z.enum(['sink', 'render']),
  at: z.string().max(40),
});
export type LabelPreview = z.infer<typeof LabelPreviewSchema>;

/**
 * Keyboard-wedge timing (device-protocols.md §3.1): a burst is judged by its average time per
 * character (onScan.js `avgTimeByChar` 30 ms); a pause longer than `maxKeyGapMs` ends it (onScan.js
 * `timeBeforeScanTest` 100 ms; wider than KeyboardBarcodeScanner's 40 ms so one late key event on a
 * busy machine does not split a scan).
 */
export const WedgeConfigSchema = z.strictObject({
  avgMsPerChar: z.number().int().min(5).max(200),
  maxKeyGapMs: z.number().int().min(5).max(500),
  minLength: z.number().int().min(1).max(64),
  prefix: z.string().max(8),
  suffix: z.string().max(8),
  /** Scans that are operator badges (switch operator) rather than workflow scans; a JavaScript regular expression. */
  badgePattern: z
    .string()
    .max(200)
    .refine((source) => {
      try {
        new RegExp(source, 'u');
        return true;
      } catch {
        return false;
      }
    }, 'not a valid regular expression'),
});
export type WedgeConfig = z.infer<typeof WedgeConfigSchema>;

export const DEFAULT_WEDGE: WedgeConfig = { avgMsPerChar: 30, maxKeyGapMs: 100, minLength: 4, prefix: '', suffix: '', badgePattern: '^OP-[0-9]{1,12}$' };
