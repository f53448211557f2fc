import { describe, expect, it } from 'vitest';
import { hashPin } from '../../auth/pin-hash';
import { insertOperator } from '../../db/repos/operators';
import { sql } from '../../db/sql';
import { tempDatabases } from '../../db/test-db';
import { verifySupervisorPin } from './supervisor-pin';

const openDatabase = tempDatabases();
const NOW = new Date('2026-11-23T10:00:00Z');

describe('a supervisor PIN typed at the bench', () => {
  it('authorises the supervisor, refuses a packer, and locks out after repeated wrong PINs like login does', async () => {
    const db = await openDatabase();
    await insertOperator(db, { id: 'sup', name: 'Marta', role: 'supervisor', pinHash: await hashPin('9999'), badge: null, demoPin: null, createdAt: NOW.toISOString() });
    await insertOperator(db, { id: 'pk', name: 'Ana', role: 'packer', pinHash: await hashPin('1111'), badge: null, demoPin: null, createdAt: NOW.toISOString() });
    const deps = { db, now: () => NOW, stationId: 'st' };
    await expect(verifySupervisorPin(deps, 'sup', '9999')).resolves.toEqual({ id: 'sup', role: 'supervisor' });
    await expect(verifySupervisorPin(deps, 'pk', '1111')).rejects.toMatchObject({ code: 'pack.override-not-allowed' });
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(await verifySupervisorPin(deps, 'sup', '0000').then(() => 'ok', (e: { code: string }) => e.code));
    expect(codes.slice(0, 4)).toEqual(['auth.bad-pin', 'auth.bad-pin', 'auth.bad-pin', 'auth.bad-pin']);
    expect(codes.at(-1)).toBe('auth.locked-out');
    // Locked: even the right PIN waits.
    await expect(verifySupervisorPin(deps, 'sup', '9999')).rejects.toMatchObject({ code: 'auth.locked-out' });
    expect((await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'pack.override-pin-failed'`))?.n).toBe(5);
  });
});
