import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { enqueueOutbox } from '../../db/repos/outbox';
import { OutboxPayloadSchema } from '../../sync/operations';
import { insertPackException, listOpenPackExceptions } from '../../db/repos/pack-exceptions';
import { sql } from '../../db/sql';
import { tempDatabases } from '../../db/test-db';
import { resolveException } from './resolve-exception';

const openDatabase = tempDatabases();
const NOW = '2026-11-23T12:00:00.000Z';

async function orderInException(db: Database, id: string, exceptionId: string): Promise<void> {
  await db.run(sql`INSERT OR IGNORE INTO operators (id, name, role, pin_hash, created_at) VALUES ('sup', 'Marta', 'supervisor', 'h', ${NOW}), ('ana', 'Ana', 'packer', 'h', ${NOW})`);
  await db.run(sql`INSERT INTO orders (id, platform, external_id, number, status, customer_name, ship_name, ship_line1, ship_city, ship_country, created_at, updated_at)
    VALUES (${id}, 'demo', ${`#${id}`}, ${`#${id}`}, 'exception', 'C', 'C', 'L', 'City', 'AR', ${NOW}, ${NOW})`);
  await db.run(sql`INSERT INTO pack_sessions (id, order_id, station_id, operator_id, state, started_at) VALUES (${`s-${id}`}, ${id}, 'st', 'ana', 'exception', ${NOW})`);
  await insertPackException(db, { id: exceptionId, sessionId: `s-${id}`, orderId: id, reason: 'missing', note: 'talla M', operatorId: 'ana', at: NOW });
}

const deps = (db: Database) => ({ db, stationId: 'st', now: () => new Date(NOW) });

describe('resolveException', () => {
  it('puts the order back on the queue and asks the store to release its hold, audited, in one go', async () => {
    const db = await openDatabase();
    await orderInException(db, 'o1', 'e1');
    await resolveException(deps(db), 'e1', 'requeue', 'sup');
    expect(await db.get(sql`SELECT status FROM orders WHERE id = 'o1'`)).toEqual({ status: 'open' });
    expect(await db.all(sql`SELECT kind, idempotency_key, operator_id FROM outbox`)).toEqual([{ kind: 'order.release', idempotency_key: 'exception:e1:release', operator_id: 'sup' }]);
    expect(JSON.parse((await db.get<{ payload: string }>(sql`SELECT payload FROM outbox`))!.payload)).toMatchObject({ holdKeys: [] });
    expect(await db.all(sql`SELECT action, operator_id, subject_id FROM audit_log`)).toEqual([{ action: 'pack.exception-resolved', operator_id: 'sup', subject_id: 'o1' }]);
    expect(await listOpenPackExceptions(db)).toEqual([]);
  });

  it("names the exception's hold in the release, so the store lifts it (Shopify refuses to fulfil a held order)", async () => {
    const db = await openDatabase();
    await orderInException(db, 'o4', 'e4');
    await enqueueOutbox(db, { destination: 'platform', aggregateType: 'order', aggregateId: 'o4', payload: { kind: 'order.hold', orderExternalId: '#o4', orderNumber: '#o4', reason: 'missing' }, idempotencyKey: 'pack:s-o4:hold', stationId: 'st', operatorId: 'ana', createdAt: NOW });
    await enqueueOutbox(db, { destination: 'platform', aggregateType: 'order', aggregateId: 'other', payload: { kind: 'order.hold', orderExternalId: '#x', orderNumber: '#x', reason: 'missing' }, idempotencyKey: 'pack:s-x:hold', stationId: 'st', operatorId: 'ana', createdAt: NOW });
    await resolveException(deps(db), 'e4', 'requeue', 'sup');
    const release = await db.get<{ payload: string }>(sql`SELECT payload FROM outbox WHERE kind = 'order.release'`);
    expect(OutboxPayloadSchema.parse(JSON.parse(release!.payload))).toEqual({ kind: 'order.release', orderExternalId: '#o4', orderNumber: '#o4', holdKeys: ['pack:s-o4:hold'] });
  });

  it('closes an exception without touching the order, and refuses to resolve it twice', async () => {
    const db = await openDatabase();
    await orderInException(db, 'o2', 'e2');
    await resolveException(deps(db), 'e2', 'close', 'sup');
    expect(await db.get(sql`SELECT status FROM orders WHERE id = 'o2'`)).toEqual({ status: 'exception' });
    expect(await db.all(sql`SELECT kind FROM outbox`)).toEqual([]);
    await expect(resolveException(deps(db), 'e2', 'requeue', 'sup')).rejects.toMatchObject({ code: 'pack.exception-resolved' });
    await expect(resolveException(deps(db), 'nope', 'close', 'sup')).rejects.toMatchObject({ code: 'pack.exception-resolved' });
    expect((await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log`))!.n).toBe(1);
  });

  it('leaves an order the store cancelled meanwhile cancelled, even when asked to requeue', async () => {
    const db = await openDatabase();
    await orderInException(db, 'o3', 'e3');
    await db.run(sql`UPDATE orders SET status = 'cancelled' WHERE id = 'o3'`);
    await resolveException(deps(db), 'e3', 'requeue', 'sup');
    expect(await db.get(sql`SELECT status FROM orders WHERE id = 'o3'`)).toEqual({ status: 'cancelled' });
    expect(await db.all(sql`SELECT kind FROM outbox`)).toEqual([]);
  });
});
