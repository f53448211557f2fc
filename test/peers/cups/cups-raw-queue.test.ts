/**
 * Printing through a real CUPS scheduler: a raw queue whose device is the printer sink on loopback
 * (`socket://127.0.0.1:<port>`), so whatever CUPS delivers is checked byte for byte. CUPS delivers
 * after `lp` returns, so every check waits for the sink to receive the job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors/codes';
import { printCommand } from '../../../src-main/cli/print-command';
import { tempDatabase } from '../../../src-main/db/test-db';
import { migrate } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { openPrinterTransport } from '../../../src-main/devices/printers/open-transport';
import { PrintService } from '../../../src-main/devices/printers/print-service';
import { zplTestLabel } from '../../../src-main/devices/printers/test-label';
import { PrinterSink } from '../../../src-main/devices/simulators/printer-sink';
import { addRawQueue, ensureScheduler, removeQueue, requireCups } from './cups-helpers';

const QUEUE = `bancada-test-${process.pid}`;
let sink: PrinterSink;
let scheduler: { stop: () => Promise<void> } | undefined;

beforeAll(async () => {
  requireCups();
  scheduler = await ensureScheduler();
  sink = await PrinterSink.start();
  addRawQueue(QUEUE, `socket://127.0.0.1:${sink.port}`);
}, 30_000);

afterAll(async () => {
  removeQueue(QUEUE);
  await sink?.close();
  await scheduler?.stop();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
}

describe('a CUPS raw queue pointed at a loopback 9100 printer', () => {
  it('delivers a label through cups://QUEUE byte for byte', async () => {
    const label = Buffer.concat([Buffer.from('^XA^CI28^FO20,20^A0N,30,30^FH^FDÑandú _5E ç ã 😀^FS^XZ\r\n', 'utf8'), Buffer.from([0x00, 0x1d, 0xff])]);
    await openPrinterTransport(`cups://${QUEUE}`).send(label, { timeoutMs: 5_000, title: 'raw label' });
    const [job] = await sink.waitForJobs(1, 15_000);
    expect(job!.bytes.equals(label)).toBe(true);
  });

  it('prints a recorded job through the print service and records it done', async () => {
    const t = await tempDatabase();
    try {
      await migrate(t.db, MIGRATIONS);
      const service = new PrintService({ db: t.db, timeoutMs: 5_000 });
      const bytes = Buffer.from('^XA^FO20,20^A0N,30,30^FDservice^FS^XZ\n');
      const outcome = await service.print({ kind: 'shipping-label', printer: `cups://${QUEUE}`, document: { language: 'zpl', bytes } });
      expect(outcome).toMatchObject({ ok: true, job: { status: 'done', attempts: 1, printer: `cups://${QUEUE}` } });
      const jobs = await sink.waitForJobs(2, 15_000);
      expect(jobs[1]!.bytes.equals(bytes)).toBe(true);
    } finally {
      await t.dispose();
    }
  });

  it('hands a PDF to the queue with lp (a raw queue passes it through unchanged)', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await openPrinterTransport(`cups://${QUEUE}`).printPdf!(pdf, { timeoutMs: 5_000, title: 'packing slip' });
    const jobs = await sink.waitForJobs(3, 15_000);
    expect(jobs[2]!.bytes.equals(pdf)).toBe(true);
  });

  it('runs `bancada print test --printer cups://QUEUE` end to end', async () => {
    const at = new Date('2026-11-23T10:00:00.000Z');
    const out: string[] = [];
    const err: string[] = [];
    expect(await printCommand(['test', '--printer', `cups://${QUEUE}`], { stdout: (l) => out.push(l), stderr: (l) => err.push(l), now: () => at })).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([expect.stringMatching(new RegExp(`^ok: sent a ZPL test label to cups://${QUEUE} `))]);
    const jobs = await sink.waitForJobs(4, 15_000);
    expect(jobs[3]!.bytes.toString('utf8')).toBe(zplTestLabel({ printer: `cups://${QUEUE}`, at }));
  });

  it('says printer.not-found for a queue CUPS does not have', async () => {
    expect(await codeOf(openPrinterTransport(`cups://${QUEUE}-missing`).send(Buffer.from('x'), { timeoutMs: 5_000 }))).toBe('printer.not-found');
  });

  it('says printer.spooler-unavailable when the CUPS server cannot be reached', async () => {
    expect(await codeOf(openPrinterTransport(`cups://127.0.0.1:1/${QUEUE}`).send(Buffer.from('x'), { timeoutMs: 5_000 }))).toBe('printer.spooler-unavailable');
  });
});
