import { AppError } from '../../src-shared/errors/codes';
import type { LoginOperator, Operator, Role, Session } from '../../src-shared/domain/types';
import type { Database, Queryable } from '../db/database';
import { appendAudit } from '../db/repos/audit';
import { countOperators, findOperatorByBadge, findOperatorById, insertOperator, listOperators, recordFailure, resetLoginFailures, setLockedUntil, type OperatorRow } from '../db/repos/operators';
import { lockedUntilAfter, secondsLeft } from './lockout';
import { hashPin, verifyPin } from './pin-hash';
import type { SessionHolder } from './session-holder';

export interface AuthDeps {
  readonly db: Database;
  readonly now: () => Date;
  readonly stationId: () => string;
  readonly sessions: SessionHolder;
  readonly demo: () => boolean;
  readonly onSessionChanged: (session: Session | null) => void;
}

export function toOperator(row: OperatorRow): Operator {
  return { id: row.id, name: row.name, role: row.role, hasBadge: row.badge !== null, active: row.active };
}

/** Logging in and out, by PIN or badge, with the rate limit and an audit row for every attempt. */
export class AuthService {
  constructor(private readonly deps: AuthDeps) {}

  async loginOperators(): Promise<LoginOperator[]> {
    const rows = await listOperators(this.deps.db);
    const demo = this.deps.demo();
    return rows.filter((row) => row.active).map((row) => ({ id: row.id, name: row.name, role: row.role, demoPin: demo ? row.demoPin : null }));
  }

  async loginWithPin(operatorId: string, pin: string): Promise<Session> {
    const now = this.deps.now();
    const row = await findOperatorById(this.deps.db, operatorId);
    // An unknown operator answers like a wrong PIN, so the screen does not confirm which ids exist.
    if (!row || !row.active) throw new AppError('auth.bad-pin', 'wrong PIN or unknown operator');
    const wait = secondsLeft(row.lockedUntil, now);
    if (wait > 0) throw new AppError('auth.locked-out', `operator locked for ${wait}s`, { seconds: wait });
    if (!(await verifyPin(pin, row.pinHash))) {
      // Counted in SQL inside the transaction, so two wrong PINs racing each other count twice.
      const lockedUntil = await this.deps.db.transaction(async (tx) => {
        const attempts = await recordFailure(tx, row.id);
        const until = lockedUntilAfter(attempts, now);
        if (until) await setLockedUntil(tx, row.id, until.toISOString());
        await this.audit(tx, null, 'auth.login-failed', row.id, { method: 'pin', attempts });
        return until;
      });
      if (lockedUntil) {
        const seconds = secondsLeft(lockedUntil.toISOString(), now);
        throw new AppError('auth.locked-out', `operator locked for ${seconds}s`, { seconds });
      }
      throw new AppError('auth.bad-pin', 'wrong PIN or unknown operator');
    }
    return this.startSession(row, 'pin');
  }

  async loginWithBadge(badge: string): Promise<Session> {
    const row = await findOperatorByBadge(this.deps.db, badge);
    if (!row) {
      await this.deps.db.transaction((tx) => this.audit(tx, null, 'auth.badge-unknown', null, { length: badge.length }));
      throw new AppError('auth.unknown-badge', 'no operator has this badge');
    }
    if (!row.active) throw new AppError('auth.operator-inactive', 'operator is inactive');
    return this.startSession(row, 'badge');
  }

  async logout(reason: 'logout' | 'idle-lock'): Promise<void> {
    const ended = this.deps.sessions.end();
    if (!ended) return;
    await this.deps.db.transaction((tx) => this.audit(tx, ended.operator.id, reason === 'logout' ? 'auth.logout' : 'auth.idle-lock', ended.operator.id, {}));
    this.deps.onSessionChanged(null);
  }

  /** Whether this station still needs its first supervisor (a fresh, non-demo station). */
  async setupRequired(): Promise<boolean> {
    return (await countOperators(this.deps.db, 'supervisor')) === 0;
  }

  /** Creates an operator; `actorId` is the supervisor doing it (null only for first-run setup). */
  async createOperator(tx: Queryable, actorId: string | null, input: { name: string; role: Role; pin: string; badge?: string | undefined }): Promise<OperatorRow> {
    if (input.badge && (await findOperatorByBadge(tx, input.badge))) throw new AppError('operator.duplicate-badge', 'another operator has this badge');
    const row = await insertOperator(tx, {
      name: input.name,
      role: input.role,
      pinHash: await hashPin(input.pin),
      badge: input.badge ?? null,
      demoPin: null,
      createdAt: this.deps.now().toISOString(),
    });
    await this.audit(tx, actorId, 'operator.create', row.id, { role: row.role, badge: row.badge !== null });
    return row;
  }

  /** Starts the session for an operator created in the caller's transaction (first-run setup). */
  startAfterSetup(row: OperatorRow): Session {
    const session = this.deps.sessions.start(toOperator(row));
    this.deps.onSessionChanged(session);
    return session;
  }

  private async startSession(row: OperatorRow, method: 'pin' | 'badge'): Promise<Session> {
    const previous = this.deps.sessions.current();
    await this.deps.db.transaction(async (tx) => {
      await resetLoginFailures(tx, row.id);
      if (previous && previous.operator.id !== row.id) await this.audit(tx, previous.operator.id, 'auth.switched-out', previous.operator.id, { to: row.id });
      await this.audit(tx, row.id, 'auth.login', row.id, { method });
    });
    const session = this.deps.sessions.start(toOperator(row));
    this.deps.onSessionChanged(session);
    return session;
  }

  private audit(tx: Queryable, operatorId: string | null, action: string, subjectId: string | null, detail: Record<string, unknown>): Promise<void> {
    return appendAudit(tx, {
      at: this.deps.now().toISOString(),
      stationId: this.deps.stationId(),
      operatorId,
      action,
      subjectType: 'operator',
      subjectId,
      detail,
    });
  }
}
