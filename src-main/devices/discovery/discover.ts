/**
 * One look at what is plugged in: HID devices (node-hid), serial ports (serialport) and CUPS queues
 * (`lpstat -v`, device-protocols.md §5.5). Each source is asked independently; one that throws,
 * rejects or hangs becomes an entry in `problems` and the others still report. Never throws.
 *
 * The native modules are loaded only when their real lister runs, so a broken native build is one
 * problem for its source, not a crash of the whole command.
 */
import { spawn } from 'node:child_process';
import {
  classifyHidDevices,
  classifySerialPorts,
  parseLpstatDevices,
  type HidCandidate,
  type PrinterQueue,
  type RawHidDevice,
  type RawSerialPort,
  type SerialCandidate,
} from './classify';

export type DiscoverySource = 'hid' | 'serial' | 'cups';

export interface DiscoveryProblem {
  readonly source: DiscoverySource;
  readonly message: string;
}

export interface LpstatResult {
  /** Exit code; null when killed (timeout). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface DiscoveryListers {
  readonly listHid?: () => readonly RawHidDevice[] | Promise<readonly RawHidDevice[]>;
  readonly listSerial?: () => Promise<readonly RawSerialPort[]>;
  readonly runLpstat?: () => Promise<LpstatResult>;
  /** Per-source limit for listHid and listSerial (runLpstat has its own 3 s). Default 5000 ms. */
  readonly timeoutMs?: number;
}

export interface DiscoveryReport {
  readonly hid: readonly HidCandidate[];
  readonly serial: readonly SerialCandidate[];
  readonly printers: readonly PrinterQueue[];
  readonly problems: readonly DiscoveryProblem[];
}

export const LPSTAT_TIMEOUT_MS = 3_000;
const MAX_OUTPUT = 256 * 1024;

export async function listHidDevices(): Promise<readonly RawHidDevice[]> {
  const hid = await import('node-hid');
  return hid.devices();
}

export async function listSerialPorts(): Promise<readonly RawSerialPort[]> {
  const { SerialPort } = await import('serialport');
  return SerialPort.list();
}

/** `lpstat -v` in the C locale, killed after 3 s. Rejects only when lpstat can't be started. */
export function runLpstat(timeoutMs = LPSTAT_TIMEOUT_MS, command = 'lpstat'): Promise<LpstatResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['-v'], { env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    // Reject at the deadline itself: a grandchild holding the pipes open would delay 'close'.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} -v gave no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_OUTPUT) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new Error(`${command} not found (is the CUPS client installed?)`) : error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)) || 'failed';

function withTimeout<T>(work: () => T | Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} gave no answer within ${ms / 1000} s`)), ms);
    Promise.resolve()
      .then(work)
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });
}

/** What `lpstat -v` said → queues, or why there are none. "No destinations" is no problem. */
export function interpretLpstat(result: LpstatResult): { printers: PrinterQueue[]; problem: string | null } {
  const printers = parseLpstatDevices(result.stdout);
  if (result.code === 0 || printers.length > 0) return { printers, problem: null };
  const said = `${result.stderr}\n${result.stdout}`.trim();
  if (/no destinations/i.test(said)) return { printers, problem: null };
  const firstLine = said.split(/\r?\n/)[0]?.trim() ?? '';
  return { printers, problem: firstLine || `lpstat -v exited with code ${result.code}` };
}

export async function discoverDevices(listers: DiscoveryListers = {}): Promise<DiscoveryReport> {
  const { listHid = listHidDevices, listSerial = listSerialPorts, runLpstat: lpstat = () => runLpstat(), timeoutMs = 5_000 } = listers;
  const problems: DiscoveryProblem[] = [];

  const [hid, serial, printers] = await Promise.all([
    withTimeout(listHid, timeoutMs, 'HID device list')
      .then((raws) => classifyHidDevices(Array.isArray(raws) ? raws : []))
      .catch((error: unknown) => {
        problems.push({ source: 'hid', message: message(error) });
        return [];
      }),
    withTimeout(listSerial, timeoutMs, 'serial port list')
      .then((raws) => classifySerialPorts(Array.isArray(raws) ? raws : []))
      .catch((error: unknown) => {
        problems.push({ source: 'serial', message: message(error) });
        return [];
      }),
    withTimeout(lpstat, LPSTAT_TIMEOUT_MS + 1_000, 'lpstat -v')
      .then((result) => {
        const { printers: queues, problem } = interpretLpstat(result);
        if (problem) problems.push({ source: 'cups', message: problem });
        return queues;
      })
      .catch((error: unknown) => {
        problems.push({ source: 'cups', message: message(error) });
        return [];
      }),
  ]);

  const order: readonly DiscoverySource[] = ['hid', 'serial', 'cups'];
  problems.sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source));
  return { hid, serial, printers, problems };
}
