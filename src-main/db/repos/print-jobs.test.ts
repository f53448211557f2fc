import { describe, expect, it } from 'vitest';
import { tempDatabases } from '../test-db';
import {
  beginPrintAttempt,
  createPrintJob,
  getPrintJob,
  listRecentPrintJobs,
  markPrintJobDone,
  markPrintJobFailed,
  markPrintJobSent,
} from './print-jobs';

const openDatabase = tempDatabases();

const T0 = '2026-11-23T10:00:00.000Z';
const T1 = '2026-11-23T10:00:01.000Z';
const T2 = '2026-11-23T10:00:02.000Z';
const T3 = '2026-11-23T10:00:03.000Z';

describe('print jobs', () => {
  it('records a queued label job and takes it through sent to done', async () => {
    const db = await openDatabase();
    const job = await createPrintJob(db, { id: 'j1', kind: 'shipping-label', printer: 'tcp://10.0.0.5:9100', documentRef: 'shipment:42', now: T0 });
    expect(job).toEqual({ id: 'j1', kind: 'shipping-label', printer: 'tcp://10.0.0.5:9100', documentRef: 'shipment:42', status: 'queued', errorCode: null, attempts: 0, createdAt: T0, updatedAt: T0 });
    expect(await beginPrintAttempt(db, job, T1)).toMatchObject({ status: 'queued', attempts: 1, updatedAt: T1 });
    expect(await markPrintJobSent(db, 'j1', T1)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await markPrintJobDone(db, 'j1', T2)).toMatchObject({ status: 'done', errorCode: null, updatedAt: T2 });
    expect(await getPrintJob(db, 'j1')).toMatchObject({ status: 'done', attempts: 1, createdAt: T0 });
  });

  it('keeps the reason of a failed attempt until a retry starts, and counts attempts', async () => {
    const db = await openDatabase();
    const job = await createPrintJob(db, { id: 'j1', kind: 'test', printer: 'tcp://10.0.0.5:9100', documentRef: null, now: T0 });
    const first = (await beginPrintAttempt(db, job, T1))!;
    expect(await markPrintJobFailed(db, 'j1', 'printer.connection-refused', T1)).toMatchObject({ status: 'failed', errorCode: 'printer.connection-refused', attempts: 1 });
    const failed = (await getPrintJob(db, 'j1'))!;
    expect(await beginPrintAttempt(db, failed, T2)).toMatchObject({ status: 'queued', errorCode: null, attempts: 2 });
    // The state read before the first retry is stale now: a second retry from it does nothing.
    expect(await beginPrintAttempt(db, failed, T2)).toBeNull();
    expect(await beginPrintAttempt(db, first, T2)).toBeNull();
    await markPrintJobSent(db, 'j1', T2);
    expect(await markPrintJobFailed(db, 'j1', 'printer.timeout', T3)).toMatchObject({ status: 'failed', errorCode: 'printer.timeout', attempts: 2 });
  });

  it('refuses transitions out of order and never restarts a printed job', async () => {
    const db = await openDatabase();
    const job = await createPrintJob(db, { id: 'j1', kind: 'rma-label', printer: 'usb:/dev/usb/lp0', documentRef: null, now: T0 });
    expect(await markPrintJobDone(db, 'j1', T1)).toBeNull();
    const attempt = (await beginPrintAttempt(db, job, T1))!;
    await markPrintJobSent(db, 'j1', T1);
    expect(await markPrintJobSent(db, 'j1', T1)).toBeNull();
    const done = (await markPrintJobDone(db, 'j1', T2))!;
    expect(await markPrintJobFailed(db, 'j1', 'printer.timeout', T3)).toBeNull();
    expect(await beginPrintAttempt(db, done, T3)).toBeNull();
    expect(await beginPrintAttempt(db, attempt, T3)).toBeNull();
    expect(await markPrintJobSent(db, 'nobody', T3)).toBeNull();
    expect(await getPrintJob(db, 'nobody')).toBeNull();
    expect((await getPrintJob(db, 'j1'))?.status).toBe('done');
  });

  it('lists recent jobs newest first, optionally by status, within a limit', async () => {
    const db = await openDatabase();
    for (const [i, at] of [T0, T1, T1, T2].entries()) await createPrintJob(db, { id: `j${i}`, kind: 'shipping-label', printer: 'cups://Zebra', documentRef: null, now: at });
    const j3 = (await getPrintJob(db, 'j3'))!;
    await beginPrintAttempt(db, j3, T3);
    await markPrintJobFailed(db, 'j3', 'printer.paper-out', T3);
    expect((await listRecentPrintJobs(db)).map((j) => j.id)).toEqual(['j3', 'j2', 'j1', 'j0']);
    expect((await listRecentPrintJobs(db, { limit: 2 })).map((j) => j.id)).toEqual(['j3', 'j2']);
    expect((await listRecentPrintJobs(db, { status: 'failed' })).map((j) => [j.id, j.errorCode])).toEqual([['j3', 'printer.paper-out']]);
    expect(await listRecentPrintJobs(db, { status: 'done' })).toEqual([]);
  });

  it('refuses a kind the table does not know', async () => {
    const db = await openDatabase();
    await expect(createPrintJob(db, { kind: 'poster' as never, printer: 'cups://Zebra', documentRef: null, now: T0 })).rejects.toThrow(/CHECK/);
  });
});
