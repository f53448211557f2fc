import { describe, expect, it } from 'vitest';
import { listPackMetrics } from '../../db/repos/pack-sessions';
import { sql } from '../../db/sql';
import { tempDatabases } from '../../db/test-db';
import { makeBench, order, PACKER, seedBench, SUPERVISOR, TestHub, wedge } from './testing/bench-fixture';
import { commandBarcode } from './classify-scan';

const openDatabase = tempDatabases();
const SHIRT = '7798142008215';
const SHIRT_CASE = '17798142008212';
const PHONE = '4006381333931';
const MUG = '9780201379624';
const CREAM = '5901234123457';

describe('packing bench (real SQLite, test hub)', () => {
  it('packs a three-line order with a wrong item and an over-scan, weighs it and prints a label with its tracking', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 2], ['phone', 1], ['cream', 1]])]);
    const hub = new TestHub();
    const { bench } = makeBench(db, hub);
    await bench.open('o1', PACKER);
    expect((await bench.scan(wedge(SHIRT))).outcome).toBe('ok');
    expect((await bench.scan(wedge(MUG))).outcome).toBe('wrong-item');
    expect((await bench.scan(wedge('SHIRT-M'))).outcome).toBe('line-complete');
    expect((await bench.scan(wedge(SHIRT))).outcome).toBe('too-many');
    // The phone's GS1 DataMatrix carries its serial (21): packed in one scan.
    expect((await bench.scan({ raw: `01${'0' + PHONE}21SN-0001`, symbology: ']d2' })).outcome).toBe('line-complete');
    // The cream asks for its lot; the next scan supplies it.
    expect((await bench.scan(wedge(CREAM))).outcome).toBe('needs-lot');
    const done = await bench.scan(wedge('LOT-42'));
    expect(done.outcome).toBe('order-complete');
    expect(done.view?.phase).toBe('weighing');
    hub.settle(150 * 2 + 200 + 60 + 3); // grams: within 20 g
    await bench.idle();
    await bench.scan(wedge(commandBarcode('complete'))).catch(() => undefined);
    const view = bench.view()!;
    expect(view.phase).toBe('complete');
    expect(view.misScans).toBe(2);
    expect(view.packages[0]).toMatchObject({ weighed: 'ok', weightMg: 563_000, expectedWeightMg: 560_000, labelState: 'printed' });
    const tracking = view.packages[0]!.tracking!;
    expect(tracking).toMatch(/^BCSTATIO-000001$/);
    const zpl = Buffer.from(hub.printed[0]!.document.bytes).toString();
    expect(zpl).toContain(tracking);
    // One transaction: order packed, outbox fulfil with the package's lines, audit row.
    expect(await db.get(sql`SELECT status, claimed_station_id FROM orders WHERE id = 'o1'`)).toEqual({ status: 'packed', claimed_station_id: null });
    const outbox = await db.all<{ kind: string; payload: string }>(sql`SELECT kind, payload FROM outbox ORDER BY id`);
    expect(outbox.map((o) => o.kind)).toEqual(['order.claim', 'order.fulfil']);
    const fulfil = JSON.parse(outbox[1]!.payload);
    expect(fulfil.packages).toEqual([
      { tracking, carrier: 'Correios', trackingUrl: null, weightMg: 563_000, lines: [{ lineExternalId: 'o1-1', quantity: 2 }, { lineExternalId: 'o1-2', quantity: 1 }, { lineExternalId: 'o1-3', quantity: 1 }] },
    ]);
    const scans = await db.all<{ outcome: string; serial: string | null; lot: string | null }>(sql`SELECT outcome, serial, lot FROM pack_scans WHERE kind <> 'command' ORDER BY seq`);
    expect(scans.map((s) => s.outcome)).toEqual(['ok', 'wrong-item', 'line-complete', 'too-many', 'line-complete', 'needs-lot', 'order-complete']);
    expect(scans[4]!.serial).toBe('SN-0001');
    expect(scans[6]!.lot).toBe('LOT-42');
    expect(await db.get(sql`SELECT mis_scans, units, state FROM pack_sessions`)).toEqual({ mis_scans: 2, units: 4, state: 'complete' });
    const [metrics] = await listPackMetrics(db, '2000-01-01T00:00:00Z');
    expect(metrics).toMatchObject({ orderNumber: '#1001', operatorId: PACKER.id, state: 'complete', units: 4, misScans: 2, overrides: 0, reopens: 0 });
    expect(metrics!.seconds).toBeGreaterThan(0);
    const actions = (await db.all<{ action: string }>(sql`SELECT action FROM audit_log ORDER BY id`)).map((a) => a.action);
    expect(actions).toEqual(['pack.open', 'pack.complete', 'pack.label-printed']);
  });

  it('splits an order in two packages, blocks a weight off until an override, refuses a duplicate serial, and reprints after the printer comes back', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 3], ['phone', 2]])]);
    const hub = new TestHub();
    const { bench } = makeBench(db, hub);
    await bench.open('o1', PACKER);
    expect((await bench.scan(wedge(SHIRT_CASE))).outcome).toBe('line-complete'); // a case of 3
    await bench.setBox('BOX-S', PACKER);
    await bench.command('next-package', PACKER);
    hub.settle(450 + 120 + 2);
    await bench.idle();
    expect(bench.view()).toMatchObject({ currentPackage: 2, phase: 'scanning' });
    expect((await bench.scan(wedge(PHONE))).outcome).toBe('needs-serial');
    expect((await bench.scan(wedge('SN-7'))).outcome).toBe('ok');
    expect((await bench.scan(wedge(PHONE))).outcome).toBe('needs-serial');
    expect((await bench.scan(wedge('SN-7'))).outcome).toBe('duplicate-serial');
    expect((await bench.scan(wedge('SN-8'))).outcome).toBe('order-complete');
    hub.settle(400 + 150); // one shirt too many in the box?
    await bench.idle();
    expect(bench.view()).toMatchObject({ phase: 'weight-off', weightOff: { actualMg: 550_000, expectedMg: 400_000, offByMg: 150_000 } });
    expect((await bench.complete(PACKER)).outcome).toBe('refused');
    expect((await bench.command('override', PACKER)).code).toBe('pack.override-not-allowed');
    await bench.override(SUPERVISOR);
    hub.printerUp = false;
    await bench.complete(PACKER);
    const view = bench.view()!;
    expect(view.phase).toBe('complete');
    expect(view.packages.map((p) => p.labelState)).toEqual(['failed', 'failed']);
    expect(await db.get(sql`SELECT status FROM orders WHERE id = 'o1'`)).toEqual({ status: 'packed' });
    hub.printerUp = true;
    await bench.reprint(PACKER);
    expect(bench.view()!.packages.map((p) => p.labelState)).toEqual(['printed', 'printed']);
    expect(hub.printed).toHaveLength(2);
    const audit = (await db.all<{ action: string; operator_id: string }>(sql`SELECT action, operator_id FROM audit_log ORDER BY id`)).map((a) => `${a.action}:${a.operator_id}`);
    expect(audit).toContain('pack.weight-override:op-super');
    expect(audit.filter((a) => a.startsWith('pack.label-reprint'))).toHaveLength(2);
    expect(await db.get(sql`SELECT overrides FROM pack_sessions`)).toEqual({ overrides: 1 });
  });

  it('resumes a pack from the database after a restart with every acknowledged scan', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 2], ['phone', 1]])]);
    const first = makeBench(db, new TestHub()).bench;
    await first.open('o1', PACKER);
    await first.scan(wedge(SHIRT));
    await first.scan(wedge(PHONE)); // waiting for the serial when the station dies
    const second = makeBench(db, new TestHub()).bench;
    await second.start(() => PACKER);
    const view = second.view()!;
    expect(view.lines.map((l) => l.packed)).toEqual([1, 0]);
    expect(view.awaiting).toBe('serial');
    expect((await second.scan(wedge('SN-1'))).outcome).toBe('line-complete');
    // With the screen locked (no operator), a scanner's scan is refused, not packed under someone's name.
    const locked = makeBench(db, null).bench;
    await locked.start(() => null);
    await expect(locked.scan(wedge(SHIRT))).rejects.toMatchObject({ code: 'auth.required' });
    expect((await second.scan(wedge(SHIRT))).outcome).toBe('order-complete');
  });

  it('refuses orders claimed at another station, on hold or cancelled, with the reason', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 1]], 'on-hold'), order('o2', '#1002', [['shirt', 1]], 'cancelled'), order('o3', '#1003', [['shirt', 1]])]);
    await db.run(sql`UPDATE orders SET claimed_station_id = 'station-2' WHERE id = 'o3'`);
    const { bench } = makeBench(db, null);
    await expect(bench.open('o1', PACKER)).rejects.toMatchObject({ code: 'pack.order-on-hold' });
    await expect(bench.open('o2', PACKER)).rejects.toMatchObject({ code: 'pack.order-cancelled' });
    await expect(bench.openByCode('#1003', PACKER)).rejects.toMatchObject({ code: 'pack.order-claimed-elsewhere', detail: { station: 'station-2' } });
    await expect(bench.openByCode('#9999', PACKER)).rejects.toMatchObject({ code: 'pack.order-not-found' });
  });

  it('undoes the last scan, allows a manual confirm only with permission, and records it flagged', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 2]])]);
    const { bench } = makeBench(db, null);
    await bench.openByCode('1001', PACKER);
    await bench.scan(wedge(SHIRT));
    expect((await bench.command('undo', PACKER)).outcome).toBe('undone');
    expect(bench.view()!.lines[0]!.packed).toBe(0);
    expect((await bench.manualConfirm('o1-1', PACKER)).code).toBe('pack.manual-not-allowed');
    expect((await bench.manualConfirm('o1-1', SUPERVISOR)).outcome).toBe('ok');
    expect(await db.all(sql`SELECT outcome, manual, undone FROM pack_scans ORDER BY seq`)).toEqual([
      { outcome: 'ok', manual: 0, undone: 1 },
      { outcome: 'undone', manual: 0, undone: 0 },
      { outcome: 'refused', manual: 0, undone: 0 },
      { outcome: 'ok', manual: 1, undone: 0 },
    ]);
    expect((await db.get<{ action: string }>(sql`SELECT action FROM audit_log WHERE action = 'pack.manual-confirm'`))?.action).toBe('pack.manual-confirm');
  });

  it('audits a manual confirm only when it recorded a unit: one that ends as too many or weigh first is not', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 2], ['mug', 1]])]);
    const { bench } = makeBench(db, new TestHub());
    await bench.open('o1', PACKER);
    expect((await bench.manualConfirm('o1-1', SUPERVISOR)).outcome).toBe('ok');
    expect((await bench.manualConfirm('o1-1', SUPERVISOR)).outcome).toBe('line-complete');
    expect((await bench.manualConfirm('o1-1', SUPERVISOR)).outcome).toBe('too-many');
    await bench.command('next-package', PACKER);
    expect((await bench.manualConfirm('o1-2', SUPERVISOR)).outcome).toBe('weigh-first');
    expect(await db.get(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'pack.manual-confirm'`)).toEqual({ n: 2 });
  });

  it('ships what is packed on a short ship where partial fulfilment is allowed, and lists the missing unit for supervisors', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 2], ['mug', 1]])]);
    const hub = new TestHub();
    const { bench } = makeBench(db, hub);
    await bench.open('o1', PACKER);
    await bench.scan(wedge(SHIRT));
    await bench.scan(wedge(SHIRT));
    await bench.exception(PACKER, 'missing', 'no mugs on the shelf', true);
    expect(bench.view()!.phase).toBe('weighing');
    hub.settle(300);
    await bench.idle();
    await bench.complete(PACKER);
    expect(bench.view()!.phase).toBe('complete');
    const fulfil = JSON.parse((await db.get<{ payload: string }>(sql`SELECT payload FROM outbox WHERE kind = 'order.fulfil'`))!.payload);
    expect(fulfil.packages[0].lines).toEqual([{ lineExternalId: 'o1-1', quantity: 2 }]);
    expect(await db.get(sql`SELECT reason, note FROM pack_exceptions`)).toEqual({ reason: 'missing', note: 'no mugs on the shelf' });
    expect(await db.get(sql`SELECT status FROM orders`)).toEqual({ status: 'packed' });
  });

  it('withdraws a short ship the packer undoes: the missing mug turns up, the order ships whole and no exception is left', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 2], ['mug', 1]])]);
    const hub = new TestHub();
    const { bench } = makeBench(db, hub);
    await bench.open('o1', PACKER);
    await bench.scan(wedge(SHIRT));
    await bench.scan(wedge(SHIRT));
    await bench.exception(PACKER, 'missing', 'no mugs on the shelf', true);
    hub.settle(300);
    await bench.idle();
    expect(bench.view()!.phase).toBe('ready');
    // The undo takes back the short ship itself, not the second shirt.
    expect(await bench.command('undo', PACKER)).toMatchObject({ outcome: 'undone', view: { phase: 'scanning', lines: [{ packed: 2 }, { packed: 0 }] } });
    expect(await db.all(sql`SELECT id FROM pack_exceptions`)).toEqual([]);
    expect(await db.get(sql`SELECT action, operator_id FROM audit_log WHERE action = 'pack.short-ship-withdrawn'`)).toEqual({ action: 'pack.short-ship-withdrawn', operator_id: PACKER.id });
    expect((await bench.scan(wedge(MUG))).outcome).toBe('order-complete');
    hub.settle(600);
    await bench.idle();
    await bench.complete(PACKER);
    expect(bench.view()!.phase).toBe('complete');
    expect(await db.all(sql`SELECT id FROM pack_exceptions`)).toEqual([]);
  });

  it('withdraws a short ship when the pack is cancelled, and an exception after a short ship replaces it rather than adding a second', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 2], ['mug', 1]]), order('o2', '#1002', [['shirt', 2], ['mug', 1]])]);
    const { bench } = makeBench(db, new TestHub());
    await bench.open('o1', PACKER);
    await bench.scan(wedge(SHIRT));
    await bench.exception(PACKER, 'missing', null, true);
    await bench.release(PACKER);
    expect(await db.all(sql`SELECT id FROM pack_exceptions`)).toEqual([]);
    expect(await db.get(sql`SELECT status FROM orders WHERE id = 'o1'`)).toEqual({ status: 'open' });
    await bench.open('o2', PACKER);
    await bench.scan(wedge(SHIRT));
    await bench.exception(PACKER, 'missing', null, true);
    await bench.exception(PACKER, 'damaged', 'torn sleeve');
    expect(await db.all(sql`SELECT order_id, reason, note FROM pack_exceptions`)).toEqual([{ order_id: 'o2', reason: 'damaged', note: 'torn sleeve' }]);
    expect(await db.get(sql`SELECT status FROM orders WHERE id = 'o2'`)).toEqual({ status: 'exception' });
  });

  it('ships short after Next package: the empty package is dropped, the one weighed ships alone, and undo brings the empty one back', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 3], ['mug', 1]]), order('o2', '#1002', [['shirt', 3], ['mug', 1]])]);
    const hub = new TestHub();
    const { bench } = makeBench(db, hub, { openNextOnComplete: false });
    await bench.open('o1', PACKER);
    await bench.scan(wedge(SHIRT_CASE));
    await bench.command('next-package', PACKER);
    hub.settle(450);
    await bench.idle();
    expect(bench.view()).toMatchObject({ currentPackage: 2, phase: 'scanning' });
    // No mug on the shelf: the second box stays empty.
    await bench.exception(PACKER, 'missing', null, true);
    expect(bench.view()).toMatchObject({ phase: 'ready', currentPackage: 1, packages: [{ index: 1, units: 3, weighed: 'ok' }] });
    await bench.complete(PACKER);
    expect(bench.view()!.phase).toBe('complete');
    expect(await db.all(sql`SELECT package_index, label_state FROM packages`)).toEqual([{ package_index: 1, label_state: 'printed' }]);
    expect(await db.get(sql`SELECT reason FROM pack_exceptions`)).toEqual({ reason: 'missing' });
    expect(hub.printed).toHaveLength(1);

    await bench.open('o2', PACKER);
    await bench.scan(wedge(SHIRT_CASE));
    await bench.command('next-package', PACKER);
    hub.settle(451);
    await bench.idle();
    await bench.exception(PACKER, 'missing', null, true);
    // The mug turned up after all: back to the second box, the first one still weighed.
    expect(await bench.command('undo', PACKER)).toMatchObject({ outcome: 'undone', view: { phase: 'scanning', currentPackage: 2, packages: [{ index: 1, weighed: 'ok' }, { index: 2, units: 0 }] } });
    expect((await bench.scan(wedge(MUG))).outcome).toBe('order-complete');
    hub.settle(300);
    await bench.idle();
    await bench.complete(PACKER);
    const session = await db.get<{ id: string }>(sql`SELECT id FROM pack_sessions WHERE order_id = 'o2'`);
    expect(await db.all(sql`SELECT package_index, weight_mg FROM packages WHERE session_id = ${session!.id} ORDER BY package_index`)).toEqual([{ package_index: 1, weight_mg: 451_000 }, { package_index: 2, weight_mg: 300_000 }]);
    expect(await db.get(sql`SELECT count(*) AS n FROM pack_exceptions WHERE order_id = 'o2'`)).toEqual({ n: 0 });
  });

  it('learns a missing unit weight from a single-product package, as an estimate', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['soap', 2]])]);
    const hub = new TestHub();
    const { bench } = makeBench(db, hub);
    await bench.open('o1', PACKER);
    await bench.setBox('BOX-MAILER', PACKER);
    await bench.scan(wedge('96385074'));
    await bench.scan(wedge('96385074'));
    hub.settle(15 + 2 * 95);
    await bench.idle();
    expect(bench.view()!.packages[0]!.weighed).toBe('skipped'); // nothing to check against yet
    await bench.complete(PACKER);
    expect(await db.get(sql`SELECT unit_weight_mg, weight_is_estimate, weight_samples FROM products WHERE id = 'soap'`)).toEqual({ unit_weight_mg: 95_000, weight_is_estimate: 1, weight_samples: 1 });
  });

  it('learns no unit weight from a package with no box scanned: its weight includes a box of unknown tare', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['soap', 2]])]);
    const hub = new TestHub();
    const { bench } = makeBench(db, hub);
    await bench.open('o1', PACKER);
    await bench.scan(wedge('96385074'));
    await bench.scan(wedge('96385074'));
    hub.settle(15 + 2 * 95);
    await bench.idle();
    await bench.complete(PACKER);
    expect(bench.view()!.phase).toBe('complete');
    expect(await db.get(sql`SELECT unit_weight_mg, weight_samples FROM products WHERE id = 'soap'`)).toEqual({ unit_weight_mg: null, weight_samples: 0 });
  });

  it('commits an interruption together with its audit row: when the audit cannot be written the pack is not left interrupted', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 2]])]);
    const { bench } = makeBench(db, null);
    await bench.open('o1', PACKER);
    await db.run(sql`CREATE TRIGGER no_interrupted_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'pack.interrupted' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
    await expect(bench.interrupt('o1', 'on-hold')).rejects.toThrow(/audit refused/);
    expect(JSON.parse((await db.get<{ control: string }>(sql`SELECT control FROM pack_sessions`))!.control)).toMatchObject({ phase: 'scanning', interruption: null });
    await db.run(sql`DROP TRIGGER no_interrupted_audit`);
    await bench.interrupt('o1', 'on-hold');
    expect(JSON.parse((await db.get<{ control: string }>(sql`SELECT control FROM pack_sessions`))!.control)).toMatchObject({ phase: 'interrupted', interruption: 'on-hold' });
    expect(await db.get(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'pack.interrupted'`)).toEqual({ n: 1 });
  });

  it('stops the packer when the order is cancelled upstream, and a short ship goes to the exceptions list', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 2]]), order('o2', '#1002', [['shirt', 2]])]);
    const { bench } = makeBench(db, null);
    await bench.open('o1', PACKER);
    await bench.interrupt('o1', 'cancelled');
    expect(bench.view()).toMatchObject({ phase: 'interrupted', interruption: 'cancelled' });
    await expect(bench.scan(wedge(SHIRT))).resolves.toMatchObject({ code: 'pack.interrupted' });
    await bench.release(PACKER);
    expect(bench.view()).toBeNull();
    // Opened again later: recorded as a reopen.
    expect((await bench.open('o1', PACKER)).reopened).toBe(true);
    await bench.release(PACKER);
    expect((await db.get<{ reopens: number }>(sql`SELECT max(reopens) AS reopens FROM pack_sessions WHERE order_id = 'o1'`))?.reopens).toBe(1);
    await bench.open('o2', PACKER);
    await bench.scan(wedge(SHIRT));
    // The EXCEPTION barcode asks the screen for a reason; it ends nothing by itself.
    expect(await bench.scan(wedge(commandBarcode('exception')))).toMatchObject({ outcome: 'command', code: 'exception', view: { phase: 'scanning' } });
    await bench.exception(PACKER, 'damaged', 'torn sleeve');
    expect(await db.get(sql`SELECT status FROM orders WHERE id = 'o2'`)).toEqual({ status: 'exception' });
    expect(await db.get(sql`SELECT reason, note FROM pack_exceptions`)).toEqual({ reason: 'damaged', note: 'torn sleeve' });
    const kinds = (await db.all<{ kind: string }>(sql`SELECT kind FROM outbox ORDER BY id`)).map((o) => o.kind);
    expect(kinds).toEqual(['order.claim', 'order.claim', 'order.release', 'order.claim', 'order.hold']);
  });
});
