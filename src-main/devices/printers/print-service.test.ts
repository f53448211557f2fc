import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import type { PrintJob } from '../../db/repos/print-jobs';
import { getPrintJob, getPrintJobDocument } from '../../db/repos/print-jobs';
import { tempDatabases } from '../../db/test-db';
import { tempPrinterSinks } from '../simulators/test-sinks';
import { PrintService, type PrintDocument, type PrintServiceDeps } from './print-service';
import type { PrinterTransport } from './types';

const openDatabase = tempDatabases();
const printer = tempPrinterSinks();

const zpl = (text: string): PrintDocument => ({ language: 'zpl', bytes: Buffer.from(`^XA^CI28^FO20,20^A0N,30,30^FH^FD${text}^FS^XZ\n`, 'utf8') });
const tspl = (text: string): PrintDocument => ({ language: 'tspl', bytes: Buffer.from(`CLS\r\nTEXT 20,20,"3",0,1,1,"${text}"\r\nPRINT 1,1\r\n`) });

async function bench(overrides: Partial<PrintServiceDeps> = {}): Promise<{ db: Database; service: PrintService; events: PrintJob[] }> {
  const db = await openDatabase();
  const events: PrintJob[] = [];
  let n = 0;
  const service = new PrintService({ db, newId: () => `job-${++n}`, timeoutMs: 1_500, statusTimeoutMs: 300, onJob: (job) => events.push(job), ...overrides });
  return { db, service, events };
}

