import { isMethodName, methods, type MethodName, type Result } from '../../src-shared/api';
import { AppError } from '../../src-shared/errors/codes';
import type { Role, Session } from '../../src-shared/domain/types';
import type { CallContext, Handlers } from './handlers';

export interface DispatchDeps {
  readonly handlers: Handlers;
  readonly currentSession: () => Session | null;
  /** Unexpected failures are logged here (never with the input: it may hold a PIN). */
  readonly onInternalError: (method: string, error: unknown) => void;
}

export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * The one door into the main process, shared by Electron IPC and the station-server WebSocket:
 * checks the method exists, the caller may call it, parses the input strictly, runs the handler and
 * wraps the outcome as `{ ok, value } | { ok: false, error: { code, message } }`.
 */
export function createDispatch(deps: DispatchDeps): Dispatch {
  return async (method, input) => {
    try {
      if (!isMethodName(method)) throw new AppError('contract.unknown-method', `unknown method ${String(method).slice(0, 64)}`);
      const spec = methods[method];
      const session = deps.currentSession();
      assertAccess(method, spec.access, session);
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
        throw new AppError('input.invalid', `invalid input for ${method}: ${where}`);
      }
      const ctx: CallContext = { session };
      const handler = deps.handlers[method] as (input: unknown, ctx: CallContext) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      deps.onInternalError(typeof method === 'string' ? method : '?', error);
      return { ok: false, error: { code: 'internal', message: 'internal error' } };
    }
  };
}

function assertAccess(method: MethodName, access: (typeof methods)[MethodName]['access'], session: Session | null): void {
  if (access === 'public') return;
  if (!session) throw new AppError('auth.required', `${method} needs a logged-in operator`);
  if (access === 'session' || session.operator.role === 'supervisor') return;
  if (!(access as readonly Role[]).includes(session.operator.role)) throw new AppError('auth.forbidden', `${method} is not allowed for ${session.operator.role}`);
}
