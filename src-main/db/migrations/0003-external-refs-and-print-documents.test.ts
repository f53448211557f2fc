import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { sql } from '../sql';
import { tempDatabases } from '../test-db';
import { MIGRATIONS } from './index';

const openDatabase = tempDatabases();
const NOW = '2026-11-23T10:00:00.000Z';

describe('migration 0003-external-refs-and-print-documents', () => {
  it('keeps the lines and jobs a station had, with the new columns empty', async () => {
    const db = await openDatabase(2);
    await db.run(sql`INSERT INTO orders (id, platform, external_id, number, status, customer_name, ship_name, ship_line1, ship_city, ship_country, created_at, updated_at)
      VALUES ('o', 'demo', 'o', '#1', 'open', 'C', 'C', 'L', 'City', 'AR', ${NOW}, ${NOW})`);
    await db.run(sql`INSERT INTO order_lines (id, order_id, line_no, sku, title, quantity) VALUES ('l', 'o', 1, 'SKU', 'T', 2)`);
    await db.run(sql`INSERT INTO print_jobs (id, kind, printer, status, created_at, updated_at) VALUES ('j', 'test', 'file:///tmp/x', 'failed', ${NOW}, ${NOW})`);
    await migrate(db, MIGRATIONS.slice(0, 3));
    expect(await db.get(sql`SELECT id, quantity, external_id FROM order_lines`)).toEqual({ id: 'l', quantity: 2, external_id: null });
    expect(await db.get(sql`SELECT id, status, document, document_language FROM print_jobs`)).toEqual({ id: 'j', status: 'failed', document: null, document_language: null });
  });

  it('stores a job document as bytes and refuses an unknown document language', async () => {
    const db = await openDatabase(3);
    const bytes = Buffer.from('^XA^FDhi^FS^XZ');
    await db.run(sql`INSERT INTO print_jobs (id, kind, printer, status, created_at, updated_at, document, document_language) VALUES ('j', 'test', 'p', 'queued', ${NOW}, ${NOW}, ${bytes}, 'zpl')`);
    const row = await db.get<{ document: Buffer }>(sql`SELECT document FROM print_jobs WHERE id = 'j'`);
    expect(Buffer.from(row!.document).toString()).toBe('^XA^FDhi^FS^XZ');
    await expect(db.run(sql`INSERT INTO print_jobs (id, kind, printer, status, created_at, updated_at, document_language) VALUES ('k', 'test', 'p', 'queued', ${NOW}, ${NOW}, 'postscript')`)).rejects.toThrow(/CHECK/);
  });

  it('finds an order line by its platform id through an index', async () => {
    const db = await openDatabase(3);
    const plan = (await db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN SELECT id FROM order_lines WHERE external_id = ${'gid://shopify/FulfillmentOrderLineItem/1'}`)).map((p) => p.detail).join('\n');
    expect(plan).toMatch(/order_lines_external/);
  });
});
