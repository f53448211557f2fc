import { parseArgs } from 'node:util';
import { AppError } from '../../src-shared/errors/codes';
import { openPrinterTransport } from '../devices/printers/open-transport';
import { ensureReady } from '../devices/printers/readiness';
import { tsplTestLabel, zplTestLabel } from '../devices/printers/test-label';
import type { PrinterTransport } from '../devices/printers/types';

export const PRINT_USAGE = `bancada print test --printer <uri> [--language zpl|tspl] [--timeout <ms>] [--no-status]

Sends a small test label (2×1 in; ZPL unless --language tspl) to a printer:
  tcp://host:9100     network printer, raw port
  usb:/dev/usb/lp0    Linux USB printer device (needs the "lp" group)
  cups://QUEUE        CUPS raw queue (lp -d QUEUE -o raw); cups://server/QUEUE for another server
  file:/path          append the label to a file
A ZPL printer on tcp:// is asked for its status (~HS) first; --no-status skips that. Prints the
outcome; exit 1 with the coded reason (e.g. printer.connection-refused) when the label was not
sent, exit 2 for a bad command line or printer address. --timeout defaults to 10000 ms.`;

export interface PrintCommandContext {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** The clock printed on the label (tests pin it). */
  readonly now?: () => Date;
}

interface TestArgs {
  readonly printer: string;
  readonly language: 'zpl' | 'tspl';
  readonly timeoutMs: number;
  readonly checkStatus: boolean;
}

const STATUS_TIMEOUT_MS = 3_000;

/** `bancada print test`: one test label, the outcome on stdout or the coded reason on stderr. */
export async function printCommand(argv: readonly string[], ctx: PrintCommandContext): Promise<number> {
  const args = readArgs(argv, ctx);
  if (typeof args === 'number') return args;
  const started = Date.now();
  let transport: PrinterTransport;
  try {
    transport = openPrinterTransport(args.printer);
  } catch (error) {
    return failed(error, ctx, 2);
  }
  const label = args.language === 'zpl' ? zplTestLabel({ printer: transport.uri, at: ctx.now?.() ?? new Date() }) : tsplTestLabel({ printer: transport.uri, at: ctx.now?.() ?? new Date() });
  const bytes = Buffer.from(label, 'utf8');
  try {
    if (args.language === 'zpl' && args.checkStatus) {
      const status = await ensureReady(transport, Math.min(STATUS_TIMEOUT_MS, args.timeoutMs));
      if (status) ctx.stdout(`status: ready (${status.host.formatsInBuffer} formats in buffer, label length ${status.host.labelLengthDots} dots)`);
    }
    await transport.send(bytes, { timeoutMs: Math.max(1, args.timeoutMs - (Date.now() - started)), title: 'bancada test label' });
  } catch (error) {
    return failed(error, ctx, 1);
  }
  ctx.stdout(`ok: sent a ${args.language.toUpperCase()} test label to ${transport.uri} (${bytes.length} bytes, ${Date.now() - started} ms)`);
  return 0;
}

function failed(error: unknown, ctx: PrintCommandContext, exitCode: number): number {
  if (!(error instanceof AppError)) throw error;
  ctx.stderr(`bancada print test: ${error.code}: ${error.message}`);
  return exitCode;
}

function readArgs(argv: readonly string[], ctx: PrintCommandContext): TestArgs | number {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    ctx.stdout(PRINT_USAGE);
    return 0;
  }
  let values: { printer?: string; language?: string; timeout?: string; 'no-status'?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { printer: { type: 'string' }, language: { type: 'string', default: 'zpl' }, timeout: { type: 'string', default: '10000' }, 'no-status': { type: 'boolean', default: false } },
      strict: true,
    }));
  } catch (error) {
    return usage(ctx, error instanceof Error ? error.message : String(error));
  }
  if (sub !== 'test') return usage(ctx, 'the subcommand is "test"');
  if (!values.printer) return usage(ctx, '--printer <uri> is required');
  if (values.language !== 'zpl' && values.language !== 'tspl') return usage(ctx, `--language is zpl or tspl, got "${values.language}"`);
  const timeoutMs = Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000) return usage(ctx, `--timeout is a whole number of milliseconds from 100 to 600000, got "${values.timeout}"`);
  return { printer: values.printer, language: values.language, timeoutMs, checkStatus: !values['no-status'] };
}

function usage(ctx: PrintCommandContext, why: string): number {
  ctx.stderr(`bancada print: ${why}\n\n${PRINT_USAGE}`);
  return 2;
}
