import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { sql } from '../sql';
import { tempDatabases } from '../test-db';
import { MIGRATIONS } from './index';

const openDatabase = tempDatabases();
const NOW = '2026-12-07T10:00:00.000Z';
const UPTO = MIGRATIONS.findIndex((m) => m.id === 7) + 1;

describe('migration 0007-outbox-lease-owner', () => {
  it('keeps every outbox row, in flight ones with no owner (they wait for their lease)', async () => {
    const db = await openDatabase(UPTO - 1);
    await db.run(sql`INSERT INTO outbox (destination, aggregate_type, aggregate_id, kind, payload, idempotency_key, station_id, created_at, status, next_attempt_at)
      VALUES ('platform', 'order', 'o1', 'order.fulfil', '{"kind":"order.fulfil"}', 'k1', 'st', ${NOW}, 'in-flight', ${NOW})`);
    await migrate(db, MIGRATIONS.slice(0, UPTO));
    expect(await db.all(sql`SELECT idempotency_key, status, next_attempt_at, lease_owner FROM outbox`)).toEqual([{ idempotency_key: 'k1', status: 'in-flight', next_attempt_at: NOW, lease_owner: null }]);
    await db.run(sql`UPDATE outbox SET lease_owner = 'bench-1/4242'`);
    expect(await db.get(sql`SELECT lease_owner FROM outbox`)).toEqual({ lease_owner: 'bench-1/4242' });
  });
});
