import { parseArgs } from 'node:util';
import { decodeHidScaleReport } from '../devices/scales/hid-pos';
import { ScaleStream, SERIAL_SCALE_PROTOCOLS, serialScaleCodec, type SerialScaleProtocol } from '../devices/scales/scale-stream';
import { rejected, type ScaleDecoded, type ScaleRejectCode } from '../devices/scales/types';

export const SCALE_USAGE = `bancada scale decode --protocol hid|sics|nci|cas|toledo  < bytes

Decodes what a scale sent, read from stdin: one JSON line per reading on stdout,
{"status":"stable"|"motion"|"zero"|"under"|"over"|"fault"|"needs-calibration"|"needs-rezero","grams":<number>|null}.
For hid, one input report per line in hex, report ID first, spaces optional ("03 04 02 00 14 00").
A frame that cannot be decoded prints nothing; the count of bad frames goes to stderr at the end.`;

export interface ScaleCommandContext {
  readonly stdin: AsyncIterable<Uint8Array>;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

const PROTOCOLS = ['hid', ...SERIAL_SCALE_PROTOCOLS] as const;
type Protocol = (typeof PROTOCOLS)[number];

/** A hex line longer than this is not a HID report; it is dropped as one bad frame. */
const MAX_HEX_LINE = 1024;

class Tally {
  readings = 0;
  replies = 0;
  private readonly bad = new Map<ScaleRejectCode, number>();

  constructor(private readonly stdout: (line: string) => void) {}

  take(decoded: ScaleDecoded): void {
    if (decoded.kind === 'reading') {
      this.readings++;
      this.stdout(JSON.stringify({ status: decoded.reading.status, grams: decoded.reading.grams }));
    } else if (decoded.kind === 'reply') {
      this.replies++;
    } else {
      this.bad.set(decoded.code, (this.bad.get(decoded.code) ?? 0) + 1);
    }
  }

  summary(): string {
    let badCount = 0;
    for (const n of this.bad.values()) badCount += n;
    const byCode = [...this.bad].map(([code, n]) => `${code} ${n}`).join(', ');
    const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const parts = [count(this.readings, 'reading', 'readings'), count(this.replies, 'other reply', 'other replies'), count(badCount, 'bad frame', 'bad frames')];
    return `scale decode: ${parts.join(', ')}${byCode ? ` (${byCode})` : ''}`;
  }
}

function hexLineToBytes(line: string): Uint8Array | null {
  const hex = line.replace(/\s+/g, '');
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

async function decodeHidLines(stdin: AsyncIterable<Uint8Array>, tally: Tally): Promise<void> {
  let pending = '';
  const takeLine = (line: string) => {
    if (line.trim() === '') return;
    const bytes = line.length <= MAX_HEX_LINE ? hexLineToBytes(line) : null;
    if (bytes) tally.take(decodeHidScaleReport(bytes));
    else tally.take(rejected('scale.bad-frame', 'not a report in hex', new TextEncoder().encode(line.slice(0, MAX_HEX_LINE))));
  };
  for await (const chunk of stdin) {
    pending += new TextDecoder('latin1').decode(chunk);
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) takeLine(line);
    if (pending.length > MAX_HEX_LINE) pending = pending.slice(0, MAX_HEX_LINE + 1); // still one bad line when it ends
  }
  takeLine(pending);
}

async function decodeSerial(stdin: AsyncIterable<Uint8Array>, protocol: SerialScaleProtocol, tally: Tally): Promise<void> {
  const stream = new ScaleStream(serialScaleCodec(protocol));
  for await (const chunk of stdin) for (const decoded of stream.push(chunk)) tally.take(decoded);
  for (const decoded of stream.flush()) tally.take(decoded);
}

/** `bancada scale decode`: raw scale bytes on stdin → one JSON reading per line on stdout. */
export async function scaleCommand(argv: readonly string[], ctx: ScaleCommandContext): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'decode') {
    ctx.stderr(SCALE_USAGE);
    return 2;
  }
  let protocol: string | undefined;
  try {
    ({ protocol } = parseArgs({ args: [...rest], options: { protocol: { type: 'string' } }, strict: true }).values);
  } catch (error) {
    ctx.stderr(`bancada scale decode: ${error instanceof Error ? error.message : String(error)}\n\n${SCALE_USAGE}`);
    return 2;
  }
  if (!(PROTOCOLS as readonly string[]).includes(protocol ?? '')) {
    ctx.stderr(`bancada scale decode: --protocol must be one of ${PROTOCOLS.join(', ')}${protocol ? `, got "${protocol}"` : ''}`);
    return 2;
  }
  const tally = new Tally(ctx.stdout);
  if (protocol === 'hid') await decodeHidLines(ctx.stdin, tally);
  else await decodeSerial(ctx.stdin, protocol as Exclude<Protocol, 'hid'>, tally);
  ctx.stderr(tally.summary());
  return 0;
}
