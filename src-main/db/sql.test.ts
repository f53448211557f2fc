import { describe, expect, it } from 'vitest';
import { sql, sqlId } from './sql';

describe('the sql tag', () => {
  it('turns every interpolation into a parameter', () => {
    const q = sql`SELECT * FROM orders WHERE number = ${'#1001'} AND priority > ${2}`;
    expect(q.text).toBe('SELECT * FROM orders WHERE number = ? AND priority > ?');
    expect(q.values).toEqual(['#1001', 2]);
  });

  it('nests fragments and joins lists', () => {
    const filter = sql`status IN (${sql.join(['open', 'on-hold'])})`;
    const q = sql`SELECT id FROM orders WHERE ${filter} LIMIT ${10}`;
    expect(q.text).toBe('SELECT id FROM orders WHERE status IN (?, ?) LIMIT ?');
    expect(q.values).toEqual(['open', 'on-hold', 10]);
  });

  it.each([undefined, true, {}, [], () => 1, Number.NaN, Infinity])('refuses %s as a parameter', (value) => {
    expect(() => sql`SELECT ${value}`).toThrow(TypeError);
  });

  it('refuses an empty join, which would make invalid SQL', () => {
    expect(() => sql.join([])).toThrow(/empty/);
  });

  it('lets only plain identifiers through sqlId', () => {
    expect(sqlId('orders').text).toBe('"orders"');
    expect(() => sqlId('orders; DROP TABLE x')).toThrow();
    expect(() => sqlId('"quoted"')).toThrow();
  });
});
