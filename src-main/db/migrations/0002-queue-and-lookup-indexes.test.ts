import { describe, expect, it } from 'vitest';
import type { Database } from '../database';
import { migrate } from '../migrate';
import { listOrderQueue, orderQueueQuery } from '../repos/orders';
import { sql } from '../sql';
import { tempDatabases } from '../test-db';
import { MIGRATIONS } from './index';

const openDatabase = tempDatabases();

const NOW = '2026-11-23T10:00:00.000Z';

/** Rows a station had under 0001, which 0002 must carry over untouched. */
async function fixtureAtVersionOne(db: Database): Promise<void> {
  await db.run(sql`INSERT INTO operators (id, name, role, pin_hash, created_at) VALUES ('op', 'Ana', 'packer', 'h', ${NOW})`);
  for (const [id, status, priority, shipBy] of [['a', 'open', 0, '2026-11-24T10:00:00Z'], ['b', 'in-progress', 2, null], ['c', 'packed', 3, '2026-11-23T11:00:00Z'], ['d', 'open', 2, '2026-11-23T18:00:00Z']] as const) {
    await db.run(sql`INSERT INTO orders (id, platform, external_id, number, status, customer_name, ship_name, ship_line1, ship_city, ship_country, priority, ship_by, created_at, updated_at)
      VALUES (${id}, 'demo', ${id}, ${'#' + id}, ${status}, 'C', 'C', 'L', 'City', 'AR', ${priority}, ${shipBy}, ${NOW}, ${NOW})`);
  }
  await db.run(sql`INSERT INTO pack_sessions (id, order_id, station_id, operator_id, state, started_at) VALUES ('s1', 'b', 'st', 'op', 'scanning', ${NOW})`);
  await db.run(sql`INSERT INTO pack_sessions (id, order_id, station_id, operator_id, state, started_at) VALUES ('s0', 'b', 'st', 'op', 'abandoned', ${NOW})`);
}

async function migratedFromOneToTwo(): Promise<Database> {
  const db = await openDatabase(1);
  await fixtureAtVersionOne(db);
  await migrate(db, MIGRATIONS.slice(0, 2));
  return db;
}

const live = (id: string, order: string, state = 'scanning') =>
  sql`INSERT INTO pack_sessions (id, order_id, station_id, operator_id, state, started_at) VALUES (${id}, ${order}, 'st', 'op', ${state}, ${NOW})`;

describe('migration 0002-queue-and-lookup-indexes', () => {
  it('keeps every order and session a station already had', async () => {
    const db = await migratedFromOneToTwo();
    expect(await db.all(sql`SELECT id, status FROM orders ORDER BY id`)).toEqual([
      { id: 'a', status: 'open' },
      { id: 'b', status: 'in-progress' },
      { id: 'c', status: 'packed' },
      { id: 'd', status: 'open' },
    ]);
    expect(await db.all(sql`SELECT id FROM pack_sessions ORDER BY id`)).toEqual([{ id: 's0' }, { id: 's1' }]);
    expect(await db.all(sql`SELECT id FROM schema_migrations ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('reads the packing queue straight from its index, without sorting all waiting orders', async () => {
    const db = await migratedFromOneToTwo();
    // Today's queue statement reads columns later migrations add (0006's folded name).
    await migrate(db, MIGRATIONS);
    for (const search of [undefined, 'Ana']) {
      const plan = (await db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${orderQueueQuery({ limit: 50, search })}`)).map((p) => p.detail).join('\n');
      expect(plan).toMatch(/SCAN o USING INDEX orders_queue/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
    expect((await listOrderQueue(db, { limit: 10 })).map((o) => o.id)).toEqual(['d', 'b', 'a']);
  });

  it('allows one live pack session per order, and a new one once the last has ended', async () => {
    const db = await migratedFromOneToTwo();
    await expect(db.run(live('s2', 'b', 'weighing'))).rejects.toThrow(/UNIQUE/);
    await db.run(live('s3', 'a'));
    await db.run(sql`UPDATE pack_sessions SET state = 'complete' WHERE id = 's1'`);
    await db.run(live('s4', 'b'));
  });

  it('adds the look-up indexes the desks rely on', async () => {
    const db = await migratedFromOneToTwo();
    const names = (await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'index'`)).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['orders_queue', 'returns_rma', 'return_items_return', 'pack_scans_serial', 'packages_tracking', 'pack_sessions_live', 'audit_log_subject']));
  });
});
