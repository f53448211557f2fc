import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale } from '../src-shared/domain/types';
import { LocaleSchema } from '../src-shared/domain/types';
import { createDispatch, type Dispatch } from './api/dispatch';
import { EventBus } from './api/event-bus';
import type { Handlers } from './api/handlers';
import { authHandlers } from './auth/auth-handlers';
import { AuthService } from './auth/auth-service';
import { hashPin } from './auth/pin-hash';
import { SessionHolder } from './auth/session-holder';
import { openStationDatabase, type Database } from './db/database';
import { appendAudit } from './db/repos/audit';
import { countOperators } from './db/repos/operators';
import { getSetting } from './db/repos/settings';
import { ensureStation } from './db/repos/stations';
import { isDemoSeeded, loadDemoData, seedDemo } from './demo/demo-data';
import { createLogger, type Logger } from './log/logger';
import { queueHandlers } from './queues/queue-handlers';
import { settingsHandlers } from './settings/settings-handlers';
import { StationSettings } from './settings/station-settings';
import { statusHandlers } from './status/status-handlers';
import { methods, type MethodName } from '../src-shared/api';

export interface StationOptions {
  /** Folder holding bancada.sqlite and logs/. Created if missing. */
  readonly dataDir: string;
  /** Where `resources/` lives (the demo catalog). */
  readonly resourcesDir: string;
  /** Force demo mode on or off; by default a station with no store configured runs the embedded demo store. */
  readonly demo?: boolean;
  readonly version?: string;
  /** Language of a new station; later changed from the screen. */
  readonly defaultLocale?: Locale;
  readonly now?: () => Date;
  /** Echo logs to stderr as well as the rotating file. */
  readonly logToConsole?: boolean;
}

export interface Station {
  /** The one door for contract calls (IPC and WebSocket both use it). */
  readonly dispatch: Dispatch;
  /** Contract events to fan out to renderers. */
  readonly events: EventBus;
  readonly dataDir: string;
  readonly logger: Logger;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'bancada.sqlite';

/**
 * The composition root: the only place that knows every service. It opens the database, seeds the
 * demo store when no real store is configured, builds the services and hands each what it needs.
 * No Electron here: the shell and the station server both call this.
 */
export async function createStation(options: StationOptions): Promise<Station> {
  const now = options.now ?? (() => new Date());
  await mkdir(options.dataDir, { recursive: true });
  const logger = createLogger({ dir: join(options.dataDir, 'logs'), console: options.logToConsole ?? false });
  const db = await openStationDatabase(join(options.dataDir, DATABASE_FILE));
  try {
    return await assemble(options, db, logger, now);
  } catch (error) {
    logger.error('station failed to start', { error });
    await db.close();
    await logger.close();
    throw error;
  }
}

async function assemble(options: StationOptions, db: Database, logger: Logger, now: () => Date): Promise<Station> {
  const station = await ensureStation(db, { now: now().toISOString(), defaultName: 'Bancada' });
  const demo = options.demo ?? (await getSetting<string>(db, 'store.platform')) === null;
  // Reading and validating the demo files costs start-up time; only a new database needs them.
  if (demo && !(await isDemoSeeded(db))) {
    const seeded = await seedDemo(db, await loadDemoData(options.resourcesDir), { now: now(), hashPin, stationId: station.id });
    if (seeded) logger.info('demo store seeded', { stationId: station.id });
  }
  const events = new EventBus();
  const defaultLocale = options.defaultLocale ?? LocaleSchema.catch('en').parse(process.env.BANCADA_LOCALE);
  const setupRequired = !demo && (await countOperators(db, 'supervisor')) === 0;
  const settings = await StationSettings.load(
    db,
    { stationId: station.id, demo, version: options.version ?? '0.0.0-dev' },
    { defaultLocale, defaultName: demo ? 'Bancada demo 1' : station.name, setupRequired, now },
  );
  const sessions = new SessionHolder(now, () => settings.idleLockSeconds, (expired) => {
    events.emit('session:changed', null);
    void appendAudit(db, { at: now().toISOString(), stationId: station.id, operatorId: expired.operator.id, action: 'auth.idle-lock', subjectType: 'operator', subjectId: expired.operator.id, detail: { by: 'main' } }).catch((error: unknown) =>
      logger.error('audit of idle lock failed', { error }),
    );
  });
  const auth = new AuthService({ db, now, stationId: () => station.id, sessions, demo: () => demo, onSessionChanged: (s) => events.emit('session:changed', s) });
  const onStationChanged = (): void => events.emit('station:changed', settings.info());

  const handlers = touchingSessions(
    {
      ...settingsHandlers({ settings, onStationChanged }),
      ...authHandlers({ db, auth, sessions, settings, onStationChanged }),
      ...queueHandlers({ db, now }),
      ...statusHandlers({ db, demo }),
    } satisfies Handlers,
    sessions,
  );
  const dispatch = createDispatch({
    handlers,
    currentSession: () => sessions.current(),
    onInternalError: (method, error) => logger.error('contract call failed', { method, error }),
  });
  logger.info('station ready', { stationId: station.id, demo });
  return {
    dispatch,
    events,
    dataDir: options.dataDir,
    logger,
    async close() {
      await db.close();
      await logger.close();
    },
  };
}

/** Every call that needs a session counts as activity for the idle lock. */
function touchingSessions(handlers: Handlers, sessions: SessionHolder): Handlers {
  const wrapped: Record<string, unknown> = {};
  for (const name of Object.keys(handlers) as MethodName[]) {
    const handler = handlers[name] as (input: unknown, ctx: unknown) => Promise<unknown>;
    wrapped[name] = methods[name].access === 'public' ? handler : (input: unknown, ctx: unknown) => (sessions.touch(), handler(input, ctx));
  }
  return wrapped as unknown as Handlers;
}
