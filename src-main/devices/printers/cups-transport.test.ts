/**
 * How `lp`'s answers become codes, with stand-in `lp`/`lpstat` scripts (the real scheduler is
 * exercised by test/peers/cups). Each script records its arguments and stdin, then says what the
 * real client says in that situation (CUPS 2.4.2, LC_ALL=C).
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors/codes';
import { cupsTransport, type CupsCommands } from './cups-transport';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bancada-cups-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function script(name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\nprintf '%s\\n' "$@" > "${path}.args"\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
}

const send = (commands: CupsCommands, server: string | null = null) => cupsTransport({ queue: 'Zebra', server }, commands).send(Buffer.from('^XA^XZ'), { timeoutMs: 2_000, title: 'label 7' });

describe('CUPS through lp', () => {
  it('runs lp -d QUEUE -t TITLE -o raw with the job on stdin, and -h for another server', async () => {
    const lp = await script('lp', `cat > "${join(dir, 'stdin')}"\necho "request id is Zebra-1 (0 file(s))"`);
    await send({ lp }, 'print.example.com:631');
    expect((await readFile(`${lp}.args`, 'utf8')).split('\n')).toEqual(['-h', 'print.example.com:631', '-d', 'Zebra', '-t', 'label 7', '-o', 'raw', '']);
    expect(await readFile(join(dir, 'stdin'), 'utf8')).toBe('^XA^XZ');
  });

  it('tells an unknown queue from a scheduler that is down (lp says "does not exist" for both)', async () => {
    const lp = await script('lp', `echo 'lp: Error - The printer or class does not exist.' >&2; exit 1`);
    const running = await script('lpstat-up', `echo 'scheduler is running'`);
    const stopped = await script('lpstat-down', `echo 'scheduler is not running'`);
    expect(await codeOf(send({ lp, lpstat: running }))).toBe('printer.not-found');
    expect(await codeOf(send({ lp, lpstat: stopped }))).toBe('printer.spooler-unavailable');
  });

  it('says printer.spooler-rejected when the queue does not accept jobs', async () => {
    const lp = await script('lp', `echo 'lp: Destination "Zebra" is not accepting jobs.' >&2; exit 1`);
    expect(await codeOf(send({ lp }))).toBe('printer.spooler-rejected');
  });

  it('says printer.spooler-unavailable when lp is not installed', async () => {
    expect(await codeOf(send({ lp: join(dir, 'no-such-lp') }))).toBe('printer.spooler-unavailable');
  });

  it('kills an lp that hangs and says printer.timeout, on time', async () => {
    const lp = await script('lp', 'exec sleep 30');
    const started = Date.now();
    expect(await codeOf(cupsTransport({ queue: 'Zebra', server: null }, { lp }).send(Buffer.from('x'), { timeoutMs: 300 }))).toBe('printer.timeout');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('prints a PDF as a file argument, through the queue’s filters (no -o raw)', async () => {
    const lp = await script('lp', `cp "$6" "${join(dir, 'printed.pdf')}"`);
    await cupsTransport({ queue: 'Office', server: null }, { lp }).printPdf!(Buffer.from('%PDF-1.7 slip'), { timeoutMs: 2_000, title: 'slip' });
    const args = (await readFile(`${lp}.args`, 'utf8')).split('\n');
    expect(args.slice(0, 5)).toEqual(['-d', 'Office', '-t', 'slip', '--']);
    expect(args[5]).toMatch(/bancada-pdf-.*\/document\.pdf$/);
    expect(await readFile(join(dir, 'printed.pdf'), 'utf8')).toBe('%PDF-1.7 slip');
  });
});