describe('the print service', () => {
  it('prints a ZPL label: asks the printer for its status, sends the bytes intact, records the job done', async () => {
    const sink = await printer();
    const { db, service, events } = await bench();
    const document = zpl('Ünïcødé label');
    const outcome = await service.print({ kind: 'shipping-label', printer: sink.uri, documentRef: 'shipment:42', document });
    expect(outcome).toMatchObject({ ok: true, job: { id: 'job-1', status: 'done', attempts: 1, errorCode: null, printer: sink.uri, documentRef: 'shipment:42' } });
    expect(sink.statusQueries).toBe(1);
    expect(sink.jobs.map((j) => j.bytes)).toEqual([Buffer.from(document.bytes)]);
    expect(await getPrintJob(db, 'job-1')).toMatchObject({ status: 'done', attempts: 1 });
    expect(events.map((e) => [e.status, e.attempts])).toEqual([['queued', 0], ['queued', 1], ['sent', 1], ['done', 1]]);
  });

  it('fails a job to a printer that is off with printer.connection-refused, then prints it on retry once it is back', async () => {
    const sink = await printer();
    await sink.setBehaviour('refuse');
    const { db, service } = await bench();
    const document = zpl('retry me');
    const failed = await service.print({ kind: 'shipping-label', printer: sink.uri, document });
    expect(failed).toMatchObject({ ok: false, error: { code: 'printer.connection-refused' }, job: { id: 'job-1', status: 'failed', errorCode: 'printer.connection-refused', attempts: 1 } });

    await sink.setBehaviour('accept');
    const retried = await service.retry('job-1');
    expect(retried).toMatchObject({ ok: true, job: { id: 'job-1', status: 'done', attempts: 2, errorCode: null } });
    expect(sink.jobs.map((j) => j.bytes)).toEqual([Buffer.from(document.bytes)]);
    expect(await getPrintJob(db, 'job-1')).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('does not send a label to a printer with paper out: printer.paper-out, nothing printed', async () => {
    const sink = await printer({ status: 'paper-out' });
    const { service } = await bench();
    const outcome = await service.print({ kind: 'shipping-label', printer: sink.uri, document: zpl('no paper') });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'printer.paper-out', detail: { problems: 'paper-out' } }, job: { status: 'failed', attempts: 1 } });
    expect(sink.jobs).toEqual([]);
    sink.setStatus('head-open');
    expect(await service.retry('job-1')).toMatchObject({ ok: false, error: { code: 'printer.head-open' }, job: { attempts: 2 } });
    sink.setStatus('ok');
    expect(await service.retry('job-1')).toMatchObject({ ok: true, job: { attempts: 3 } });
  });

  it('treats a ZPL printer that does not answer ~HS as in error: the job is not sent', async () => {
    const sink = await printer({ status: 'silent' });
    const { service } = await bench();
    const outcome = await service.print({ kind: 'shipping-label', printer: sink.uri, document: zpl('silent printer') });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'printer.no-status' }, job: { status: 'failed' } });
    expect(sink.jobs).toEqual([]);
  });

  it('returns within the timeout from a printer that stalls, with printer.timeout (TSPL: no status to ask)', async () => {
    const sink = await printer({ behaviour: 'stall' });
    const { service } = await bench({ timeoutMs: 600 });
    const started = Date.now();
    const outcome = await service.print({ kind: 'shipping-label', printer: sink.uri, document: tspl('stalled') });
    const took = Date.now() - started;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'printer.timeout' }, job: { status: 'failed', errorCode: 'printer.timeout' } });
    // The budget, plus room for the failed row to be written on a busy machine.
    expect(took).toBeLessThan(600 + 250);
  });

  it('cuts off a transport that ignores its own timeout, and its late success changes nothing', async () => {
    let finish: () => void = () => undefined;
    const hanging: PrinterTransport = { uri: 'tcp://hang:9100', send: () => new Promise<void>((resolve) => (finish = resolve)) };
    const { db, service } = await bench({ timeoutMs: 300, openTransport: () => hanging });
    const started = Date.now();
    const outcome = await service.print({ kind: 'test', printer: 'tcp://hang:9100', document: tspl('hang') });
    expect(Date.now() - started).toBeLessThan(300 + 250);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'printer.timeout', detail: { phase: 'job' } }, job: { status: 'failed' } });
    finish();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await getPrintJob(db, 'job-1')).toMatchObject({ status: 'failed', errorCode: 'printer.timeout' });
  });

  it('never throws: a transport bug is an internal failure, a bad address is printer.bad-uri, a PDF to a raw printer is refused', async () => {
    const broken: PrinterTransport = {
      uri: 'tcp://bug:9100',
      send: () => {
        throw new TypeError('bug');
      },
    };
    const { service } = await bench({ openTransport: () => broken });
    expect(await service.print({ kind: 'test', printer: 'tcp://bug:9100', document: tspl('x') })).toMatchObject({ ok: false, error: { code: 'internal', message: 'bug' }, job: { status: 'failed' } });
    const real = (await bench()).service;
    expect(await real.print({ kind: 'test', printer: 'lpt1', document: tspl('x') })).toMatchObject({ ok: false, error: { code: 'printer.bad-uri' }, job: { status: 'failed' } });
    const sink = await printer();
    expect(await real.print({ kind: 'packing-slip', printer: sink.uri, document: { language: 'pdf', bytes: Buffer.from('%PDF-1.7') } })).toMatchObject({ ok: false, error: { code: 'printer.pdf-unsupported' } });
    expect(sink.jobs).toEqual([]);
  });

  it('answers with an internal error, not an exception, when the database is gone', async () => {
    const { db, service } = await bench();
    await db.close();
    expect(await service.print({ kind: 'test', printer: 'file:/tmp/x', document: tspl('x') })).toMatchObject({ ok: false, error: { code: 'internal' }, job: null });
    expect(await service.retry('job-1')).toMatchObject({ ok: false, error: { code: 'internal' }, job: null });
  });

  it('retries only what can be retried, and rebuilds an evicted document from its reference', async () => {
    const sink = await printer();
    await sink.setBehaviour('refuse');
    const loaded: string[] = [];
    const { service } = await bench({ keepDocuments: 0, storeDocuments: false, loadDocument: async (ref) => (loaded.push(ref), ref === 'shipment:7' ? zpl('rebuilt') : null) });
    expect(await service.retry('nope')).toMatchObject({ ok: false, error: { code: 'printer.job-not-found' }, job: null });
    await service.print({ kind: 'shipping-label', printer: sink.uri, documentRef: 'shipment:7', document: zpl('first') });
    await service.print({ kind: 'shipping-label', printer: sink.uri, documentRef: null, document: zpl('second') });
    await sink.setBehaviour('accept');
    expect(await service.retry('job-2')).toMatchObject({ ok: false, error: { code: 'printer.document-unavailable' }, job: { status: 'failed' } });
    expect(await service.retry('job-1')).toMatchObject({ ok: true, job: { status: 'done' } });
    expect(loaded).toEqual(['shipment:7']);
    expect(sink.jobs[0]!.bytes.toString()).toContain('rebuilt');
    expect(await service.retry('job-1')).toMatchObject({ ok: false, error: { code: 'printer.job-not-retryable', detail: { reason: 'done' } } });
  });

  it('keeps a failed job\'s bytes in SQLite, so a retry after a restart sends exactly them, and clears them once printed', async () => {
    const sink = await printer();
    await sink.setBehaviour('refuse');
    const { db, service } = await bench();
    const document = zpl('kept across restarts Ñ');
    expect(await service.print({ kind: 'shipping-label', printer: sink.uri, documentRef: 'order:1/package:1', document })).toMatchObject({ ok: false, job: { status: 'failed' } });
    expect(await getPrintJobDocument(db, 'job-1')).toEqual({ language: 'zpl', bytes: new Uint8Array(document.bytes) });
    // A new service on the same database: nothing in memory, no way to rebuild from the reference.
    const afterRestart = new PrintService({ db, timeoutMs: 1_500, statusTimeoutMs: 300, loadDocument: async () => null });
    await sink.setBehaviour('accept');
    expect(await afterRestart.retry('job-1')).toMatchObject({ ok: true, job: { status: 'done', attempts: 2 } });
    expect(sink.jobs.map((j) => j.bytes)).toEqual([Buffer.from(document.bytes)]);
    expect(await getPrintJobDocument(db, 'job-1')).toBeNull();
  });

  it('sends jobs to one printer one at a time, in the order they were asked for', async () => {
    const sink = await printer();
    const { service } = await bench();
    const outcomes = await Promise.all(['label 1', 'slip 1', 'label 2'].map((text) => service.print({ kind: 'shipping-label', printer: sink.uri, document: zpl(text) })));
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    expect(sink.jobs.map((j) => /\^FD(.*?)\^FS/.exec(j.bytes.toString())?.[1])).toEqual(['label 1', 'slip 1', 'label 2']);
  });
});
