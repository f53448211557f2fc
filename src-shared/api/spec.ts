import { z } from 'zod';
import type { Role } from '../domain/types';

/**
 * Who may call a method: anyone at the station (`public`: the login and setup screens), any
 * logged-in operator (`session`), or only the listed roles. Supervisors may always call.
 */
export type Access = 'public' | 'session' | readonly Role[];

export interface MethodSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
  readonly access: Access;
  /** True when the call changes state a person is accountable for: the handler writes an audit row. */
  readonly audited: boolean;
}

/** The input of a method that takes nothing. */
export const None = z.strictObject({});
