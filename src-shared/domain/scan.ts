import { z } from 'zod';

/** Where a scan came from. Every scanner, whatever its transport, produces the same ScanEvent. */
export const SCAN_SOURCES = ['keyboard', 'hid', 'serial', 'simulated'] as const;
export type ScanSource = (typeof SCAN_SOURCES)[number];

/**
 * One scan, normalised: the data as the scanner sent it (group separators as U+001D, prefix and
 * suffix stripped, terminator removed), the AIM symbology identifier when the scanner sent one
 * (`]C1`, `]d2`, `]E0`…; null when it did not), where it came from and when (ISO-8601 UTC).
 * `raw` keeps the AIM id out: it is in `symbology`.
 */
export const ScanEventSchema = z.strictObject({
  raw: z.string().min(1).max(4096),
  symbology: z
    .string()
    .regex(/^\][A-Za-z][0-9A-Za-z]$/)
    .nullable(),
  source: z.enum(SCAN_SOURCES),
  /** The device that produced it (registry id), null for the keyboard wedge. */
  deviceId: z.string().min(1).max(64).nullable(),
  at: z.string().min(1).max(40),
});
export type ScanEvent = z.infer<typeof ScanEventSchema>;
