import { describe, expect, it } from 'vitest';
import { sql } from '../sql';
import { tempDatabases } from '../test-db';
import { appendAudit } from './audit';
import { getSetting, setSetting } from './settings';
import { ensureStation, getStation } from './stations';

const openDatabase = tempDatabases();

const NOW = '2026-11-23T10:00:00.000Z';

describe('settings', () => {
  it('keeps any JSON value under a key and replaces it on the next set', async () => {
    const db = await openDatabase();
    expect(await getSetting(db, 'station.locale')).toBeNull();
    await setSetting(db, 'station.locale', 'pt-BR');
    await setSetting(db, 'printer', { host: '10.0.0.5', port: 9100, dpi: 203 });
    await setSetting(db, 'station.locale', 'es');
    expect(await getSetting<string>(db, 'station.locale')).toBe('es');
    expect(await getSetting(db, 'printer')).toEqual({ host: '10.0.0.5', port: 9100, dpi: 203 });
  });

  it('refuses to store undefined, which JSON cannot carry', async () => {
    const db = await openDatabase();
    await expect(setSetting(db, 'k', undefined)).rejects.toThrow(TypeError);
  });
});

describe('the station identity', () => {
  it('is created once and then stays the same, even when two starts race', async () => {
    const db = await openDatabase();
    expect(await getStation(db)).toBeNull();
    const [a, b] = await Promise.all([ensureStation(db, { now: NOW, defaultName: 'Bancada' }), ensureStation(db, { now: NOW, defaultName: 'Other' })]);
    expect(a).toEqual(b);
    expect(await ensureStation(db, { now: '2027-01-01T00:00:00.000Z', defaultName: 'Later' })).toEqual(a);
    expect(await db.get(sql`SELECT count(*) AS n FROM stations`)).toEqual({ n: 1 });
    expect(a).toMatchObject({ name: 'Bancada', createdAt: NOW });
  });
});

describe('the audit log', () => {
  it('records who did what, where and when, with its detail as JSON', async () => {
    const db = await openDatabase();
    await appendAudit(db, { at: NOW, stationId: 's1', operatorId: 'op1', action: 'settings.set', subjectType: 'setting', subjectId: 'station.locale', detail: { to: 'es' } });
    expect(await db.all(sql`SELECT at, station_id, operator_id, action, subject_type, subject_id, detail FROM audit_log`)).toEqual([
      { at: NOW, station_id: 's1', operator_id: 'op1', action: 'settings.set', subject_type: 'setting', subject_id: 'station.locale', detail: '{"to":"es"}' },
    ]);
  });
});
