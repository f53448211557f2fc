import { describe, expect, it } from 'vitest';
import { sql } from '../../src-main/db/sql';
import { tempDatabases } from '../../src-main/db/test-db';
import { makeBench, order, PACKER, seedBench, TestHub, wedge } from '../../src-main/workflows/pack/testing/bench-fixture';

/** Scans at the bench while an item waits for its serial or lot: only a serial or a lot answers it. */
const openDatabase = tempDatabases();
const SHIRT = '7798142008215';
const PHONE = '4006381333931';
const CREAM = '5901234123457';

describe('an item waiting for its serial or lot', () => {
  it('refuses the next product scanned instead of taking its barcode as the lot', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['cream', 1], ['shirt', 1]])]);
    const { bench } = makeBench(db, new TestHub());
    await bench.open('o1', PACKER);
    expect((await bench.scan(wedge(CREAM))).outcome).toBe('needs-lot');
    expect(await bench.scan(wedge(SHIRT))).toMatchObject({ outcome: 'refused', code: 'pack.lot-expected', view: { awaiting: 'lot' } });
    expect(bench.view()!.lines.map((l) => l.packed)).toEqual([0, 0]);
    expect((await bench.scan(wedge('LOT-42'))).outcome).toBe('line-complete');
    expect(await db.get(sql`SELECT lot FROM pack_scans WHERE outcome = 'line-complete'`)).toEqual({ lot: 'LOT-42' });
  });

  it('refuses a second phone scanned where its serial was asked for, instead of taking the GTIN as the serial', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['phone', 2]])]);
    const { bench } = makeBench(db, new TestHub());
    await bench.open('o1', PACKER);
    expect((await bench.scan(wedge(PHONE))).outcome).toBe('needs-serial');
    expect(await bench.scan(wedge(PHONE))).toMatchObject({ outcome: 'refused', code: 'pack.serial-expected', view: { awaiting: 'serial' } });
    expect((await bench.scan(wedge('SN-1'))).outcome).toBe('ok');
    expect(await db.all(sql`SELECT serial FROM pack_scans WHERE outcome = 'ok'`)).toEqual([{ serial: 'SN-1' }]);
  });

  it('takes the serial from a GS1 code of the same product', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['phone', 1]])]);
    const { bench } = makeBench(db, new TestHub());
    await bench.open('o1', PACKER);
    expect((await bench.scan(wedge(PHONE))).outcome).toBe('needs-serial');
    expect((await bench.scan({ raw: `010${PHONE}21SN-9`, symbology: ']d2' })).outcome).toBe('order-complete');
    expect(await db.get(sql`SELECT serial FROM pack_scans WHERE outcome = 'order-complete'`)).toEqual({ serial: 'SN-9' });
  });
});

describe('the scale while a package waits for its weight', () => {
  it('ignores an empty scale settling at zero (the box lifted for a recount) without a refusal for the packer', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 2]])]);
    const hub = new TestHub();
    const { bench } = makeBench(db, hub);
    await bench.open('o1', PACKER);
    await bench.scan(wedge(SHIRT));
    await bench.scan(wedge(SHIRT));
    hub.settle(450);
    await bench.idle();
    expect(bench.view()!.phase).toBe('weight-off');
    await bench.command('recount', PACKER);
    hub.settle(0);
    await bench.idle();
    expect(bench.view()).toMatchObject({ phase: 'weighing', lastScan: { outcome: 'command' } });
    hub.settle(300);
    await bench.idle();
    expect(bench.view()!.phase).toBe('ready');
  });
});
