import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { sql, type SqlFragment } from '../sql';
import { tempDatabases } from '../test-db';
import { MIGRATIONS } from './index';

const openDatabase = tempDatabases();

const TABLES = [
  'stations', 'settings', 'operators', 'products', 'product_barcodes', 'orders', 'order_lines', 'pack_sessions', 'pack_scans', 'packages',
  'returns', 'return_items', 'return_inspections', 'manifests', 'manifest_packages', 'print_jobs', 'outbox', 'sync_cursors', 'audit_log',
];

const NOW = '2026-11-23T10:00:00.000Z';

const operator = (id: string, role: string) => sql`INSERT INTO operators (id, name, role, pin_hash, created_at) VALUES (${id}, 'Ana', ${role}, 'h', ${NOW})`;
const product = (id: string) => sql`INSERT INTO products (id, sku, title, updated_at) VALUES (${id}, ${'SKU-' + id}, 'Mate', ${NOW})`;
const order = (id: string, status: string, country = 'AR') =>
  sql`INSERT INTO orders (id, platform, external_id, number, status, customer_name, ship_name, ship_line1, ship_city, ship_country, created_at, updated_at)
    VALUES (${id}, 'demo', ${id}, ${'#' + id}, ${status}, 'C', 'C', 'L', 'City', ${country}, ${NOW}, ${NOW})`;

async function migratedToOne() {
  // Signal's pattern: migrate to N−1 (here nothing but the ledger), then to N, on the same file.
  const db = await openDatabase(0);
  expect(await db.all(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'orders'`)).toEqual([]);
  await migrate(db, MIGRATIONS.slice(0, 1));
  return db;
}

async function refuses(db: { run(q: SqlFragment): Promise<unknown> }, query: SqlFragment, reason: RegExp): Promise<void> {
  await expect(db.run(query)).rejects.toThrow(reason);
}

describe('migration 0001-initial', () => {
  it('creates every table of the first schema on an empty database, all STRICT', async () => {
    const db = await migratedToOne();
    const rows = await db.all<{ name: string; strict: number }>(sql`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'`);
    const strict = new Map(rows.map((r) => [r.name, r.strict]));
    for (const table of [...TABLES, 'schema_migrations']) expect(strict.get(table), table).toBe(1);
    expect(await db.all(sql`SELECT id, name FROM schema_migrations`)).toEqual([{ id: 1, name: '0001-initial' }]);
  });

  it('rejects a role, an order status, a return status, a disposition or a barcode kind that does not exist', async () => {
    const db = await migratedToOne();
    await refuses(db, operator('o1', 'admin'), /CHECK/);
    await refuses(db, order('x', 'lost'), /CHECK/);
    await db.run(operator('o1', 'returns'));
    await db.run(product('p1'));
    await refuses(db, sql`INSERT INTO product_barcodes (value, product_id, kind) VALUES ('123', 'p1', 'qr')`, /CHECK/);
    await refuses(db, sql`INSERT INTO product_barcodes (value, product_id, kind, quantity) VALUES ('123', 'p1', 'case', 0)`, /CHECK/);
    await refuses(db, sql`INSERT INTO returns (id, platform, external_id, rma_number, order_number, customer_name, status, created_at, updated_at)
      VALUES ('r1', 'demo', 'r1', 'RMA-1', '#1', 'C', 'lost', ${NOW}, ${NOW})`, /CHECK/);
    await db.run(sql`INSERT INTO returns (id, platform, external_id, rma_number, order_number, customer_name, status, created_at, updated_at)
      VALUES ('r1', 'demo', 'r1', 'RMA-1', '#1', 'C', 'expected', ${NOW}, ${NOW})`);
    await db.run(sql`INSERT INTO return_items (id, return_id, sku, title, quantity) VALUES ('i1', 'r1', 'S', 'T', 1)`);
    await refuses(db, sql`INSERT INTO return_inspections (id, return_item_id, condition, disposition, operator_id, at) VALUES ('x', 'i1', 'new', 'sell', 'o1', ${NOW})`, /CHECK/);
    await refuses(db, sql`INSERT INTO outbox (destination, aggregate_type, aggregate_id, kind, payload, idempotency_key, station_id, created_at, status)
      VALUES ('platform', 'order', 'o', 'k', '{}', 'k1', 's', ${NOW}, 'lost')`, /CHECK/);
  });

  it('rejects JSON columns that hold no JSON and a country that is not two letters', async () => {
    const db = await migratedToOne();
    await refuses(db, sql`INSERT INTO settings (key, value, updated_at) VALUES ('k', 'not json', ${NOW})`, /CHECK/);
    await refuses(db, sql`INSERT INTO audit_log (at, station_id, action, subject_type, detail) VALUES (${NOW}, 's', 'a', 't', '{')`, /CHECK/);
    await refuses(db, order('x', 'open', 'ARG'), /CHECK/);
  });

  it('rejects a text weight in an integer column (STRICT typing)', async () => {
    const db = await migratedToOne();
    await refuses(db, sql`INSERT INTO products (id, sku, title, unit_weight_mg, updated_at) VALUES ('p', 'S', 'T', 'heavy', ${NOW})`, /cannot store TEXT/);
  });

  it('enforces foreign keys: lines, barcodes and sessions must point at rows that exist', async () => {
    const db = await migratedToOne();
    await refuses(db, sql`INSERT INTO order_lines (id, order_id, line_no, sku, title, quantity) VALUES ('l', 'missing', 1, 'S', 'T', 1)`, /FOREIGN KEY/);
    await refuses(db, sql`INSERT INTO product_barcodes (value, product_id, kind) VALUES ('123', 'missing', 'gtin')`, /FOREIGN KEY/);
    await db.run(order('o1', 'open'));
    await refuses(db, sql`INSERT INTO pack_sessions (id, order_id, station_id, operator_id, state, started_at) VALUES ('s', 'o1', 'st', 'nobody', 'scanning', ${NOW})`, /FOREIGN KEY/);
  });

  it('keeps one order per platform id, one barcode value, one badge and one idempotency key', async () => {
    const db = await migratedToOne();
    await db.run(order('o1', 'open'));
    await refuses(db, order('o1', 'open'), /UNIQUE/);
    await db.run(sql`INSERT INTO operators (id, name, role, pin_hash, badge, created_at) VALUES ('a', 'A', 'packer', 'h', 'B-1', ${NOW})`);
    await refuses(db, sql`INSERT INTO operators (id, name, role, pin_hash, badge, created_at) VALUES ('b', 'B', 'packer', 'h', 'B-1', ${NOW})`, /UNIQUE/);
    const outbox = (id: number) =>
      sql`INSERT INTO outbox (id, destination, aggregate_type, aggregate_id, kind, payload, idempotency_key, station_id, created_at)
        VALUES (${id}, 'platform', 'order', 'o1', 'fulfil', '{}', 'k-1', 's1', ${NOW})`;
    await db.run(outbox(1));
    await refuses(db, outbox(2), /UNIQUE/);
  });
});
