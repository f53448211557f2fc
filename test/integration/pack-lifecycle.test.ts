import { describe, expect, it } from 'vitest';
import { sql } from '../../src-main/db/sql';
import { tempDatabases } from '../../src-main/db/test-db';
import { commandBarcode } from '../../src-main/workflows/pack/classify-scan';
import { resolveException } from '../../src-main/workflows/pack/resolve-exception';
import { makeBench, NOW, order, PACKER, seedBench, SUPERVISOR, TestHub, wedge } from '../../src-main/workflows/pack/testing/bench-fixture';

/**
 * The packing bench across the ends of a pack (cancel, exception, restart): nothing acknowledged is
 * lost, nothing is done twice, and nothing a pack left behind blocks the next one.
 */
const openDatabase = tempDatabases();
const PHONE = '4006381333931';

describe('a pack that ends without shipping', () => {
  it('lets the phone whose serial was scanned in a cancelled pack be packed when the order is opened again', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['phone', 1], ['shirt', 1]])]);
    const { bench } = makeBench(db, new TestHub());
    await bench.open('o1', PACKER);
    expect((await bench.scan(wedge(PHONE))).outcome).toBe('needs-serial');
    expect((await bench.scan(wedge('SN-1'))).outcome).toBe('line-complete');
    await bench.release(PACKER);
    await bench.open('o1', PACKER);
    expect((await bench.scan(wedge(PHONE))).outcome).toBe('needs-serial');
    expect((await bench.scan(wedge('SN-1'))).outcome).toBe('line-complete');
  });

  it('lets the phone of a held order be packed after the supervisor puts the order back in the queue', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['phone', 1], ['shirt', 1]])]);
    const { bench } = makeBench(db, new TestHub());
    await bench.open('o1', PACKER);
    await bench.scan(wedge(PHONE));
    await bench.scan(wedge('SN-1'));
    await bench.exception(PACKER, 'damaged', 'torn sleeve');
    const exception = await db.get<{ id: string }>(sql`SELECT id FROM pack_exceptions`);
    await resolveException({ db, stationId: 'station-1', now: () => new Date(NOW) }, exception!.id, 'requeue', SUPERVISOR.id);
    await bench.open('o1', PACKER);
    await bench.scan(wedge(PHONE));
    expect((await bench.scan(wedge('SN-1'))).outcome).toBe('line-complete');
  });

  it('still refuses the serial of a phone shipped in another order', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['phone', 1]]), order('o2', '#1002', [['phone', 1]])]);
    const hub = new TestHub();
    const { bench } = makeBench(db, hub);
    await bench.open('o1', PACKER);
    await bench.scan(wedge(PHONE));
    await bench.scan(wedge('SN-1'));
    hub.settle(200);
    await bench.idle();
    await bench.complete(PACKER);
    await bench.open('o2', PACKER);
    await bench.scan(wedge(PHONE));
    expect((await bench.scan(wedge('SN-1'))).outcome).toBe('duplicate-serial');
  });
});

describe('a label that did not print', () => {
  it('reprints with the REPRINT barcode after the next order has opened by itself', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['mug', 1]]), order('o2', '#1002', [['mug', 1]])]);
    const hub = new TestHub();
    const { bench } = makeBench(db, hub, { openNextOnComplete: true });
    await bench.open('o1', PACKER);
    await bench.scan(wedge('9780201379624'));
    hub.settle(300);
    await bench.idle();
    hub.printerUp = false;
    await bench.complete(PACKER);
    expect(bench.view()).toMatchObject({ orderNumber: '#1002', previous: { orderNumber: '#1001', packages: [{ labelState: 'failed' }] } });
    hub.printerUp = true;
    expect((await bench.scan(wedge(commandBarcode('reprint')))).view).toMatchObject({ orderNumber: '#1002', phase: 'scanning', previous: { packages: [{ labelState: 'printed' }] } });
    expect(hub.printed.map((p) => p.documentRef)).toEqual(['order:o1/package:1']);
    expect(await db.get(sql`SELECT label_state FROM packages WHERE tracking IS NOT NULL`)).toEqual({ label_state: 'printed' });
  });

  it('reprints with the REPRINT barcode while the completed pack is still on screen', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['mug', 1]])]);
    const hub = new TestHub();
    const { bench } = makeBench(db, hub, { openNextOnComplete: false });
    await bench.open('o1', PACKER);
    await bench.scan(wedge('9780201379624'));
    hub.settle(300);
    await bench.idle();
    hub.printerUp = false;
    await bench.complete(PACKER);
    expect(bench.view()).toMatchObject({ phase: 'complete', packages: [{ labelState: 'failed' }] });
    hub.printerUp = true;
    expect((await bench.scan(wedge(commandBarcode('reprint')), PACKER)).view).toMatchObject({ phase: 'complete', packages: [{ labelState: 'printed' }] });
    expect(hub.printed.map((p) => p.documentRef)).toEqual(['order:o1/package:1']);
  });
});
