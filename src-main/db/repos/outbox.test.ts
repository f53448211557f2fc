import { describe, expect, it } from 'vitest';
import { sql } from '../sql';
import { tempDatabases } from '../test-db';
import { countOutbox, enqueueOutbox, outboxCountsQuery } from './outbox';

const openDatabase = tempDatabases();
const NOW = '2026-11-23T10:00:00.000Z';

const row = (key: string) => ({
  destination: 'platform' as const,
  aggregateType: 'order' as const,
  aggregateId: key,
  payload: { kind: 'order.claim', orderExternalId: key, orderNumber: key },
  idempotencyKey: key,
  stationId: 'st',
  operatorId: null,
  createdAt: NOW,
});

describe('countOutbox', () => {
  it('counts what waits, fails and needs a person, whatever the history holds', async () => {
    const db = await openDatabase();
    for (let i = 0; i < 50; i++) await enqueueOutbox(db, row(`done-${i}`));
    await db.run(sql`UPDATE outbox SET status = 'done', done_at = ${NOW}`);
    await enqueueOutbox(db, row('waiting'));
    await enqueueOutbox(db, row('failing'));
    await enqueueOutbox(db, row('refused'));
    await enqueueOutbox(db, row('dropped'));
    await db.run(sql`UPDATE outbox SET attempts = 2, next_attempt_at = ${NOW} WHERE idempotency_key = 'failing'`);
    await db.run(sql`UPDATE outbox SET status = 'rejected' WHERE idempotency_key = 'refused'`);
    await db.run(sql`UPDATE outbox SET status = 'discarded' WHERE idempotency_key = 'dropped'`);
    expect(await countOutbox(db)).toEqual({ pending: 2, rejected: 1, failing: 1 });
  });

  it('reads only the undelivered rows through an index, not the whole history', async () => {
    const db = await openDatabase();
    const plan = (await db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${outboxCountsQuery('platform')}`))
      .map((p) => p.detail)
      .join('\n');
    expect(plan).toMatch(/USING (COVERING )?INDEX outbox_drain/);
    expect(plan).not.toMatch(/SCAN outbox\b(?! USING)/);
  });
});
