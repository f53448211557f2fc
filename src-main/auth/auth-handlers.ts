import type { Handlers } from '../api/handlers';
import { AppError } from '../../src-shared/errors/codes';
import type { Database } from '../db/database';
import { listOperators } from '../db/repos/operators';
import type { StationSettings } from '../settings/station-settings';
import { toOperator, type AuthService } from './auth-service';
import type { SessionHolder } from './session-holder';

type AuthMethods = 'station:setup' | 'auth:operators' | 'auth:login-pin' | 'auth:login-badge' | 'auth:logout' | 'auth:lock' | 'auth:session' | 'operators:list' | 'operators:create';

export function authHandlers(deps: {
  readonly db: Database;
  readonly auth: AuthService;
  readonly sessions: SessionHolder;
  readonly settings: StationSettings;
  readonly onStationChanged: () => void;
}): Pick<Handlers, AuthMethods> {
  const { db, auth, sessions, settings } = deps;
  return {
    'station:setup': async (input) => {
      if (!(await auth.setupRequired())) throw new AppError('setup.already-done', 'this station already has a supervisor');
      const row = await db.transaction(async (tx) => {
        const created = await auth.createOperator(tx, null, { name: input.supervisorName, role: 'supervisor', pin: input.pin });
        await settings.setName(input.stationName, created.id, tx);
        await settings.setLocale(input.locale, created.id, tx);
        return created;
      });
      settings.markSetupDone();
      deps.onStationChanged();
      return auth.startAfterSetup(row);
    },
    'auth:operators': () => auth.loginOperators(),
    'auth:login-pin': (input) => auth.loginWithPin(input.operatorId, input.pin),
    'auth:login-badge': (input) => auth.loginWithBadge(input.badge),
    'auth:logout': async () => {
      await auth.logout('logout');
      return null;
    },
    'auth:lock': async () => {
      await auth.logout('idle-lock');
      return null;
    },
    'auth:session': async () => sessions.current(),
    'operators:list': async () => (await listOperators(db)).map(toOperator),
    'operators:create': async (input, ctx) => {
      const row = await db.transaction((tx) => auth.createOperator(tx, ctx.session?.operator.id ?? null, input));
      return toOperator(row);
    },
  };
}
