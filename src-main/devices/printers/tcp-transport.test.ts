import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors/codes';
import { tempPrinterSinks } from '../simulators/test-sinks';
import { IDLE_HOST_STATUS } from './host-status';
import { tcpTransport } from './tcp-transport';

const sink = tempPrinterSinks();

/** A port nobody listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('raw TCP printing (port 9100)', () => {
  it('delivers a job byte for byte and resolves once the printer has taken it', async () => {
    const printer = await sink();
    const job = Buffer.concat([Buffer.from('^XA^CI28^FO20,20^A0N,30,30^FH^FDÜmlaut _5E^FS^XZ\n', 'utf8'), Buffer.from([0, 1, 2, 0xff, 0x1d])]);
    await tcpTransport('127.0.0.1', printer.port).send(job, { timeoutMs: 2_000 });
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0]!.bytes.equals(job)).toBe(true);
  });

  it('delivers a job larger than the socket buffers intact', async () => {
    const printer = await sink();
    const job = Buffer.alloc(3 * 1024 * 1024, 'ABCDEFGHIJ');
    await tcpTransport('127.0.0.1', printer.port).send(job, { timeoutMs: 5_000 });
    expect(printer.jobs[0]!.bytes.equals(job)).toBe(true);
  });

  it('says printer.connection-refused when nothing listens on the port', async () => {
    const error = await failure(tcpTransport('127.0.0.1', await closedPort()).send(Buffer.from('^XA^XZ'), { timeoutMs: 2_000 }));
    expect(error.code).toBe('printer.connection-refused');
    expect(error.detail).toEqual({ errno: 'ECONNREFUSED' });
  });

  it('gives up on a printer that accepts but never reads, within the timeout, with printer.timeout', async () => {
    const printer = await sink({ behaviour: 'stall' });
    const started = Date.now();
    const error = await failure(tcpTransport('127.0.0.1', printer.port).send(Buffer.from('^XA^FDstuck^FS^XZ'), { timeoutMs: 400 }));
    const took = Date.now() - started;
    expect(error.code).toBe('printer.timeout');
    expect(error.detail).toMatchObject({ phase: 'write' });
    expect(took).toBeGreaterThanOrEqual(380);
    expect(took).toBeLessThan(1_000);
    expect(printer.jobs).toEqual([]);
  });

  it('says printer.connection-reset when the printer drops the connection', async () => {
    const printer = await sink({ behaviour: 'drop' });
    const error = await failure(tcpTransport('127.0.0.1', printer.port).send(Buffer.alloc(256 * 1024, 'x'), { timeoutMs: 2_000 }));
    expect(error.code).toBe('printer.connection-reset');
  });

  it('reads ~HS: ready, paper out, head open, paused', async () => {
    const printer = await sink();
    const transport = tcpTransport('127.0.0.1', printer.port);
    const expected = { ok: [], 'paper-out': ['paper-out'], 'head-open': ['head-open'], paused: ['paused'], 'ribbon-out': ['ribbon-out'] } as const;
    for (const [status, problems] of Object.entries(expected)) {
      printer.setStatus(status as keyof typeof expected);
      const got = await transport.status!({ timeoutMs: 1_000 });
      expect(got.problems, status).toEqual(problems);
      expect(got.ready, status).toBe(problems.length === 0);
    }
    printer.setStatus({ ...IDLE_HOST_STATUS, formatsInBuffer: 3, labelsRemaining: 12 });
    expect((await transport.status!({ timeoutMs: 1_000 })).host).toMatchObject({ formatsInBuffer: 3, labelsRemaining: 12 });
    expect(printer.statusQueries).toBe(6);
    expect(printer.jobs).toEqual([]);
  });

  it('treats a printer that does not answer ~HS as in error: printer.no-status within the timeout', async () => {
    const printer = await sink({ status: 'silent' });
    const started = Date.now();
    const error = await failure(tcpTransport('127.0.0.1', printer.port).status!({ timeoutMs: 300 }));
    expect(error.code).toBe('printer.no-status');
    expect(Date.now() - started).toBeLessThan(900);
    const stalled = await sink({ behaviour: 'stall' });
    expect((await failure(tcpTransport('127.0.0.1', stalled.port).status!({ timeoutMs: 300 }))).code).toBe('printer.no-status');
  });

  it('refuses an unreadable ~HS answer with printer.bad-status', async () => {
    const liar = net.createServer((socket) => socket.on('data', () => socket.write('\x02garbage\x03\r\n\x02x\x03\r\n\x02y\x03\r\n')));
    await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
    try {
      const error = await failure(tcpTransport('127.0.0.1', (liar.address() as net.AddressInfo).port).status!({ timeoutMs: 1_000 }));
      expect(error.code).toBe('printer.bad-status');
    } finally {
      liar.close();
    }
  });

  it('says printer.connection-refused for ~HS to a printer that is off', async () => {
    expect((await failure(tcpTransport('127.0.0.1', await closedPort()).status!({ timeoutMs: 1_000 }))).code).toBe('printer.connection-refused');
  });
});
