import { AppError } from '../../../src-shared/errors/codes';
import { lockedUntilAfter, secondsLeft } from '../../auth/lockout';
import { verifyPin } from '../../auth/pin-hash';
import type { Database } from '../../db/database';
import { appendAudit } from '../../db/repos/audit';
import { findOperatorById, recordFailure, resetLoginFailures, setLockedUntil } from '../../db/repos/operators';
import type { Operator } from './open-pack';

/**
 * A supervisor authorising at the packer's screen (a weight override) with their PIN. Wrong PINs count
 * against the supervisor's lock-out exactly as at login (auth/lockout.ts), so the override dialog is
 * no way round it; every failure is audited.
 */
export async function verifySupervisorPin(deps: { db: Database; now: () => Date; stationId: string }, supervisorId: string, pin: string): Promise<Operator> {
  const now = deps.now();
  const row = await findOperatorById(deps.db, supervisorId);
  if (!row || !row.active || row.role !== 'supervisor') throw new AppError('pack.override-not-allowed', 'not an active supervisor');
  const wait = secondsLeft(row.lockedUntil, now);
  if (wait > 0) throw new AppError('auth.locked-out', `supervisor locked for ${wait}s`, { seconds: wait });
  if (await verifyPin(pin, row.pinHash)) {
    await resetLoginFailures(deps.db, row.id);
    return { id: row.id, role: 'supervisor' };
  }
  const lockedUntil = await deps.db.transaction(async (tx) => {
    const attempts = await recordFailure(tx, row.id);
    const until = lockedUntilAfter(attempts, now);
    if (until) await setLockedUntil(tx, row.id, until.toISOString());
    await appendAudit(tx, { at: now.toISOString(), stationId: deps.stationId, operatorId: null, action: 'pack.override-pin-failed', subjectType: 'operator', subjectId: row.id, detail: { attempts } });
    return until;
  });
  if (lockedUntil) throw new AppError('auth.locked-out', 'supervisor locked', { seconds: secondsLeft(lockedUntil.toISOString(), now) });
  throw new AppError('auth.bad-pin', 'wrong supervisor PIN');
}
