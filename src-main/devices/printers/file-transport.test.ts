import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors/codes';
import { fileTransport } from './file-transport';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bancada-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
}

describe('file: appending jobs to a file', () => {
  it('appends each job after the last, byte for byte', async () => {
    const path = join(dir, 'labels.zpl');
    const transport = fileTransport(path);
    await transport.send(Buffer.from('^XA^FDone^FS^XZ\n'), { timeoutMs: 500 });
    await transport.send(Buffer.from([0xc3, 0x9c, 0x00, 0x1d]), { timeoutMs: 500 });
    expect(await readFile(path)).toEqual(Buffer.concat([Buffer.from('^XA^FDone^FS^XZ\n'), Buffer.from([0xc3, 0x9c, 0x00, 0x1d])]));
    expect(transport.uri).toBe(`file:${path}`);
  });

  it('says printer.not-found when the folder does not exist', async () => {
    expect(await codeOf(fileTransport(join(dir, 'nope', 'labels.zpl')).send(Buffer.from('x'), { timeoutMs: 500 }))).toBe('printer.not-found');
  });
});
