import { afterEach, describe, expect, it } from 'vitest';
import { migrate, splitStatements } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { sql } from './sql';
import { tempDatabase } from './test-db';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function fresh() {
  const t = await tempDatabase();
  cleanups.push(t.dispose);
  return t.db;
}

const one: Migration = { id: 1, name: '0001-a', sql: 'CREATE TABLE a (x INTEGER) STRICT;' };
const two: Migration = { id: 2, name: '0002-b', sql: 'CREATE TABLE b (x INTEGER) STRICT;\nINSERT INTO b (x) VALUES (1);' };

describe('migrations', () => {
  it('applies pending migrations in order and records each once', async () => {
    const db = await fresh();
    expect(await migrate(db, [one])).toBe(1);
    expect(await migrate(db, [one, two])).toBe(1);
    expect(await migrate(db, [one, two])).toBe(0);
    expect(await db.all(sql`SELECT id, name FROM schema_migrations ORDER BY id`)).toEqual([
      { id: 1, name: '0001-a' },
      { id: 2, name: '0002-b' },
    ]);
  });

  it('refuses a database whose applied migrations are not a prefix of the known ones', async () => {
    const db = await fresh();
    await migrate(db, [one, two]);
    // A newer Bancada wrote migration 2; this version knows only 1.
    await expect(migrate(db, [one])).rejects.toMatchObject({ code: 'db.migrations-out-of-sync' });
    // A migration renamed after it shipped.
    await expect(migrate(db, [one, { ...two, name: '0002-renamed' }])).rejects.toMatchObject({ code: 'db.migrations-out-of-sync' });
  });

  it('leaves no trace of a migration that fails half-way', async () => {
    const db = await fresh();
    const broken: Migration = { id: 2, name: '0002-broken', sql: 'CREATE TABLE c (x INTEGER) STRICT;\nINSERT INTO nowhere VALUES (1);' };
    await migrate(db, [one]);
    await expect(migrate(db, [one, broken])).rejects.toThrow();
    expect(await db.get(sql`SELECT name FROM sqlite_master WHERE name = 'c'`)).toBeUndefined();
    expect(await db.all(sql`SELECT id FROM schema_migrations`)).toEqual([{ id: 1 }]);
  });

  it('numbers the shipped migrations 1, 2, 3… with matching file names', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.id).toBe(i + 1);
      expect(m.name.startsWith(String(i + 1).padStart(4, '0') + '-')).toBe(true);
    });
  });

  it('splits a migration file into statements, dropping comments', () => {
    expect(splitStatements('-- note\nCREATE TABLE a (x);\n\nCREATE INDEX i ON a(x);\n')).toEqual(['CREATE TABLE a (x)', 'CREATE INDEX i ON a(x)']);
  });
});
