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
import { ensureStation } from './db/repos/stations';
import { isDemoSeeded, loadDemoData, seedDemo } from './demo/demo-data';
import { createLogger, type Logger } from './log/logger';
import { queueHandlers } from './queues/queue-handlers';
import { settingsHandlers } from './settings/settings-handlers';
import { StationSettings } from './settings/station-settings';
import { methods, type MethodName } from '../src-shared/api';
import { createSlipPrinter } from './workflows/pack/slip-printer';
import { loadLabelFonts, type LabelFonts } from './documents/labels/pdf-label';
import { StationLabelSource } from './workflows/pack/label-source';
import { PackBench } from './workflows/pack/pack-bench';
import { packHandlers } from './workflows/pack/pack-handlers';
import { loadPackSettings } from './workflows/pack/pack-settings';
import { packInterruptions, type OrderInterruption } from './workflows/pack/interruptions';
import type { DeviceAssignments } from '../src-shared/domain/devices';
import type { DeviceHub } from './devices/device-hub';
import type { PrinterTransport } from './devices/printers/types';
import { deviceHandlers } from './devices/registry/device-handlers';
import { DeviceRegistry } from './devices/registry/device-registry';
import { toView } from './devices/registry/device-handlers';
import { startSimulation, type RunningSimulation } from './devices/simulators/demo-devices';
import { EnvOverride, FileSecretStore } from './sync/secrets/file-secret-store';
import type { SecretStore } from './sync/secrets/secret-store';
import { readStoreSettings, SyncEngine, type AdapterFactories } from './sync/sync-engine';
import { syncHandlers } from './sync/sync-handlers';
import type { BackoffPolicy } from './sync/backoff';
import { PLATFORM_FACTORIES } from './sync/platforms';

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
  /** Devices for this run: `bancada serve` flags, simulators, and transports only the shell has. */
  readonly devices?: StationDeviceOptions;
  /** Sync for this run: where secrets live (the shell passes the OS-encrypted store), pull cadence. */
  readonly sync?: StationSyncOptions;
}

export interface StationSyncOptions {
  /** Default: a 0600 file in the data folder, overridden by BANCADA_STORE_CREDENTIALS. */
  readonly secrets?: SecretStore;
  /** Seconds between pulls; 0 pulls only on demand (tests). */
  readonly pullEverySeconds?: number;
  /** How often a demo order arrives; 0 turns arrivals off (tests). */
  readonly demoArrivalEveryMs?: number;
  /** Platform adapters besides the demo store (tests inject emulator-bound ones). */
  readonly factories?: AdapterFactories;
  /** The relay's retry waits; tests shorten them. */
  readonly backoff?: BackoffPolicy;
}

/** Where station server mode keeps the store's credentials (mode 0600). */
export const SECRETS_FILE = 'secrets.json';

export interface StationDeviceOptions {
  /** Roles set for this run (not saved), e.g. from `--scale sics:/dev/ttyUSB0`. */
  readonly overrides?: Partial<DeviceAssignments>;
  /** Run the simulated scale and printer sink for roles left unassigned (default: in demo mode). */
  readonly simulate?: boolean;
  /** Printer transports by URI scheme that the device layer cannot build (the shell's `electron:` PDF printing). */
  readonly extraTransports?: Readonly<Record<string, (uri: string) => PrinterTransport>>;
}

export interface Station {
  /** The one door for contract calls (IPC and WebSocket both use it). */
  readonly dispatch: Dispatch;
  /** Contract events to fan out to renderers. */
  readonly events: EventBus;
  readonly dataDir: string;
  readonly logger: Logger;
  /** The device layer, for the services that print, weigh and take scans. */
  readonly devices: DeviceHub;
  /** For sync: stops the packer when a pulled change hits the order open at the bench. */
  readonly packInterrupt: OrderInterruption;
  /** Pull and outbox delivery with the configured store (the embedded demo store by default). */
  readonly sync: SyncEngine;
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
  const demo = options.demo ?? (await readStoreSettings(db)).platform === 'demo';
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
  const { devices, simulation } = await startDevices(options, db, events, logger, demo, now);
  const { pack, packInterrupt } = await startPackBench({ options, db, events, logger, now, stationId: station.id, devices, settings, auth, sessions });
  const sync = new SyncEngine({
    db,
    dataDir: options.dataDir,
    stationId: station.id,
    secrets: options.sync?.secrets ?? new EnvOverride(new FileSecretStore(join(options.dataDir, SECRETS_FILE))),
    factories: options.sync?.factories ?? PLATFORM_FACTORIES,
    allowDemo: demo,
    demoData: () => loadDemoData(options.resourcesDir),
    logger,
    now,
    onStatus: (status) => events.emit('sync:status', status),
    onRecordsChanged: () => events.emit('orders:changed', { reason: 'sync' }),
    onInterruption: packInterrupt,
    ...(options.sync?.pullEverySeconds !== undefined ? { pullEverySeconds: options.sync.pullEverySeconds } : {}),
    ...(options.sync?.demoArrivalEveryMs !== undefined ? { demoArrivalEveryMs: options.sync.demoArrivalEveryMs } : {}),
    ...(options.sync?.backoff ? { backoff: options.sync.backoff } : {}),
  });
  await sync.start();
  // The bench's view goes null when its pack ends: what the platform changed meanwhile applies then.
  events.subscribe((name, payload) => {
    if (name === 'pack:view' && payload === null) void sync.afterPackEnded().catch((error: unknown) => logger.error('applying upstream changes after a pack failed', { error }));
  });

