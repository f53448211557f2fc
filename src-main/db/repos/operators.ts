import { randomUUID } from 'node:crypto';
import type { Role } from '../../../src-shared/domain/types';
import type { Queryable } from '../database';
import { sql } from '../sql';

export interface OperatorRow {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly pinHash: string;
  readonly badge: string | null;
  readonly active: boolean;
  readonly demoPin: string | null;
  readonly failedAttempts: number;
  readonly lockedUntil: string | null;
}

const COLUMNS = sql`id, name, role, pin_hash, badge, active, demo_pin, failed_attempts, locked_until`;

interface Raw {
  id: string;
  name: string;
  role: Role;
  pin_hash: string;
  badge: string | null;
  active: number;
  demo_pin: string | null;
  failed_attempts: number;
  locked_until: string | null;
}

function toRow(raw: Raw): OperatorRow {
  return {
    id: raw.id,
    name: raw.name,
    role: raw.role,
    pinHash: raw.pin_hash,
    badge: raw.badge,
    active: raw.active === 1,
    demoPin: raw.demo_pin,
    failedAttempts: raw.failed_attempts,
    lockedUntil: raw.locked_until,
  };
}

export interface NewOperator {
  readonly id?: string;
  readonly name: string;
  readonly role: Role;
  readonly pinHash: string;
  readonly badge: string | null;
  readonly demoPin: string | null;
  readonly createdAt: string;
}

export async function insertOperator(db: Queryable, op: NewOperator): Promise<OperatorRow> {
  const id = op.id ?? randomUUID();
  await db.run(sql`INSERT INTO operators (id, name, role, pin_hash, badge, demo_pin, created_at)
    VALUES (${id}, ${op.name}, ${op.role}, ${op.pinHash}, ${op.badge}, ${op.demoPin}, ${op.createdAt})`);
  return { id, name: op.name, role: op.role, pinHash: op.pinHash, badge: op.badge, active: true, demoPin: op.demoPin, failedAttempts: 0, lockedUntil: null };
}

/** Packers, then returns staff, then supervisors, each by name: the order of the login screen's tiles. */
export async function listOperators(db: Queryable): Promise<OperatorRow[]> {
  const rows = await db.all<Raw>(sql`SELECT ${COLUMNS} FROM operators ORDER BY CASE role WHEN 'packer' THEN 0 WHEN 'returns' THEN 1 ELSE 2 END, name`);
  return rows.map(toRow);
}

export async function findOperatorById(db: Queryable, id: string): Promise<OperatorRow | null> {
  const raw = await db.get<Raw>(sql`SELECT ${COLUMNS} FROM operators WHERE id = ${id}`);
  return raw ? toRow(raw) : null;
}

export async function findOperatorByBadge(db: Queryable, badge: string): Promise<OperatorRow | null> {
  const raw = await db.get<Raw>(sql`SELECT ${COLUMNS} FROM operators WHERE badge = ${badge}`);
  return raw ? toRow(raw) : null;
}

/** Active operators, of one role or all. */
export async function countOperators(db: Queryable, role?: Role): Promise<number> {
  const row = role
    ? await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM operators WHERE role = ${role} AND active = 1`)
    : await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM operators WHERE active = 1`);
  return row?.n ?? 0;
}

/**
 * Counts one more wrong PIN and returns the new count. The count is incremented in SQL, so two
 * wrong PINs racing each other both count. The lock that follows depends on the count, so the
 * caller sets it with `setLockedUntil` in the same transaction.
 */
export async function recordFailure(db: Queryable, id: string): Promise<number> {
  const row = await db.get<{ failed_attempts: number }>(sql`UPDATE operators SET failed_attempts = failed_attempts + 1 WHERE id = ${id} RETURNING failed_attempts`);
  if (!row) throw new Error(`no operator ${id}`);
  return row.failed_attempts;
}

/** Sets or clears the lock-out after a failure has been counted. */
export async function setLockedUntil(db: Queryable, id: string, lockedUntil: string | null): Promise<void> {
  await db.run(sql`UPDATE operators SET locked_until = ${lockedUntil} WHERE id = ${id}`);
}

export async function resetLoginFailures(db: Queryable, id: string): Promise<void> {
  await db.run(sql`UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE id = ${id}`);
}

/** Deactivates or reactivates an operator; operators are never deleted, their audit rows name them. */
export async function setOperatorActive(db: Queryable, id: string, active: boolean): Promise<boolean> {
  const result = await db.run(sql`UPDATE operators SET active = ${active ? 1 : 0} WHERE id = ${id}`);
  return result.changes === 1;
}
