import { describe, expect, it } from 'vitest';
import { openStationDatabase } from './database';
import { migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { sql } from './sql';
import { tempDatabase, tempDatabases } from './test-db';

const openDatabase = tempDatabases();

const one: Migration = { id: 1, name: '0001-a', sql: 'CREATE TABLE a (x INTEGER PRIMARY KEY) STRICT;' };
const two: Migration = { id: 2, name: '0002-b', sql: 'CREATE TABLE b (x INTEGER) STRICT;\nINSERT INTO b (x) VALUES (1);' };

describe('migrations', () => {
  it('applies pending migrations in order and records each once', async () => {
    const db = await openDatabase(0);
    expect(await migrate(db, [one])).toBe(1);
    expect(await migrate(db, [one, two])).toBe(1);
    expect(await migrate(db, [one, two])).toBe(0);
    expect(await db.all(sql`SELECT id, name FROM schema_migrations ORDER BY id`)).toEqual([
      { id: 1, name: '0001-a' },
      { id: 2, name: '0002-b' },
    ]);
  });

  it('refuses a database whose applied migrations are not a prefix of the known ones', async () => {
    const db = await openDatabase(0);
    await migrate(db, [one, two]);
    // A newer Bancada applied migration 2; this version knows only 1.
    await expect(migrate(db, [one])).rejects.toMatchObject({ code: 'db.migrations-out-of-sync' });
    // A migration renamed after it shipped.
    await expect(migrate(db, [one, { ...two, name: '0002-renamed' }])).rejects.toMatchObject({ code: 'db.migrations-out-of-sync' });
    // A migration inserted before one already applied.
    await expect(migrate(db, [{ id: 1, name: '0001-other', sql: '' }, one, two])).rejects.toMatchObject({ code: 'db.migrations-out-of-sync' });
  });

  it('refuses to open a station database written by a newer Bancada, and closes it', async () => {
    const t = await tempDatabase();
    await migrate(t.db, [...MIGRATIONS, { id: MIGRATIONS.length + 1, name: '9999-from-the-future', sql: 'CREATE TABLE future (x INTEGER) STRICT;' }]);
    await t.db.close();
    await expect(openStationDatabase(t.file)).rejects.toMatchObject({ code: 'db.migrations-out-of-sync' });
    await t.dispose();
  });

  it('leaves no trace of a migration that fails half-way', async () => {
    const db = await openDatabase(0);
    const broken: Migration = { id: 2, name: '0002-broken', sql: 'CREATE TABLE c (x INTEGER) STRICT;\nINSERT INTO nowhere VALUES (1);' };
    await migrate(db, [one]);
    await expect(migrate(db, [one, broken])).rejects.toThrow(/nowhere/);
    expect(await db.get(sql`SELECT name FROM sqlite_master WHERE name = 'c'`)).toBeUndefined();
    expect(await db.all(sql`SELECT id FROM schema_migrations`)).toEqual([{ id: 1 }]);
  });

  it('refuses a migration that leaves rows pointing at nothing', async () => {
    const db = await openDatabase(0);
    const orphans: Migration = {
      id: 2,
      name: '0002-orphans',
      // A table rebuild defers foreign keys; what it leaves broken is caught before it is recorded.
      sql: 'PRAGMA defer_foreign_keys = ON;\nCREATE TABLE child (a_x INTEGER REFERENCES a(x)) STRICT;\nINSERT INTO child VALUES (99);',
    };
    await migrate(db, [one]);
    await expect(migrate(db, [one, orphans])).rejects.toThrow(/foreign keys/);
    expect(await db.all(sql`SELECT id FROM schema_migrations`)).toEqual([{ id: 1 }]);
  });

  it('numbers the shipped migrations 1, 2, 3… with matching file names', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.id).toBe(i + 1);
      expect(m.name).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}-[a-z0-9-]+$`));
      expect(m.sql.length).toBeGreaterThan(0);
    });
  });
});
