import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../src-shared/errors/codes';
import { parseLabelRequest, type LabelRequest } from '../documents/labels/label-request';
import { buildPdfLabel, loadLabelFonts } from '../documents/labels/pdf-label';
import { buildTsplLabel } from '../documents/labels/tspl';
import { buildZplLabel } from '../documents/labels/zpl';

export const LABEL_USAGE = `bancada label render --input <request.json> --format zpl|tspl|pdf --out <file>

Writes a shipping label for a label request (ship-from, ship-to, carrier, service, tracking number,
weight in mg, order number, package i of n, optional SSCC, size 4x6|4x4|2x1, dpi 203|300). An
example request: resources/label-request.example.json. Exit 2 when the request is invalid.`;

const FORMATS = ['zpl', 'tspl', 'pdf'] as const;
type LabelFormat = (typeof FORMATS)[number];

export interface LabelCommandContext {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** Where `resources/` lives (the PDF font); defaults to the one next to this build. */
  readonly resourcesDir?: string;
}

interface RenderArgs {
  readonly input: string;
  readonly format: LabelFormat;
  readonly out: string;
}

/** `bancada label render`: a label request file in, a ZPL, TSPL or PDF label file out. */
export async function labelCommand(argv: readonly string[], ctx: LabelCommandContext): Promise<number> {
  const args = readArgs(argv, ctx);
  if (typeof args === 'number') return args;
  const request = await readRequest(args.input, ctx);
  if (request === null) return 2;
  let label: string | Buffer;
  try {
    label = await render(request, args.format, ctx.resourcesDir ?? defaultResourcesDir());
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    ctx.stderr(`bancada label render: ${error.code}: ${error.message}`);
    return error.code === 'label.font-missing' ? 1 : 2;
  }
  await writeFile(args.out, label);
  ctx.stdout(`wrote ${args.out}: ${args.format}, ${request.size} at ${request.dpi} dpi, ${Buffer.byteLength(label)} bytes`);
  return 0;
}

function readArgs(argv: readonly string[], ctx: LabelCommandContext): RenderArgs | number {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    ctx.stdout(LABEL_USAGE);
    return 0;
  }
  let values: { input?: string; format?: string; out?: string };
  try {
    ({ values } = parseArgs({ args: rest, options: { input: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } }, strict: true }));
  } catch (error) {
    ctx.stderr(`bancada label: ${error instanceof Error ? error.message : String(error)}\n\n${LABEL_USAGE}`);
    return 2;
  }
  const format = FORMATS.find((f) => f === values.format);
  if (sub !== 'render' || !values.input || !values.out || !format) {
    const why = sub !== 'render' ? 'the subcommand is "render"' : !format ? '--format is zpl, tspl or pdf' : '--input and --out are required';
    ctx.stderr(`bancada label: ${why}\n\n${LABEL_USAGE}`);
    return 2;
  }
  return { input: values.input, format, out: values.out };
}

/** The parsed request, or null after telling the person what is wrong with the file. */
async function readRequest(path: string, ctx: LabelCommandContext): Promise<LabelRequest | null> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const why = error instanceof SyntaxError ? `is not JSON (${error.message})` : `cannot be read (${error instanceof Error ? error.message : String(error)})`;
    ctx.stderr(`bancada label render: label.invalid-request: ${path} ${why}`);
    return null;
  }
  const parsed = parseLabelRequest(json);
  if (parsed.ok) return parsed.value;
  ctx.stderr(`bancada label render: label.invalid-request: ${path} is not a valid label request:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`);
  return null;
}

async function render(request: LabelRequest, format: LabelFormat, resourcesDir: string): Promise<string | Buffer> {
  switch (format) {
    case 'zpl':
      return buildZplLabel(request);
    case 'tspl':
      return buildTsplLabel(request);
    case 'pdf':
      return buildPdfLabel(request, await loadLabelFonts(resourcesDir));
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

/** src-main/cli and the built out/main are both two levels below the app root. */
function defaultResourcesDir(): string {
  return resolve(__dirname, '../../resources');
}
