import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { sql } from '../sql';
import { tempDatabases } from '../test-db';
import { MIGRATIONS } from './index';

const openDatabase = tempDatabases();
const NOW = '2026-11-23T10:00:00.000Z';
/** Migrations before and including 0005, by position (other areas' numbers may sit in between). */
const UPTO = MIGRATIONS.findIndex((m) => m.id === 5) + 1;

describe('migration 0005-sync-outbox-states', () => {
  it('carries every outbox row over with its status, attempts and error', async () => {
    const db = await openDatabase(UPTO - 1);
    await db.run(sql`INSERT INTO outbox (destination, aggregate_type, aggregate_id, kind, payload, idempotency_key, station_id, created_at, status, attempts, last_error)
      VALUES ('platform', 'order', 'o1', 'order.claim', '{"kind":"order.claim"}', 'k1', 'st', ${NOW}, 'rejected', 3, 'gone')`);
    await db.run(sql`INSERT INTO outbox (destination, aggregate_type, aggregate_id, kind, payload, idempotency_key, station_id, created_at)
      VALUES ('platform', 'order', 'o1', 'order.fulfil', '{"kind":"order.fulfil"}', 'k2', 'st', ${NOW})`);
    await migrate(db, MIGRATIONS.slice(0, UPTO));
    expect(await db.all(sql`SELECT id, idempotency_key, status, attempts, last_error, last_error_code, done_at FROM outbox ORDER BY id`)).toEqual([
      { id: 1, idempotency_key: 'k1', status: 'rejected', attempts: 3, last_error: 'gone', last_error_code: null, done_at: null },
      { id: 2, idempotency_key: 'k2', status: 'pending', attempts: 0, last_error: null, last_error_code: null, done_at: null },
    ]);
  });

  it('accepts discarded, still refuses an unknown status and a repeated idempotency key', async () => {
    const db = await openDatabase(UPTO);
    const insert = (key: string, status: string) =>
      db.run(sql`INSERT INTO outbox (destination, aggregate_type, aggregate_id, kind, payload, idempotency_key, station_id, created_at, status)
        VALUES ('platform', 'order', 'o1', 'order.claim', '{}', ${key}, 'st', ${NOW}, ${status})`);
    await insert('a', 'discarded');
    await expect(insert('b', 'lost')).rejects.toThrow(/CHECK/);
    await expect(insert('a', 'pending')).rejects.toThrow(/UNIQUE/);
  });

  it('answers "an earlier row of this order is undelivered" from an index', async () => {
    const db = await openDatabase(UPTO);
    const plan = (await db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN SELECT 1 FROM outbox p WHERE p.destination = 'platform' AND p.aggregate_type = 'order' AND p.aggregate_id = 'o1' AND p.id < 10 AND p.status <> 'done'`))
      .map((p) => p.detail)
      .join('\n');
    expect(plan).toMatch(/outbox_aggregate/);
  });

  it('keeps an upstream change aside as JSON only', async () => {
    const db = await openDatabase(UPTO);
    const order = (id: string, pending: string | null) =>
      db.run(sql`INSERT INTO orders (id, platform, external_id, number, status, customer_name, ship_name, ship_line1, ship_city, ship_country, created_at, updated_at, upstream_pending)
        VALUES (${id}, 'demo', ${id}, '#1', 'open', 'C', 'C', 'L', 'City', 'AR', ${NOW}, ${NOW}, ${pending})`);
    await order('a', '{"state":"cancelled"}');
    await expect(order('b', 'not json')).rejects.toThrow(/CHECK/);
  });
});
