/**
 * The embedded demo store's own SQLite file (`demo-store.sqlite` next to the station's database):
 * what a real platform would hold — orders, returns and the operations the station applied — kept
 * apart from the station's data so the station syncs with it exactly as with Shopify or Medusa.
 */
import type { Database, Queryable } from '../../db/database';
import { sql } from '../../db/sql';

export const DEMO_STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS store_orders (
  external_id TEXT PRIMARY KEY,
  updated_at TEXT NOT NULL,
  body TEXT NOT NULL CHECK (json_valid(body))
) STRICT;
CREATE INDEX IF NOT EXISTS store_orders_updated ON store_orders(updated_at, external_id);
CREATE TABLE IF NOT EXISTS store_returns (
  external_id TEXT PRIMARY KEY,
  updated_at TEXT NOT NULL,
  body TEXT NOT NULL CHECK (json_valid(body))
) STRICT;
CREATE INDEX IF NOT EXISTS store_returns_updated ON store_returns(updated_at, external_id);
CREATE TABLE IF NOT EXISTS store_operations (
  idempotency_key TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  applied_at TEXT NOT NULL
) STRICT;
`;

export async function createDemoStoreSchema(db: Database): Promise<void> {
  await db.transaction((tx) => tx.exec(DEMO_STORE_SCHEMA));
}

export async function getMeta(db: Queryable, key: string): Promise<string | null> {
  return (await db.get<{ value: string }>(sql`SELECT value FROM store_meta WHERE key = ${key}`))?.value ?? null;
}

export async function setMeta(db: Queryable, key: string, value: string): Promise<void> {
  await db.run(sql`INSERT INTO store_meta (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
}

export type StoreTable = 'store_orders' | 'store_returns';

export async function putRecord(db: Queryable, table: StoreTable, externalId: string, updatedAt: string, body: unknown): Promise<void> {
  const json = JSON.stringify(body);
  if (table === 'store_orders') {
    await db.run(sql`INSERT INTO store_orders (external_id, updated_at, body) VALUES (${externalId}, ${updatedAt}, ${json})
      ON CONFLICT (external_id) DO UPDATE SET updated_at = excluded.updated_at, body = excluded.body`);
  } else {
    await db.run(sql`INSERT INTO store_returns (external_id, updated_at, body) VALUES (${externalId}, ${updatedAt}, ${json})
      ON CONFLICT (external_id) DO UPDATE SET updated_at = excluded.updated_at, body = excluded.body`);
  }
}

export async function getRecord<T>(db: Queryable, table: StoreTable, externalId: string): Promise<T | null> {
  const row =
    table === 'store_orders'
      ? await db.get<{ body: string }>(sql`SELECT body FROM store_orders WHERE external_id = ${externalId}`)
      : await db.get<{ body: string }>(sql`SELECT body FROM store_returns WHERE external_id = ${externalId}`);
  return row ? (JSON.parse(row.body) as T) : null;
}

/** Records updated at or after `since`, oldest first, `limit` from `offset` (the page cursor). */
export async function listRecords<T>(db: Queryable, table: StoreTable, since: string | null, offset: number, limit: number): Promise<T[]> {
  const from = since ?? '';
  const rows =
    table === 'store_orders'
      ? await db.all<{ body: string }>(sql`SELECT body FROM store_orders WHERE updated_at >= ${from} ORDER BY updated_at, external_id LIMIT ${limit} OFFSET ${offset}`)
      : await db.all<{ body: string }>(sql`SELECT body FROM store_returns WHERE updated_at >= ${from} ORDER BY updated_at, external_id LIMIT ${limit} OFFSET ${offset}`);
  return rows.map((r) => JSON.parse(r.body) as T);
}

export async function findOperation(db: Queryable, idempotencyKey: string): Promise<{ kind: string; subject: string } | null> {
  return (await db.get<{ kind: string; subject: string }>(sql`SELECT kind, subject FROM store_operations WHERE idempotency_key = ${idempotencyKey}`)) ?? null;
}

export async function recordOperation(db: Queryable, idempotencyKey: string, kind: string, subject: string, payload: unknown, appliedAt: string): Promise<void> {
  await db.run(sql`INSERT INTO store_operations (idempotency_key, kind, subject, payload, applied_at) VALUES (${idempotencyKey}, ${kind}, ${subject}, ${JSON.stringify(payload)}, ${appliedAt})`);
}

export async function countOperations(db: Queryable, kind?: string): Promise<number> {
  const row = kind === undefined ? await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM store_operations`) : await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM store_operations WHERE kind = ${kind}`);
  return row?.n ?? 0;
}

export async function listOrderIdsInState(db: Queryable, state: string, limit: number): Promise<string[]> {
  const rows = await db.all<{ id: string }>(sql`SELECT external_id AS id FROM store_orders WHERE json_extract(body, '$.state') = ${state} ORDER BY updated_at DESC LIMIT ${limit}`);
  return rows.map((r) => r.id);
}
