import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { sql } from '../sql';
import { tempDatabases } from '../test-db';
import { MIGRATIONS } from './index';

const openDatabase = tempDatabases();
const NOW = '2026-11-23T10:00:00.000Z';

async function seedSession(db: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  await db.run(sql`INSERT INTO operators (id, name, role, pin_hash, created_at) VALUES ('op', 'Ana', 'packer', 'x', ${NOW})`);
  await db.run(sql`INSERT INTO products (id, sku, title, updated_at) VALUES ('p', 'SKU', 'Phone', ${NOW})`);
  await db.run(sql`INSERT INTO orders (id, platform, external_id, number, status, customer_name, ship_name, ship_line1, ship_city, ship_country, created_at, updated_at)
    VALUES ('o', 'demo', 'o', '#1', 'open', 'C', 'C', 'L', 'City', 'AR', ${NOW}, ${NOW})`);
  await db.run(sql`INSERT INTO order_lines (id, order_id, line_no, product_id, sku, title, quantity) VALUES ('l', 'o', 1, 'p', 'SKU', 'Phone', 2)`);
  await db.run(sql`INSERT INTO pack_sessions (id, order_id, station_id, operator_id, state, started_at) VALUES ('s', 'o', 'st', 'op', 'scanning', ${NOW})`);
}

const scan = (seq: number, serial: string, outcome = 'ok', undone = 0) =>
  sql`INSERT INTO pack_scans (session_id, seq, raw, kind, outcome, line_id, product_id, serial, undone, at, operator_id) VALUES ('s', ${seq}, 'x', 'gs1', ${outcome}, 'l', 'p', ${serial}, ${undone}, ${NOW}, 'op')`;

describe('migration 0004-pack-bench', () => {
  it('keeps the sessions, scans and packages a station had, with the new columns at their defaults', async () => {
    const db = await openDatabase(3);
    await seedSession(db);
    await db.run(sql`INSERT INTO pack_scans (session_id, seq, raw, kind, outcome, at, operator_id) VALUES ('s', 1, 'x', 'gtin', 'ok', ${NOW}, 'op')`);
    await db.run(sql`INSERT INTO packages (id, session_id, package_index) VALUES ('pk', 's', 1)`);
    await migrate(db, MIGRATIONS.slice(0, 4));
    expect(await db.get(sql`SELECT control, units FROM pack_sessions`)).toEqual({ control: null, units: null });
    expect(await db.get(sql`SELECT quantity, product_id FROM pack_scans`)).toEqual({ quantity: 1, product_id: null });
    expect(await db.get(sql`SELECT tare_mg, weighed, label_source FROM packages`)).toEqual({ tare_mg: 0, weighed: 'none', label_source: null });
    expect(await db.get(sql`SELECT weight_samples FROM products`)).toEqual({ weight_samples: 0 });
  });

  it('refuses a second live scan of the same serial of a product, but not an undone or refused one', async () => {
    const db = await openDatabase(4);
    await seedSession(db);
    await db.run(scan(1, 'SN-1'));
    await db.run(scan(2, 'SN-1', 'duplicate-serial'));
    await db.run(scan(3, 'SN-2', 'ok', 1));
    await db.run(scan(4, 'SN-2'));
    await expect(db.run(scan(5, 'SN-1'))).rejects.toThrow(/UNIQUE/);
  });

  it('ships box presets and refuses a control column that is not JSON', async () => {
    const db = await openDatabase(4);
    const boxes = await db.all<{ code: string }>(sql`SELECT code FROM boxes ORDER BY length_mm`);
    expect(boxes.map((b) => b.code)).toEqual(['BOX-S', 'BOX-MAILER', 'BOX-M', 'BOX-L']);
    await seedSession(db);
    await expect(db.run(sql`UPDATE pack_sessions SET control = 'not json'`)).rejects.toThrow(/CHECK/);
    await expect(db.run(sql`INSERT INTO pack_exceptions (id, session_id, order_id, reason, operator_id, at) VALUES ('e', 's', 'o', 'lost', 'op', ${NOW})`)).rejects.toThrow(/CHECK/);
  });

  it('finds an order by its tote through an index', async () => {
    const db = await openDatabase(4);
    const plan = (await db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN SELECT id FROM orders WHERE tote = ${'TOTE-7'}`)).map((p) => p.detail).join('\n');
    expect(plan).toMatch(/orders_tote/);
  });
});
