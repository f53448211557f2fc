import { describe, expect, it } from 'vitest';
import { tempDatabases } from '../../src-main/db/test-db';
import { makeBench, order, PACKER, seedBench, TestHub, wedge } from '../../src-main/workflows/pack/testing/bench-fixture';

/**
 * A station killed in the middle of a pack resumes it from the database (pack-restore.ts): what the
 * packer saw is what comes back, and the scale's old readings never close a package.
 */
const openDatabase = tempDatabases();
const SHIRT = '7798142008215';

describe('a station restarted in the middle of a pack', () => {
  it('takes the first weight that settles after the restart, not only one numbered above the old process', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 2]])]);
    const before = new TestHub();
    const first = makeBench(db, before).bench;
    for (let i = 0; i < 5; i += 1) before.settle(400 + i); // the orders packed earlier today
    await first.open('o1', PACKER);
    await first.scan(wedge(SHIRT));
    await first.command('next-package', PACKER);
    before.settle(150);
    await first.idle();
    expect(first.view()).toMatchObject({ currentPackage: 2, phase: 'scanning' });
    await first.scan(wedge(SHIRT));
    expect(first.view()!.phase).toBe('weighing');
    // SIGKILL; the new process's scale numbers its settlements from 1 again.
    const after = new TestHub();
    const second = makeBench(db, after).bench;
    await second.start(() => PACKER);
    expect(second.view()).toMatchObject({ currentPackage: 2, phase: 'weighing' });
    after.settle(150);
    await second.idle();
    expect(second.view()).toMatchObject({ phase: 'ready' });
    expect(second.view()!.packages[1]).toMatchObject({ weighed: 'ok', weightMg: 150_000 });
  });

  it('never takes the weight that had settled on the scale before the pack was restored', async () => {
    const db = await openDatabase();
    await seedBench(db, [order('o1', '#1001', [['shirt', 2]])]);
    const first = makeBench(db, new TestHub()).bench;
    await first.open('o1', PACKER);
    await first.scan(wedge(SHIRT));
    await first.scan(wedge(SHIRT));
    expect(first.view()!.phase).toBe('weighing');
    const after = new TestHub();
    after.settle(150); // the first box's weight, from before anyone knew which package this is
    const second = makeBench(db, after).bench;
    await second.start(() => PACKER);
    await second.idle();
    expect(second.view()).toMatchObject({ phase: 'weighing' });
    after.settle(300);
    await second.idle();
    expect(second.view()).toMatchObject({ phase: 'ready' });
  });
});
