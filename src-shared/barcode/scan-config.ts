import { z } from 'zod';
import { barcodeFailure, type BarcodeFailure } from './errors';

/** The station's own barcodes, told apart by patterns a supervisor sets (regular expressions). */
export const PATTERN_KINDS = ['command', 'badge', 'order', 'tote', 'box'] as const;
export type PatternKind = (typeof PATTERN_KINDS)[number];

/**
 * Patterns are JavaScript regular expressions (Unicode mode) tested against the scanned data after
 * the AIM identifier; anchor them (`^ORD-\d+$`). A named group `value` or the first group, when
 * present, is what the workflow receives as the value (`^ORD-(\d+)$` → `1001`). They are tried in
 * PATTERN_KINDS order, before any GS1 or GTIN reading, so a station can claim any barcode.
 */
export interface ScanConfig {
  readonly patterns?: { readonly [K in PatternKind]?: string | readonly string[] };
}

const Pattern = z.string().min(1).max(500).refine((source) => compilePattern(source) !== null, { message: 'not a valid regular expression' });
const Patterns = z.union([Pattern, z.array(Pattern).max(20)]).optional();

/** Validates scan settings before they are saved, so a bad pattern never reaches the scan path. */
export const ScanConfigSchema = z.strictObject({
  patterns: z.strictObject({ command: Patterns, badge: Patterns, order: Patterns, tote: Patterns, box: Patterns }).optional(),
});

export interface CompiledScanConfig {
  readonly patterns: readonly (readonly [PatternKind, RegExp])[];
}

const CACHE = new WeakMap<ScanConfig, CompiledScanConfig | BarcodeFailure>();

/**
 * Compiles the patterns once per config object (cached by identity, so treat a config as
 * immutable: new settings, new object). Never compiles on the scan path twice.
 */
export function compileScanConfig(config: ScanConfig): CompiledScanConfig | BarcodeFailure {
  const cached = CACHE.get(config);
  if (cached) return cached;
  const patterns: (readonly [PatternKind, RegExp])[] = [];
  let result: CompiledScanConfig | BarcodeFailure = { patterns };
  for (const kind of PATTERN_KINDS) {
    const sources = config.patterns?.[kind];
    for (const source of typeof sources === 'string' ? [sources] : (sources ?? [])) {
      const regex = compilePattern(source);
      if (!regex) {
        result = barcodeFailure('barcode.bad-pattern', `the ${kind} pattern ${JSON.stringify(source)} is not a valid regular expression`, { kind });
        break;
      }
      patterns.push([kind, regex]);
    }
    if ('error' in result) break;
  }
  CACHE.set(config, result);
  return result;
}

/** The first pattern that matches `data`, with the value it picks out; null when none does. */
export function matchPattern(config: CompiledScanConfig, data: string): { readonly kind: PatternKind; readonly value: string } | null {
  for (const [kind, regex] of config.patterns) {
    const match = regex.exec(data);
    if (match) return { kind, value: match.groups?.['value'] ?? match[1] ?? match[0] };
  }
  return null;
}

function compilePattern(source: string): RegExp | null {
  try {
    return new RegExp(source, 'u');
  } catch {
    return null;
  }
}
