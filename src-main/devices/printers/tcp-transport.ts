/**
 * Raw TCP printing, port 9100 (AppSocket/JetDirect; device-protocols.md §5.5): connect, write the
 * job, close. A job counts as taken only when the printer closes its end after our FIN: a printer
 * reads to the end of the stream and then hangs up, while one that is stuck (paper out with a full
 * buffer, paused) holds the connection without reading. So "written to the kernel" is never
 * mistaken for "printed", and a stuck printer ends in `printer.timeout`, not in a false success.
 * CUPS's socket backend follows the same rule (backend/socket.c: `waiteof`, on by default).
 */
import net from 'node:net';
import { formatPrinterUri } from './printer-uri';
import { HOST_STATUS_COMMAND, isCompleteHostStatus, parseHostStatus, printerProblems } from './host-status';
import { describeError, errnoCode, printerError, type PrinterStatus, type PrinterTransport, type SendOptions, type StatusOptions } from './types';

export interface TcpPrinterOptions {
  /** Cap on the connect phase (default 3 s): a printer on the LAN answers a SYN in milliseconds. */
  readonly connectTimeoutMs?: number;
  /** `~HS` answer wait when the caller gives none (default 3 s). */
  readonly statusTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;
const DEFAULT_STATUS_TIMEOUT_MS = 3_000;
/** A printer answering `~HS` with more than this is not a printer. */
const MAX_STATUS_BYTES = 4_096;

type Phase = 'connect' | 'write' | 'status';

export function tcpTransport(host: string, port: number, options: TcpPrinterOptions = {}): PrinterTransport {
  const uri = formatPrinterUri({ kind: 'tcp', host, port });
  const connectCap = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  return {
    uri,
    send: (bytes, opts) => sendRaw(host, port, bytes, opts, connectCap),
    status: (opts) => queryStatus(host, port, opts ?? { timeoutMs: options.statusTimeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS }, connectCap),
  };
}

function sendRaw(host: string, port: number, bytes: Uint8Array, opts: SendOptions, connectCap: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect({ host, port });
    const { settle, arm } = guard<void>(socket, resolve, reject);
    const expire = (phase: Phase) => () => timeout(host, port, phase, Date.now() - started);
    let phase: Phase = 'connect';
    arm(Math.min(opts.timeoutMs, connectCap), expire('connect'));
    socket.once('connect', () => {
      phase = 'write';
      arm(opts.timeoutMs - (Date.now() - started), expire('write'));
      socket.end(bytes);
    });
    // A printer may talk back (a `~` command inside the job); read it so its FIN can arrive.
    socket.on('data', () => undefined);
    socket.once('error', (error) => settle(socketError(error, host, port, phase)));
    socket.once('close', () => {
      if (socket.writableFinished) settle(undefined);
      else settle(printerError('printer.connection-reset', `${hostPort(host, port)} closed the connection before it took the whole job`, { phase }));
    });
  });
}

function queryStatus(host: string, port: number, opts: StatusOptions, connectCap: number): Promise<PrinterStatus> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect({ host, port });
    const { settle, arm } = guard<PrinterStatus>(socket, resolve, reject);
    let phase: Phase = 'connect';
    let answer = Buffer.alloc(0);
    const noAnswer = () =>
      printerError('printer.no-status', `${hostPort(host, port)} did not answer ~HS within ${opts.timeoutMs} ms (a Zebra printer stays silent while in error)`, {
        ms: opts.timeoutMs,
        received: answer.length,
      });
    arm(Math.min(opts.timeoutMs, connectCap), () => timeout(host, port, 'connect', Date.now() - started));
    socket.once('connect', () => {
      phase = 'status';
      arm(opts.timeoutMs - (Date.now() - started), noAnswer);
      socket.write(HOST_STATUS_COMMAND);
    });
    socket.on('data', (chunk: Buffer) => {
      answer = Buffer.concat([answer, chunk]);
      if (answer.length > MAX_STATUS_BYTES) settle(printerError('printer.bad-status', `${hostPort(host, port)} sent ${answer.length} bytes for ~HS`));
      else if (isCompleteHostStatus(answer)) settle(toStatus(answer, host, port));
    });
    socket.once('error', (error) => settle(socketError(error, host, port, phase)));
    socket.once('close', () => settle(noAnswer()));
  });
}

function toStatus(answer: Buffer, host: string, port: number): PrinterStatus | Error {
  const parsed = parseHostStatus(answer);
  if (!parsed.ok) return printerError('printer.bad-status', `${hostPort(host, port)} answered ~HS with something unreadable: ${parsed.problem}`);
  const problems = printerProblems(parsed.value);
  return { ready: problems.length === 0, problems, host: parsed.value };
}

/**
 * One outcome per socket: the first of success, error or the armed deadline wins, and the socket is
 * destroyed whichever it was. `arm` replaces the deadline (the connect cap, then the rest of the budget).
 */
function guard<T>(socket: net.Socket, resolve: (value: T) => void, reject: (error: Error) => void) {
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = (outcome: T | Error) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    socket.destroy();
    if (outcome instanceof Error) reject(outcome);
    else resolve(outcome);
  };
  const arm = (ms: number, expired: () => Error) => {
    clearTimeout(timer);
    timer = setTimeout(() => settle(expired()), Math.max(1, ms));
  };
  return { settle, arm };
}

function timeout(host: string, port: number, phase: Phase, ms: number) {
  const what = phase === 'connect' ? 'did not accept a connection' : 'did not take the job';
  return printerError('printer.timeout', `${hostPort(host, port)} ${what} within ${ms} ms`, { phase, ms });
}

function socketError(error: Error, host: string, port: number, phase: Phase) {
  const code = errnoCode(error) ?? 'unknown';
  const where = hostPort(host, port);
  switch (code) {
    case 'ECONNREFUSED':
      return printerError('printer.connection-refused', `${where} refused the connection: is the printer on, and is this its address?`, { errno: code });
    case 'ECONNRESET':
    case 'EPIPE':
      return printerError('printer.connection-reset', `${where} dropped the connection (${code}) during ${phase}`, { errno: code, phase });
    case 'ETIMEDOUT':
      return printerError('printer.timeout', `${where}: ${describeError(error)}`, { errno: code, phase });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EADDRNOTAVAIL':
      return printerError('printer.unreachable', `${where} cannot be reached (${code})`, { errno: code });
    default:
      return printerError('printer.write-failed', `${where}: ${describeError(error)}`, { errno: code, phase });
  }
}

function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
