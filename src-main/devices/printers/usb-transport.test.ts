/**
 * usb: writes to a device file opened O_NONBLOCK. There is no USB printer here, so a FIFO stands in
 * for /dev/usb/lp0: it has the same non-blocking behaviour (EAGAIN while full, ENXIO with nobody on
 * the other end), which is exactly what the timeout and error paths depend on.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors/codes';
import { usbTransport } from './usb-transport';

let dir: string;
const readers: net.Socket[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bancada-usb-'));
});
afterEach(async () => {
  for (const reader of readers.splice(0)) reader.destroy();
  await rm(dir, { recursive: true, force: true });
});

function fifo(name: string): string {
  const path = join(dir, name);
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
  return path;
}

/** The printer's end of the FIFO; `paused` never reads (a printer that stopped taking data). */
function printerEnd(path: string, paused = false): { received: () => Buffer } {
  const fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  const socket = new net.Socket({ fd, readable: true, writable: false });
  readers.push(socket);
  const chunks: Buffer[] = [];
  if (paused) socket.pause();
  else socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { received: () => Buffer.concat(chunks) };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('usb: the Linux USB printer device', () => {
  it('writes a job larger than the device buffer, in order, byte for byte', async () => {
    const path = fifo('lp0');
    const printer = printerEnd(path);
    const job = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 251));
    await usbTransport(path).send(job, { timeoutMs: 3_000 });
    await until(() => printer.received().length === job.length);
    expect(printer.received().equals(job)).toBe(true);
  });

  it('gives up with printer.timeout, on time, when the printer stops taking data', async () => {
    const path = fifo('lp0');
    printerEnd(path, true);
    const started = Date.now();
    expect(await codeOf(usbTransport(path).send(Buffer.alloc(256 * 1024, 'x'), { timeoutMs: 300 }))).toBe('printer.timeout');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('says printer.not-found for a missing device and for one with nothing behind it', async () => {
    expect(await codeOf(usbTransport(join(dir, 'lp9')).send(Buffer.from('x'), { timeoutMs: 500 }))).toBe('printer.not-found');
    expect(await codeOf(usbTransport(fifo('lp1')).send(Buffer.from('x'), { timeoutMs: 500 }))).toBe('printer.not-found');
  });
});
