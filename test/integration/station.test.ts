import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import sqlite3 from 'sqlite3';
import { createStation, DATABASE_FILE, type Station } from '../../src-main/station';
import type { Result } from '../../src-shared/api';
import type { EventName } from '../../src-shared/api';

const resourcesDir = resolve(__dirname, '../../resources');
const dirs: string[] = [];
const stations: Station[] = [];

async function station(options: { demo?: boolean; now?: () => Date } = {}): Promise<Station> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bancada-station-'));
  dirs.push(dataDir);
  const s = await createStation({ dataDir, resourcesDir, demo: options.demo, now: options.now, version: '9.9.9-test' });
  stations.push(s);
  return s;
}

async function call<T = unknown>(s: Station, method: string, input: unknown = {}): Promise<Result<T>> {
  return (await s.dispatch(method, input)) as Result<T>;
}

async function value<T = unknown>(s: Station, method: string, input: unknown = {}): Promise<T> {
  const result = await call<T>(s, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function auditActions(dataDir: string): Promise<{ action: string; operator_id: string | null; station_id: string }[]> {
  return new Promise((res, rej) => {
    const db = new sqlite3.Database(join(dataDir, DATABASE_FILE), sqlite3.OPEN_READONLY);
    db.all('SELECT action, operator_id, station_id FROM audit_log ORDER BY id', (error, rows) => {
      db.close();
      if (error) rej(error);
      else res(rows as { action: string; operator_id: string | null; station_id: string }[]);
    });
  });
}

afterEach(async () => {
  await Promise.all(stations.splice(0).map((s) => s.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

type LoginOp = { id: string; name: string; role: string; demoPin: string | null };

describe('a demo station', () => {
  it('shows demo operators with their PINs and lets a packer log in with the shown PIN', async () => {
    const s = await station();
    const info = await value<{ demo: boolean; setupRequired: boolean; version: string }>(s, 'station:info');
    expect(info).toMatchObject({ demo: true, setupRequired: false, version: '9.9.9-test' });
    const operators = await value<LoginOp[]>(s, 'auth:operators');
    const packer = operators.find((o) => o.role === 'packer');
    expect(packer?.demoPin).toMatch(/^\d{4,8}$/);
    const session = await value<{ operator: { id: string; role: string } }>(s, 'auth:login-pin', { operatorId: packer!.id, pin: packer!.demoPin });
    expect(session.operator).toMatchObject({ id: packer!.id, role: 'packer' });
    const summary = await value<{ ordersWaiting: number; returnsWaiting: number }>(s, 'home:summary');
    expect(summary.ordersWaiting).toBeGreaterThanOrEqual(50);
    expect(summary.returnsWaiting).toBeGreaterThanOrEqual(10);
    const queue = await value<{ number: string }[]>(s, 'orders:queue', { limit: 5 });
    expect(queue).toHaveLength(5);
  });

  it('refuses contract calls that need a session before anyone logs in', async () => {
    const s = await station();
    const result = await call(s, 'orders:queue', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'auth.required' } });
  });

  it('keeps a packer out of supervisor methods', async () => {
    const s = await station();
    const packer = (await value<LoginOp[]>(s, 'auth:operators')).find((o) => o.role === 'packer')!;
    await value(s, 'auth:login-pin', { operatorId: packer.id, pin: packer.demoPin });
    const result = await call(s, 'operators:create', { name: 'Intruso', role: 'supervisor', pin: '1234' });
    expect(result).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });

  it('rejects unknown input keys and unknown methods with codes', async () => {
    const s = await station();
    expect(await call(s, 'auth:login-pin', { operatorId: 'x', pin: '1', extra: true })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(await call(s, 'orders:delete-all', {})).toMatchObject({ ok: false, error: { code: 'contract.unknown-method' } });
  });

  it('locks an operator out after repeated wrong PINs and audits every attempt', async () => {
    const s = await station();
    const packer = (await value<LoginOp[]>(s, 'auth:operators')).find((o) => o.role === 'packer')!;
    const wrong = packer.demoPin === '0000' ? '0001' : '0000';
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await call(s, 'auth:login-pin', { operatorId: packer.id, pin: wrong });
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes.slice(0, 4)).toEqual(['auth.bad-pin', 'auth.bad-pin', 'auth.bad-pin', 'auth.bad-pin']);
    expect(codes[4]).toBe('auth.locked-out');
    // Even the right PIN is refused while the lock lasts.
    const right = await call(s, 'auth:login-pin', { operatorId: packer.id, pin: packer.demoPin });
    expect(right).toMatchObject({ ok: false, error: { code: 'auth.locked-out', detail: { seconds: expect.any(Number) } } });
    const actions = (await auditActions(s.dataDir)).map((a) => a.action);
    expect(actions.filter((a) => a === 'auth.login-failed')).toHaveLength(5);
  });

  it('counts wrong PINs sent at the same time one by one, so a burst cannot dodge the lock-out', async () => {
    const s = await station();
    const packer = (await value<LoginOp[]>(s, 'auth:operators')).find((o) => o.role === 'packer')!;
    const wrong = packer.demoPin === '0000' ? '0001' : '0000';
    await Promise.all(Array.from({ length: 5 }, () => call(s, 'auth:login-pin', { operatorId: packer.id, pin: wrong })));
    const right = await call(s, 'auth:login-pin', { operatorId: packer.id, pin: packer.demoPin });
    expect(right).toMatchObject({ ok: false, error: { code: 'auth.locked-out' } });
  });

  it('logs in by badge, switches operator and audits both with the station id', async () => {
    const s = await station();
    const operators = await value<LoginOp[]>(s, 'auth:operators');
    const supervisor = operators.find((o) => o.role === 'supervisor')!;
    await value(s, 'auth:login-pin', { operatorId: supervisor.id, pin: supervisor.demoPin });
    const created = await value<{ id: string }>(s, 'operators:create', { name: 'Lucía Fernández', role: 'returns', pin: '5678', badge: 'BADGE-LUCIA-01' });
    const session = await value<{ operator: { id: string } }>(s, 'auth:login-badge', { badge: 'BADGE-LUCIA-01' });
    expect(session.operator.id).toBe(created.id);
    expect(await call(s, 'auth:login-badge', { badge: 'NOBODY-123' })).toMatchObject({ ok: false, error: { code: 'auth.unknown-badge' } });
    const audit = await auditActions(s.dataDir);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.login', 'operator.create', 'auth.switched-out', 'auth.badge-unknown']));
    expect(new Set(audit.map((a) => a.station_id)).size).toBe(1);
  });

  it('ends an idle session in main even if the screen never asked', async () => {
    let clock = new Date('2026-11-23T10:00:00Z');
    const s = await station({ now: () => clock });
    const events: EventName[] = [];
    s.events.subscribe((name) => events.push(name));
    const packer = (await value<LoginOp[]>(s, 'auth:operators')).find((o) => o.role === 'packer')!;
    await value(s, 'auth:login-pin', { operatorId: packer.id, pin: packer.demoPin });
    clock = new Date(clock.getTime() + 301_000);
    expect(await call(s, 'home:summary')).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    expect(events).toContain('session:changed');
  });
});

describe('a fresh station that is not a demo', () => {
  it('asks for the first supervisor, then never again', async () => {
    const s = await station({ demo: false });
    expect(await value<{ setupRequired: boolean; demo: boolean }>(s, 'station:info')).toMatchObject({ setupRequired: true, demo: false });
    expect(await value<LoginOp[]>(s, 'auth:operators')).toEqual([]);
    const session = await value<{ operator: { role: string } }>(s, 'station:setup', { stationName: 'Bancada 3', supervisorName: 'Marta Souza', pin: '482913', locale: 'pt-BR' });
    expect(session.operator.role).toBe('supervisor');
    expect(await value(s, 'station:info')).toMatchObject({ setupRequired: false, stationName: 'Bancada 3', locale: 'pt-BR' });
    expect(await call(s, 'station:setup', { stationName: 'x', supervisorName: 'y', pin: '1234', locale: 'en' })).toMatchObject({ ok: false, error: { code: 'setup.already-done' } });
    const operators = await value<LoginOp[]>(s, 'auth:operators');
    expect(operators).toHaveLength(1);
    expect(operators[0]?.demoPin).toBeNull();
  });
});
