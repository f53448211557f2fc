import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { listOrderQueue } from '../repos/orders';
import { listReturnQueue } from '../repos/returns';
import { DROPPED_MARKS, FOLDED_LETTERS, foldForSearch } from '../repos/search-fold';
import { sql } from '../sql';
import { tempDatabases } from '../test-db';
import { MIGRATIONS } from './index';

const openDatabase = tempDatabases();
const NOW = '2026-12-07T10:00:00.000Z';
const UPTO = MIGRATIONS.findIndex((m) => m.id === 6) + 1;

async function addOrder(db: Awaited<ReturnType<typeof openDatabase>>, id: string, customer: string): Promise<void> {
  await db.run(sql`INSERT INTO orders (id, platform, external_id, number, status, customer_name, ship_name, ship_line1, ship_city, ship_country, created_at, updated_at)
    VALUES (${id}, 'demo', ${id}, ${`#${id}`}, 'open', ${customer}, ${customer}, 'Rua 1', 'São Paulo', 'BR', ${NOW}, ${NOW})`);
}

describe('migration 0006-accent-insensitive-search', () => {
  it('folds existing rows too: the column is computed, not copied', async () => {
    const db = await openDatabase(UPTO - 1);
    await addOrder(db, 'o1', 'María José Núñez');
    await migrate(db, MIGRATIONS.slice(0, UPTO));
    expect(await db.get(sql`SELECT customer_folded FROM orders WHERE id = 'o1'`)).toEqual({ customer_folded: 'maria jose nunez' });
  });

  it('folds in SQL exactly as the search box folds in JS, letter by letter (accents, case, combining marks, the rest kept)', async () => {
    const db = await openDatabase(UPTO);
    const samples = [
      ...FOLDED_LETTERS,
      ...DROPPED_MARKS.map((m) => `u${String.fromCodePoint(m)}`),
      ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
      'Ø', 'Ā', 'ß', 'Ł', '😀', 'ẞ', 'İ', 'Straße', 'JOÃO GONÇALVES', 'Nu\u0301n\u0303ez',
    ];
    for (const [i, text] of samples.entries()) await addOrder(db, `s${i}`, text);
    const rows = await db.all<{ id: string; customer_name: string; customer_folded: string }>(sql`SELECT id, customer_name, customer_folded FROM orders`);
    expect(rows).toHaveLength(samples.length);
    for (const r of rows) expect([r.customer_name, r.customer_folded]).toEqual([r.customer_name, foldForSearch(r.customer_name)]);
  });

  it('lets the packing and returns queues find "Núñez" by "nunez" and "João" by "JOAO", and not by a different name', async () => {
    const db = await openDatabase(UPTO);
    await addOrder(db, 'o1', 'Ana Núñez');
    await addOrder(db, 'o2', 'João Gonçalves');
    await addOrder(db, 'o3', 'Ana Nunes');
    const found = async (search: string) => (await listOrderQueue(db, { limit: 10, search })).map((o) => o.id).sort();
    expect(await found('nunez')).toEqual(['o1']);
    expect(await found('NÚÑEZ')).toEqual(['o1']);
    expect(await found('joao goncalves')).toEqual(['o2']);
    expect(await found('JOAO')).toEqual(['o2']);
    expect(await found('ana nun')).toEqual(['o1', 'o3']);
    expect(await found('#o3')).toEqual(['o3']);
    expect(await found('%')).toEqual([]);
    await db.run(sql`INSERT INTO returns (id, platform, external_id, rma_number, order_number, customer_name, status, created_at, updated_at)
      VALUES ('r1', 'demo', 'r1', 'RMA-1', '#o2', 'Conceição Araújo', 'expected', ${NOW}, ${NOW})`);
    expect((await listReturnQueue(db, { limit: 10, search: 'conceicao araujo' })).map((r) => r.id)).toEqual(['r1']);
    expect(await listReturnQueue(db, { limit: 10, search: 'conceicao silva' })).toEqual([]);
  });
});
