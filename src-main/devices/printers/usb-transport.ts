/**
 * The Linux USB printer class device (`/dev/usb/lp0`, kernel driver usblp; device-protocols.md §5.5).
 *
 * A blocking write to a printer that stopped taking data blocks forever, and a libuv pool thread
 * with it, so the device is opened O_NONBLOCK and a busy device (EAGAIN) is polled until the
 * deadline. usblp kills a write still in flight when the file is closed, and says how to wait for
 * it (drivers/usb/class/usblp.c, comment above usblp_wwait): a zero-size write returns EAGAIN until
 * the last block is out. So the job is drained that way before close.
 *
 * Not run against a real usblp device here (no USB printer in CI): the tests drive the same code
 * through a FIFO, which has the same O_NONBLOCK semantics (EAGAIN when full, ENXIO with no reader).
 */
import fs from 'node:fs';
import { promisify } from 'node:util';
import { describeError, errnoCode, printerError, type PrinterTransport, type SendOptions } from './types';

const open = promisify(fs.open);
const close = promisify(fs.close);
/** Callback `fs.write`: the promise API skips a zero-length write without calling write(2). */
const write = (fd: number, bytes: Uint8Array, offset: number, length: number) =>
  new Promise<number>((resolve, reject) => fs.write(fd, bytes, offset, length, null, (error, written) => (error ? reject(error) : resolve(written))));

/** usblp sends at most USBLP_BUF_SIZE (8 KiB) per URB. */
const CHUNK = 8_192;
const BUSY_POLL_MS = 15;
const NOTHING = new Uint8Array(0);

export function usbTransport(path: string): PrinterTransport {
  return { uri: `usb:${path}`, send: (bytes, opts) => sendToDevice(path, bytes, opts) };
}

async function sendToDevice(path: string, bytes: Uint8Array, opts: SendOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let fd: number;
  try {
    fd = await open(path, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  } catch (error) {
    throw deviceError(error, path, 'open');
  }
  try {
    let offset = 0;
    while (offset < bytes.length) offset += await writeWhenReady(fd, bytes, offset, Math.min(CHUNK, bytes.length - offset), deadline, path);
    await writeWhenReady(fd, NOTHING, 0, 0, deadline, path);
  } finally {
    await close(fd).catch(() => undefined);
  }
}

async function writeWhenReady(fd: number, bytes: Uint8Array, offset: number, length: number, deadline: number, path: string): Promise<number> {
  for (;;) {
    try {
      return await write(fd, bytes, offset, length);
    } catch (error) {
      if (errnoCode(error) !== 'EAGAIN') throw deviceError(error, path, 'write');
    }
    if (Date.now() >= deadline) throw printerError('printer.timeout', `${path} stopped taking data (printer busy, paused or out of paper?)`, { phase: 'write' });
    await new Promise((resolve) => setTimeout(resolve, Math.min(BUSY_POLL_MS, Math.max(1, deadline - Date.now()))));
  }
}

function deviceError(error: unknown, path: string, phase: 'open' | 'write') {
  const code = errnoCode(error) ?? 'unknown';
  switch (code) {
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return printerError('printer.not-found', `${path}: no printer there (${code}); is it plugged in and switched on?`, { errno: code });
    case 'EACCES':
    case 'EPERM':
      return printerError('printer.permission-denied', `${path}: permission denied; add the station user to the "lp" group or install a udev rule`, { errno: code });
    case 'EBUSY':
      return printerError('printer.busy', `${path} is open in another program (usblp allows one at a time)`, { errno: code });
    case 'ENOSPC':
      return printerError('printer.paper-out', `${path} reports paper out`, { errno: code });
    default:
      return printerError('printer.write-failed', `${path}: ${describeError(error)}`, { errno: code, phase });
  }
}
