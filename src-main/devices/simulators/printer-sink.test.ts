import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { zxingRead } from '../../documents/labels/testing/readers';
import { readGrayPng } from '../../documents/labels/testing/png-ink';
import { parseHostStatus } from '../printers/host-status';
import { TEST_LABEL_BARCODE, zplTestLabel } from '../printers/test-label';
import { tempPrinterSinks } from './test-sinks';

const start = tempPrinterSinks();

/** A plain client: sends `parts` (one write each, a pause between), closes, returns what came back. */
function talk(port: number, parts: readonly string[], keepOpenMs = 0): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const answer: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => answer.push(chunk));
    socket.once('error', reject);
    socket.once('close', () => resolve(Buffer.concat(answer)));
    socket.once('connect', async () => {
      for (const part of parts) {
        socket.write(part);
        await new Promise((r) => setTimeout(r, 20));
      }
      setTimeout(() => socket.end(), keepOpenMs);
    });
  });
}

describe('the TCP 9100 printer sink', () => {
  it('listens on a free loopback port and keeps every job, in order', async () => {
    const sink = await start();
    expect(sink.uri).toBe(`tcp://127.0.0.1:${sink.port}`);
    expect(sink.port).toBeGreaterThan(0);
    await talk(sink.port, ['^XA^FDone^FS^XZ']);
    await talk(sink.port, ['^XA^FD', 'two^FS^XZ']);
    expect((await sink.waitForJobs(2)).map((j) => j.bytes.toString())).toEqual(['^XA^FDone^FS^XZ', '^XA^FDtwo^FS^XZ']);
  });

  it('answers ~HS, even split across packets, and does not count a status query as a job', async () => {
    const sink = await start({ status: 'head-open' });
    const answer = await talk(sink.port, ['~H', 'S'], 100);
    const parsed = parseHostStatus(answer);
    expect(parsed.ok && parsed.value.headOpen).toBe(true);
    expect(sink.statusQueries).toBe(1);
    expect(sink.jobs).toEqual([]);
  });

  it('refuses connections while "switched off" and takes them again on the same port', async () => {
    const sink = await start();
    const port = sink.port;
    await sink.setBehaviour('refuse');
    await expect(talk(port, ['^XA^XZ'])).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await sink.setBehaviour('accept');
    expect(sink.port).toBe(port);
    await talk(port, ['^XA^XZ']);
    expect(sink.jobs).toHaveLength(1);
  });

  it('renders the test label it received as a printer would print it, barcode readable', async () => {
    const sink = await start();
    await talk(sink.port, [zplTestLabel({ printer: sink.uri, at: new Date('2026-11-23T10:00:00Z') })]);
    await sink.waitForJobs(1);
    const [png, ...more] = await sink.renderJob(0, { widthMm: 406 / 8, heightMm: 203 / 8, dotsPerMm: 8 }); // 2×1 in at 203 dpi
    expect(more).toEqual([]);
    const image = readGrayPng(png!);
    expect([image.width, image.height]).toEqual([406, 203]);
    expect((await zxingRead(png!)).map((b) => [b.format, b.text])).toEqual([['Code128', TEST_LABEL_BARCODE]]);
  });

  it('will not render a job that is not ZPL', async () => {
    const sink = await start();
    await talk(sink.port, ['CLS\r\nPRINT 1,1\r\n']);
    await sink.waitForJobs(1);
    await expect(sink.renderJob()).rejects.toThrow(/not ZPL/);
    await expect(sink.renderJob(5)).rejects.toThrow(/no job 5/);
  });
});
