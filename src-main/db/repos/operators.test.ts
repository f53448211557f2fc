import { describe, expect, it } from 'vitest';
import type { Database } from '../database';
import { tempDatabases } from '../test-db';
import {
  countOperators,
  findOperatorByBadge,
  findOperatorById,
  insertOperator,
  listOperators,
  recordFailure,
  resetLoginFailures,
  setLockedUntil,
  setOperatorActive,
} from './operators';

const openDatabase = tempDatabases();

const NOW = '2026-11-23T10:00:00.000Z';

async function withCrew(): Promise<Database> {
  const db = await openDatabase();
  await insertOperator(db, { id: 'sup', name: 'Beatriz', role: 'supervisor', pinHash: 'h1', badge: 'B-SUP', demoPin: null, createdAt: NOW });
  await insertOperator(db, { id: 'ret', name: 'Carla', role: 'returns', pinHash: 'h2', badge: null, demoPin: null, createdAt: NOW });
  await insertOperator(db, { id: 'pk2', name: 'Zé', role: 'packer', pinHash: 'h3', badge: 'B-ZE', demoPin: '4321', createdAt: NOW });
  await insertOperator(db, { id: 'pk1', name: 'Ana', role: 'packer', pinHash: 'h4', badge: null, demoPin: null, createdAt: NOW });
  return db;
}

describe('operators', () => {
  it('lists packers, then returns staff, then supervisors, each by name', async () => {
    const db = await withCrew();
    expect((await listOperators(db)).map((o) => o.id)).toEqual(['pk1', 'pk2', 'ret', 'sup']);
  });

  it('finds an operator by id and by badge, with the fields the login needs', async () => {
    const db = await withCrew();
    expect(await findOperatorByBadge(db, 'B-ZE')).toEqual({
      id: 'pk2', name: 'Zé', role: 'packer', pinHash: 'h3', badge: 'B-ZE', active: true, demoPin: '4321', failedAttempts: 0, lockedUntil: null,
    });
    expect((await findOperatorById(db, 'sup'))?.badge).toBe('B-SUP');
    expect(await findOperatorByBadge(db, 'B-NOBODY')).toBeNull();
    expect(await findOperatorById(db, 'nobody')).toBeNull();
  });

  it('counts every wrong PIN, even two racing each other, and clears them on success', async () => {
    const db = await withCrew();
    const counts = await Promise.all([recordFailure(db, 'pk1'), recordFailure(db, 'pk1')]);
    expect(counts.sort()).toEqual([1, 2]);
    await setLockedUntil(db, 'pk1', '2026-11-23T10:05:00.000Z');
    expect(await findOperatorById(db, 'pk1')).toMatchObject({ failedAttempts: 2, lockedUntil: '2026-11-23T10:05:00.000Z' });
    await resetLoginFailures(db, 'pk1');
    expect(await findOperatorById(db, 'pk1')).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    await expect(recordFailure(db, 'nobody')).rejects.toThrow(/no operator/);
  });

  it('deactivates an operator, who then no longer counts', async () => {
    const db = await withCrew();
    expect(await countOperators(db)).toBe(4);
    expect(await countOperators(db, 'supervisor')).toBe(1);
    expect(await setOperatorActive(db, 'sup', false)).toBe(true);
    expect(await countOperators(db, 'supervisor')).toBe(0);
    expect((await findOperatorById(db, 'sup'))?.active).toBe(false);
    expect(await setOperatorActive(db, 'nobody', false)).toBe(false);
  });

  it('refuses a second operator with the same badge', async () => {
    const db = await withCrew();
    await expect(insertOperator(db, { name: 'Dup', role: 'packer', pinHash: 'h', badge: 'B-ZE', demoPin: null, createdAt: NOW })).rejects.toThrow(/UNIQUE/);
  });
});