  const handlers = touchingSessions(
    {
      ...settingsHandlers({ settings, onStationChanged }),
      ...authHandlers({ db, auth, sessions, settings, onStationChanged }),
      ...queueHandlers({ db, now }),
      ...syncHandlers({ db, engine: sync, stationId: () => station.id, now }),
      ...deviceHandlers({ db, registry: devices, stationId: () => station.id, now }),
      ...pack,
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
    devices,
    packInterrupt,
    sync,
    async close() {
      await sync.close();
      await devices.close();
      await simulation?.close();
      await db.close();
      await logger.close();
    },
  };
}

/** The device registry, with the simulators when this run simulates (demo mode by default). */
async function startDevices(
  options: StationOptions,
  db: Database,
  events: EventBus,
  logger: Logger,
  demo: boolean,
  now: () => Date,
): Promise<{ devices: DeviceRegistry; simulation: RunningSimulation | null }> {
  const overrides = options.devices?.overrides ?? {};
  const log = (message: string, detail: Record<string, unknown>): void => logger.warn(message, detail);
  const simulation =
    (options.devices?.simulate ?? demo) ? await startSimulation({ scale: overrides.scale === undefined, printer: overrides.labelPrinter === undefined, log }) : null;
  try {
    const devices = await DeviceRegistry.start({
      db,
      now,
      overrides,
      simulation,
      ...(options.devices?.extraTransports ? { extraTransports: options.devices.extraTransports } : {}),
      // No workflow holds the scanner (home screen, Devices tab): the renderer hears `claimed: false` and decides.
      unclaimed: async () => undefined,
      publish: {
        status: (list) => events.emit('devices:status', list),
        live: (live) => events.emit('scale:live', live),
        scan: (scan) => events.emit('scans:received', scan),
        unclaimed: (scan) => events.emit('scans:unclaimed', scan),
        job: (job) => events.emit('print:job', toView(job)),
      },
      log,
    });
    return { devices, simulation };
  } catch (error) {
    await simulation?.close();
    throw error;
  }
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

/** The packing bench: settings, label source, slip printer; resumes the pack open before a restart. */
async function startPackBench(deps: {
  options: StationOptions;
  db: Database;
  events: EventBus;
  logger: Logger;
  now: () => Date;
  stationId: string;
  devices: DeviceHub;
  settings: StationSettings;
  auth: AuthService;
  sessions: SessionHolder;
}): Promise<{ pack: ReturnType<typeof packHandlers>; packInterrupt: OrderInterruption }> {
  const { db, events, logger, now, stationId, devices, settings, sessions } = deps;
  const packSettings = await loadPackSettings(db);
  let fontsLoaded: Promise<LabelFonts> | null = null;
  const fonts = (): Promise<LabelFonts> => (fontsLoaded ??= loadLabelFonts(deps.options.resourcesDir));
  const locale = (): Locale => settings.info().locale;
  const bench = new PackBench({
    db,
    now,
    stationId,
    settings: packSettings,
    devices,
    emit: (view) => events.emit('pack:view', view),
    labels: new StationLabelSource({ stationId, shipFrom: packSettings.shipFrom, language: locale, fonts, defaultCarrier: 'Own fleet' }),
    slips: createSlipPrinter({ devices, fonts, locale, now, onError: (error) => logger.error('packing slip failed', { error }) }),
    lockSession: () => deps.auth.logout('idle-lock'),
  });
  await bench.start(() => {
    const session = sessions.current();
    return session ? { id: session.operator.id, role: session.operator.role } : null;
  });
  return { pack: packHandlers({ db, bench, stationId, locale, fonts, now }), packInterrupt: packInterruptions(bench) };
}
