import { parseScan, type ParsedScan } from '../../src-shared/barcode';

export const BARCODE_USAGE = `bancada barcode parse <data>

Reads one scan as the station would and prints one JSON object: symbology, kind (gs1, gtin, sscc,
digital-link, text), GTIN, SSCC and GS1 elements with their values as printed. Exit 0 when valid,
2 with {"ok":false,"error":{"code","message"}} when not. <data> may start with an AIM identifier
(]C1, ]d2, ]E0…); write the group separator as the byte 0x1D or as \\x1d.`;

interface Output {
  stdout(line: string): void;
  stderr(line: string): void;
}

/** `bancada barcode parse <data>`: the scan path's barcode reading, for support at a station. */
export async function barcodeCommand(argv: readonly string[], ctx: Output): Promise<number> {
  const [sub, data, ...extra] = argv;
  if (sub !== 'parse' || data === undefined || extra.length > 0) {
    ctx.stderr(BARCODE_USAGE);
    return 2;
  }
  const result = parseScan(unescapeGroupSeparators(data));
  if (!result.ok) {
    ctx.stdout(JSON.stringify({ ok: false, error: { code: result.error.code, message: result.error.message } }));
    return 2;
  }
  ctx.stdout(JSON.stringify(toJson(result)));
  return 0;
}

/** A shell cannot easily pass the byte 0x1D, so `\x1d` (any case) stands for it. */
export function unescapeGroupSeparators(data: string): string {
  return data.replace(/\\x1d/gi, '\x1d');
}

function toJson(scan: ParsedScan): Record<string, unknown> {
  return {
    ok: true,
    symbology: scan.symbology,
    kind: scan.kind,
    ...(scan.gtin === undefined ? {} : { gtin: scan.gtin }),
    ...(scan.sscc === undefined ? {} : { sscc: scan.sscc }),
    ...(scan.addOn === undefined ? {} : { addOn: scan.addOn }),
    ...(scan.value === undefined ? {} : { value: scan.value }),
    ...(scan.elements === undefined ? {} : { elements: scan.elements.map(({ ai, value }) => ({ ai, value })) }),
    data: scan.data,
  };
}
