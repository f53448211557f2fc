/**
 * Printing through CUPS with its own client, `lp` (device-protocols.md §5.5): label bytes go to a
 * raw queue unfiltered (`lp -d QUEUE -o raw`, the job on stdin), PDFs go through the queue's
 * filters (`lp -d QUEUE file.pdf`). `lp` returns once the scheduler has spooled the job, so success
 * here means "CUPS has it", not "printed"; CUPS reports later failures in its own queue.
 *
 * `lp` runs with LC_ALL=C so its messages, which are mapped to codes below, are the English ones.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatPrinterUri } from './printer-uri';
import { describeError, errnoCode, printerError, type PrinterTransport, type SendOptions } from './types';

export interface CupsTarget {
  readonly queue: string;
  /** `host[:port]` of another CUPS server (`lp -h`); null for this machine's. */
  readonly server: string | null;
}

export interface CupsCommands {
  /** The `lp` and `lpstat` programs (default: found on PATH). */
  readonly lp?: string;
  readonly lpstat?: string;
}

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const MAX_OUTPUT = 16_384;
/** How long the "is the scheduler running?" probe may take after a failure. */
const PROBE_MS = 2_000;

export function cupsTransport(target: CupsTarget, commands: CupsCommands = {}): PrinterTransport {
  return {
    uri: formatPrinterUri({ kind: 'cups', ...target }),
    send: (bytes, opts) => submit(target, ['-o', 'raw'], bytes, opts, commands),
    printPdf: async (pdf, opts) => {
      const dir = await mkdtemp(join(tmpdir(), 'bancada-pdf-'));
      try {
        const file = join(dir, 'document.pdf');
        await writeFile(file, pdf);
        await printPdf(target, file, opts, commands);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** `lp -d QUEUE file.pdf`: the PDF through the queue's filters to a document printer. */
export function printPdf(target: CupsTarget, pdfPath: string, opts: SendOptions, commands: CupsCommands = {}): Promise<void> {
  return submit(target, ['--', pdfPath], null, opts, commands);
}

async function submit(target: CupsTarget, tail: readonly string[], stdin: Uint8Array | null, opts: SendOptions, commands: CupsCommands): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  const args = [...serverArgs(target), '-d', target.queue, ...(opts.title ? ['-t', opts.title] : []), ...tail];
  const lp = commands.lp ?? 'lp';
  const result = await run(lp, args, stdin, opts.timeoutMs);
  if (result.code === 0) return;
  throw await lpFailure(result, target, commands, deadline);
}

async function lpFailure(result: Finished, target: CupsTarget, commands: CupsCommands, deadline: number) {
  const said = (result.stderr.trim() || result.stdout.trim() || `exit ${result.code}`).slice(0, 500);
  const where = formatPrinterUri({ kind: 'cups', ...target });
  // lp says "does not exist" both for an unknown queue and when it cannot reach the scheduler.
  if (/does not exist/i.test(said)) {
    const running = await schedulerRunning(target, commands, Math.min(PROBE_MS, deadline - Date.now()));
    if (running === false) return spoolerDown(where, said);
    return printerError('printer.not-found', `${where}: CUPS has no such queue (lp: ${said})`, { queue: target.queue });
  }
  if (/unable to connect|not responding|connection refused|scheduler is not running/i.test(said)) return spoolerDown(where, said);
  return printerError('printer.spooler-rejected', `${where}: CUPS refused the job (lp: ${said})`, { queue: target.queue });
}

function spoolerDown(where: string, said: string) {
  return printerError('printer.spooler-unavailable', `${where}: the CUPS scheduler is not running or cannot be reached (lp: ${said})`);
}

/** `lpstat -r`; null when it cannot tell (no lpstat, no time left). */
async function schedulerRunning(target: CupsTarget, commands: CupsCommands, timeoutMs: number): Promise<boolean | null> {
  if (timeoutMs <= 0) return null;
  try {
    const { stdout } = await run(commands.lpstat ?? 'lpstat', [...serverArgs(target), '-r'], null, timeoutMs);
    if (/not running/i.test(stdout)) return false;
    return /is running/i.test(stdout) ? true : null;
  } catch {
    return null;
  }
}

function serverArgs(target: CupsTarget): string[] {
  return target.server ? ['-h', target.server] : [];
}

/** Runs a CUPS client with the job on stdin; kills it at the deadline. */
function run(command: string, args: readonly string[], stdin: Uint8Array | null, timeoutMs: number): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (outcome: Finished | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(printerError('printer.timeout', `${command} did not finish within ${timeoutMs} ms`, { phase: 'write', ms: timeoutMs }));
    }, Math.max(1, timeoutMs));
    child.stdout?.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString()).slice(0, MAX_OUTPUT)));
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(0, MAX_OUTPUT)));
    child.once('error', (error) => {
      if (errnoCode(error) === 'ENOENT') finish(printerError('printer.spooler-unavailable', `${command} is not installed (Debian: apt-get install cups-client)`, { errno: 'ENOENT' }));
      else finish(printerError('printer.write-failed', `${command}: ${describeError(error)}`, { errno: errnoCode(error) ?? 'unknown' }));
    });
    child.once('close', (code) => finish({ code, stdout, stderr }));
    if (stdin && child.stdin) {
      // lp exits early on a bad queue; the rest of the job then meets a closed pipe (EPIPE), which
      // its exit status already explains.
      child.stdin.on('error', () => undefined);
      child.stdin.end(stdin);
    }
  });
}
