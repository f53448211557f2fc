import { describe, expect, it } from 'vitest';
import { sql, sqlId } from './sql';
import { tempDatabases } from './test-db';

const openDatabase = tempDatabases();

describe('the sql tag', () => {
  it('turns every interpolation into a parameter', () => {
    const q = sql`SELECT * FROM orders WHERE number = ${'#1001'} AND priority > ${2}`;
    expect(q.text).toBe('SELECT * FROM orders WHERE number = ? AND priority > ?');
    expect(q.values).toEqual(['#1001', 2]);
  });

  it('nests fragments and joins lists, values staying in statement order', () => {
    const filter = sql`status IN (${sql.join(['open', 'on-hold'])})`;
    const both = sql.join([sql`priority > ${1}`, filter], ' AND ');
    const q = sql`SELECT id FROM orders WHERE ${both} LIMIT ${10}`;
    expect(q.text).toBe('SELECT id FROM orders WHERE priority > ? AND status IN (?, ?) LIMIT ?');
    expect(q.values).toEqual([1, 'open', 'on-hold', 10]);
  });

  it('stores a hostile string literally instead of running it', async () => {
    const db = await openDatabase();
    const hostile = "x'); DROP TABLE orders;--";
    await db.run(sql`INSERT INTO settings (key, value, updated_at) VALUES (${hostile}, ${JSON.stringify(hostile)}, ${'2026-11-23T10:00:00Z'})`);
    expect(await db.get(sql`SELECT key FROM settings WHERE key = ${hostile}`)).toEqual({ key: hostile });
    expect(await db.get(sql`SELECT count(*) AS n FROM orders`)).toEqual({ n: 0 });
  });

  it.each([undefined, true, {}, [], () => 1, Number.NaN, Infinity, new Date()])('refuses %s as a parameter', (value) => {
    expect(() => sql`SELECT ${value}`).toThrow(TypeError);
    expect(() => sql.join([value])).toThrow(TypeError);
  });

  it('accepts strings, numbers, bigints, null and bytes', () => {
    const bytes = new Uint8Array([1, 2]);
    expect(sql`VALUES (${'a'}, ${1.5}, ${2n}, ${null}, ${bytes})`.values).toEqual(['a', 1.5, 2n, null, bytes]);
  });

  it('refuses to be called with a plain array, which could carry text from anywhere', () => {
    const smuggled = ['DELETE FROM orders'] as unknown as TemplateStringsArray;
    expect(() => sql(smuggled)).toThrow(/tagged template/);
  });

  it('refuses an empty join, which would make invalid SQL', () => {
    expect(() => sql.join([])).toThrow(/empty/);
  });

  it('lets only plain identifiers through sqlId', () => {
    expect(sqlId('orders').text).toBe('"orders"');
    expect(() => sqlId('orders; DROP TABLE x')).toThrow();
    expect(() => sqlId('"quoted"')).toThrow();
    expect(() => sqlId('1abc')).toThrow();
  });
});
