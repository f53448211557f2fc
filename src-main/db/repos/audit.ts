import type { Queryable } from '../database';
import { sql } from '../sql';

export interface AuditEntry {
  readonly at: string;
  readonly stationId: string;
  readonly operatorId: string | null;
  /** `domain.verb`, e.g. `auth.login`, `settings.set`. */
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string | null;
  /** Never a PIN or a token: the audit log is read by people. */
  readonly detail: Readonly<Record<string, unknown>>;
}

/** Written in the same transaction as the change it records (DESIGN.md "Persistence"). */
export async function appendAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.run(sql`INSERT INTO audit_log (at, station_id, operator_id, action, subject_type, subject_id, detail)
    VALUES (${entry.at}, ${entry.stationId}, ${entry.operatorId}, ${entry.action}, ${entry.subjectType}, ${entry.subjectId}, ${JSON.stringify(entry.detail)})`);
}
