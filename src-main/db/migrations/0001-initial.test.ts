import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { sql } from '../sql';
import { tempDatabase } from '../test-db';
import { MIGRATIONS } from './index';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function migratedTo(n: number) {
  const t = await tempDatabase();
  cleanups.push(t.dispose);
  await migrate(t.db, MIGRATIONS.slice(0, n));
  return t.db;
}

const TABLES = ['stations', 'settings', 'operators', 'products', 'product_barcodes', 'orders', 'order_lines', 'pack_sessions', 'pack_scans', 'packages', 'returns', 'return_items', 'return_inspections', 'manifests', 'manifest_packages', 'print_jobs', 'outbox', 'sync_cursors', 'audit_log'];

const NOW = '2026-11-23T10:00:00.000Z';

describe('migration 0001-initial', () => {
  it('creates every table of the first schema on an empty database, all STRICT', async () => {
    const before = await migratedTo(0);
    expect(await before.all(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'orders'`)).toEqual([]);
    const db = await migratedTo(1);
    const rows = await db.all<{ name: string; strict: number }>(sql`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'`);
    const strict = new Map(rows.map((r) => [r.name, r.strict]));
    for (const table of TABLES) expect(strict.get(table), table).toBe(1);
  });

  it('rejects a role, a status or a disposition that does not exist', async () => {
    const db = await migratedTo(1);
    await expect(db.run(sql`INSERT INTO operators (id, name, role, pin_hash, created_at) VALUES ('o1', 'Ana', 'admin', 'h', ${NOW})`)).rejects.toThrow(/CHECK/);
    await expect(
      db.run(sql`INSERT INTO orders (id, platform, external_id, number, status, customer_name, ship_name, ship_line1, ship_city, ship_country, created_at, updated_at)
        VALUES ('x', 'demo', 'x', '#1', 'lost', 'C', 'C', 'L', 'City', 'AR', ${NOW}, ${NOW})`),
    ).rejects.toThrow(/CHECK/);
    await expect(db.run(sql`INSERT INTO settings (key, value, updated_at) VALUES ('k', 'not json', ${NOW})`)).rejects.toThrow(/CHECK/);
  });

  it('rejects a text weight in an integer column (STRICT typing)', async () => {
    const db = await migratedTo(1);
    await expect(db.run(sql`INSERT INTO products (id, sku, title, unit_weight_mg, updated_at) VALUES ('p', 'S', 'T', 'heavy', ${NOW})`)).rejects.toThrow(/cannot store TEXT/);
  });

  it('enforces foreign keys: a line for an order that does not exist is refused', async () => {
    const db = await migratedTo(1);
    await expect(db.run(sql`INSERT INTO order_lines (id, order_id, line_no, sku, title, quantity) VALUES ('l', 'missing', 1, 'S', 'T', 1)`)).rejects.toThrow(/FOREIGN KEY/);
  });

  it('refuses two outbox rows with the same idempotency key', async () => {
    const db = await migratedTo(1);
    const row = (id: number) =>
      sql`INSERT INTO outbox (id, destination, aggregate_type, aggregate_id, kind, payload, idempotency_key, station_id, created_at)
        VALUES (${id}, 'platform', 'order', 'o1', 'fulfil', '{}', 'k-1', 's1', ${NOW})`;
    await db.run(row(1));
    await expect(db.run(row(2))).rejects.toThrow(/UNIQUE/);
  });
});
