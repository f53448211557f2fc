import { z } from 'zod';
import { BoxPresetSchema, PACK_COMMANDS, PackExceptionSchema, PackMetricsSchema, PackViewSchema, SCAN_OUTCOMES, SHORT_SHIP_REASONS } from '../domain/pack';
import type { PackEventName, PackMethodName } from './names-pack';
import { None, type MethodSpec } from './spec';

const Id = z.string().min(1).max(64);
/** What a scanner can send: printable text and the GS1 group separator, never control codes beyond it. */
const ScanText = z
  .string()
  .min(1)
  .max(4096)
  .refine((text) => ![...text].some((c) => c !== '\u001d' && (c < ' ' || c === '\u007f')), 'no control characters except the GS1 separator');

const ScanReplySchema = z.strictObject({
  outcome: z.enum(SCAN_OUTCOMES),
  code: z.string().nullable(),
  view: PackViewSchema.nullable(),
});

/** Methods of the packing bench. Every change a person is accountable for is audited in main. */
export const packMethods = {
  'pack:current': { input: None, output: PackViewSchema.nullable(), access: 'session', audited: false },
  'pack:open': { input: z.strictObject({ orderId: Id }), output: PackViewSchema, access: ['packer'], audited: true },
  /** An order number, slip or pick-ticket barcode, or tote, scanned or typed on the queue screen. */
  'pack:open-code': { input: z.strictObject({ code: ScanText.max(200) }), output: PackViewSchema, access: ['packer'], audited: true },
  /** The bench's own entry field (and tests); scanners reach the same path through the scan router. */
  'pack:scan': {
    input: z.strictObject({ raw: ScanText, symbology: z.string().regex(/^\][A-Za-z][0-9A-Za-z]$/).nullable().default(null) }),
    output: ScanReplySchema,
    access: ['packer'],
    audited: false,
  },
  'pack:command': { input: z.strictObject({ command: z.enum(PACK_COMMANDS) }), output: ScanReplySchema, access: ['packer'], audited: true },
  /** A unit with an unreadable label; main checks the permission and records it flagged. */
  'pack:manual-confirm': { input: z.strictObject({ lineId: Id }), output: ScanReplySchema, access: ['packer'], audited: true },
  /** A weight outside the tolerance accepted by a supervisor: their id and PIN, or the supervisor at the bench. */
  'pack:override': {
    input: z.strictObject({ supervisorId: Id.optional(), pin: z.string().regex(/^[0-9]{4,8}$/).optional() }),
    output: ScanReplySchema,
    access: ['packer'],
    audited: true,
  },
  'pack:box': { input: z.strictObject({ code: z.string().min(1).max(40) }), output: ScanReplySchema, access: ['packer'], audited: false },
  'pack:boxes': { input: None, output: z.array(BoxPresetSchema), access: 'session', audited: false },
  'pack:exception': {
    input: z.strictObject({ reason: z.enum(SHORT_SHIP_REASONS), note: z.string().trim().max(500).nullable().default(null), partial: z.boolean().default(false) }),
    output: PackViewSchema.nullable(),
    access: ['packer'],
    audited: true,
  },
  'pack:release': { input: None, output: PackViewSchema.nullable(), access: ['packer'], audited: true },
  'pack:reprint': { input: z.strictObject({ packageId: Id.optional() }), output: PackViewSchema.nullable(), access: ['packer'], audited: true },
  'pack:label-pending': {
    input: None,
    output: z.array(z.strictObject({ packageId: Id, orderId: Id, orderNumber: z.string(), index: z.number().int(), labelState: z.enum(['pending', 'failed', 'none', 'printed']) })),
    access: 'session',
    audited: false,
  },
  'pack:exceptions': { input: None, output: z.array(PackExceptionSchema), access: ['supervisor'], audited: false },
  /**
   * A supervisor settles an exception: `requeue` puts the order back on the packing queue and asks the
   * store to release the hold; `close` keeps it out of the queue (handled on the store, or cancelled).
   */
  'pack:resolve-exception': {
    input: z.strictObject({ id: z.string().min(1).max(64), action: z.enum(['requeue', 'close']) }),
    output: z.null(),
    access: ['supervisor'],
    audited: true,
  },
  /** The printable sheet of command barcodes, as a PDF (base64), captions in the station's language. */
  'pack:command-sheet': { input: None, output: z.strictObject({ pdfBase64: z.string() }), access: 'session', audited: false },
  /** Finished packs since an instant (default: the last 24 hours), for the supervisor dashboard. */
  'pack:metrics': { input: z.strictObject({ since: z.iso.datetime().optional() }), output: z.array(PackMetricsSchema), access: ['supervisor'], audited: false },
} as const satisfies Record<PackMethodName, MethodSpec>;

export const packEvents = {
  /** The open pack after every change (null: nothing open). */
  'pack:view': PackViewSchema.nullable(),
} as const satisfies Record<PackEventName, z.ZodType>;
