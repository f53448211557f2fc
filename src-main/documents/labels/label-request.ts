import { z } from 'zod';
import { validateSscc } from '../../../src-shared/barcode';
import { LocaleSchema } from '../../../src-shared/domain/types';

/**
 * What a shipping label says, whatever language the printer speaks (ZPL, TSPL, PDF). Parsed strictly:
 * an unknown key is a typo, not something to ignore. Free text (names, address lines) may hold any
 * character at all; the builders escape it (device-protocols.md §5.2). Barcode data may not: a
 * tracking number is letters, digits and hyphens, an SSCC is 18 digits with a valid check digit.
 */

export const LABEL_SIZES = ['4x6', '4x4', '2x1'] as const;
export type LabelSize = (typeof LABEL_SIZES)[number];

export const LABEL_DPIS = [203, 300] as const;
export type LabelDpi = (typeof LABEL_DPIS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const LabelAddressSchema = z.strictObject({
  name: text(80),
  company: text(80).optional(),
  lines: z.array(text(80)).min(1).max(3),
  city: text(60),
  region: text(40),
  postalCode: text(16),
  /** ISO 3166-1 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as BR or AR'),
});
export type LabelAddress = z.infer<typeof LabelAddressSchema>;

/** Carriers print tracking numbers with spaces for people ("1Z 999 AA1…"); the barcode has none. */
const TrackingNumberSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{3,39}$/, '4 to 40 letters, digits or hyphens'));

const SsccSchema = z.string().superRefine((value, ctx) => {
  const result = validateSscc(value);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.error.message });
});

export const LabelRequestSchema = z
  .strictObject({
    shipFrom: LabelAddressSchema,
    shipTo: LabelAddressSchema,
    carrier: text(40),
    service: text(40),
    trackingNumber: TrackingNumberSchema,
    /** Whole milligrams, as the scale layer measures them. */
    weightMg: z.number().int().positive().max(10_000_000_000),
    weightUnit: z.enum(['kg', 'lb']).default('kg'),
    orderNumber: text(40),
    packageIndex: z.number().int().min(1).max(999),
    packageCount: z.number().int().min(1).max(999),
    sscc: SsccSchema.optional(),
    reference: text(40).optional(),
    size: z.enum(LABEL_SIZES).default('4x6'),
    dpi: z.union([z.literal(203), z.literal(300)]).default(203),
    /** Language of the label's captions ("SHIP TO", "PACKAGE 1 OF 2"); the data is printed as given. */
    language: LocaleSchema.default('en'),
  })
  .refine((request) => request.packageIndex <= request.packageCount, {
    message: 'packageIndex cannot be greater than packageCount',
    path: ['packageIndex'],
  });

export type LabelRequest = z.infer<typeof LabelRequestSchema>;
export type LabelRequestInput = z.input<typeof LabelRequestSchema>;

export type LabelRequestResult = { readonly ok: true; readonly value: LabelRequest } | { readonly ok: false; readonly problems: readonly string[] };

/** Parses a label request; every problem is reported as `path: message`, for a person to fix. */
export function parseLabelRequest(input: unknown): LabelRequestResult {
  const parsed = LabelRequestSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(request)'}: ${issue.message}`) };
}
