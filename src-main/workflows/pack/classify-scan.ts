/**
 * What a scan means at the packing bench, before any database look-up: a command, an order or tote
 * to open, a box, an item (by GTIN or by its printed text: SKU or alias) with any serial, lot and
 * expiry its GS1 element string carries, or plain text (a serial or lot the bench asked for). Pure.
 */
import { parseScan, type ParsedScan, type ScanConfig } from '../../../src-shared/barcode';
import { PACK_COMMANDS, type PackCommand } from '../../../src-shared/domain/pack';

export type ClassifiedScan =
  | { readonly kind: 'command'; readonly command: PackCommand | null; readonly value: string }
  | { readonly kind: 'order' | 'tote'; readonly value: string }
  | { readonly kind: 'box'; readonly value: string }
  | { readonly kind: 'badge'; readonly value: string }
  | {
      readonly kind: 'item';
      /** The key product_barcodes is searched by (barcodeKey: 14-digit GTIN, or the text as printed). */
      readonly key: string;
      readonly read: 'gtin' | 'gs1' | 'text';
      readonly serial: string | null;
      readonly lot: string | null;
      readonly expiry: string | null;
    }
  | { readonly kind: 'bad'; readonly code: string; readonly data: string };

/**
 * The bench's default patterns (a supervisor can replace them in the `pack.scanConfig` setting):
 * command barcodes from the printed command sheet, order numbers as the slip prints them ("#1001",
 * or "ORD-1001" on pick tickets), totes and box presets by prefix.
 */
export const DEFAULT_PACK_SCAN_CONFIG: ScanConfig = {
  patterns: {
    command: '^BC-CMD-(?<value>[A-Z-]+)$',
    badge: '^OP-[0-9A-Z]{3,}$',
    order: ['^#(?<value>[0-9]{3,12})$', '^ORD-(?<value>[0-9A-Za-z-]{1,40})$'],
    tote: '^TOTE-[0-9A-Z]{1,20}$',
    box: '^BOX-[0-9A-Z-]{1,30}$',
  },
};

/** The text printed under a command barcode; the command sheet and the classifier share it. */
export function commandBarcode(command: PackCommand): string {
  return `BC-CMD-${command.toUpperCase()}`;
}

const COMMANDS: ReadonlyMap<string, PackCommand> = new Map(PACK_COMMANDS.map((c) => [c.toUpperCase(), c]));

export function classifyScan(raw: string, config: ScanConfig): ClassifiedScan {
  const parsed = parseScan(raw, config);
  if (!parsed.ok) return { kind: 'bad', code: parsed.error.code, data: raw };
  return fromParsed(parsed);
}

function fromParsed(p: ParsedScan): ClassifiedScan {
  switch (p.kind) {
    case 'command':
      return { kind: 'command', command: COMMANDS.get(p.value ?? '') ?? null, value: p.value ?? p.data };
    case 'order':
    case 'tote':
      return { kind: p.kind, value: p.value ?? p.data };
    case 'box':
      return { kind: 'box', value: p.value ?? p.data };
    case 'badge':
      return { kind: 'badge', value: p.value ?? p.data };
    case 'gtin':
      return { kind: 'item', key: p.gtin!, read: 'gtin', serial: null, lot: null, expiry: null };
    case 'gs1':
    case 'digital-link':
      if (!p.gtin) return { kind: 'bad', code: 'pack.unknown-code', data: p.data };
      return { kind: 'item', key: p.gtin, read: 'gs1', serial: element(p, '21'), lot: element(p, '10'), expiry: expiry(element(p, '17')) };
    case 'sscc':
      return { kind: 'bad', code: 'pack.unknown-code', data: p.data };
    case 'text':
      return { kind: 'item', key: p.data, read: 'text', serial: null, lot: null, expiry: null };
    default: {
      const never: never = p.kind;
      throw new Error(`unknown scan kind ${String(never)}`);
    }
  }
}

function element(p: ParsedScan, ai: string): string | null {
  return p.elements?.find((e) => e.ai === ai)?.value ?? null;
}

/**
 * AI (17) is YYMMDD; DD 00 means the last day of the month (GS1 General Specifications §3.4.2), and
 * YY is read in the window of the 2000s, which is right for expiry dates on today's stock.
 */
export function expiry(yymmdd: string | null): string | null {
  if (!yymmdd || !/^\d{6}$/.test(yymmdd)) return null;
  const year = 2000 + Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (day === 0) day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
