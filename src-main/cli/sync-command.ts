import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { StoreCredentialsSchema, StoreSettingsSchema, type StoreCredentials } from '../../src-shared/domain/store';
import { openStationDatabase } from '../db/database';
import { appendAudit } from '../db/repos/audit';
import { countOutbox } from '../db/repos/outbox';
import { ensureStation } from '../db/repos/stations';
import { listCursors } from '../db/repos/sync-cursors';
import { loadDemoData } from '../demo/demo-data';
import { createLogger } from '../log/logger';
import { DATABASE_FILE, SECRETS_FILE } from '../station';
import { PLATFORM_FACTORIES } from '../sync/platforms';
import { EnvOverride, FileSecretStore } from '../sync/secrets/file-secret-store';
import { SyncEngine } from '../sync/sync-engine';
import { defaultDataDir } from './data-dir';
import type { CliContext } from './serve-command';

export const SYNC_USAGE = `bancada sync status|now|config [--data-dir DIR] [--json]

  status   the configured store, what waits in the outbox, rejected rows, pull cursors
  now      pull orders, returns and catalog now and deliver the outbox; prints what happened
  config   show the store settings, or set them:
             --platform demo
             --platform shopify --shop-domain my-shop.myshopify.com --auth token|client-credentials [--location gid://shopify/Location/1]
             --platform medusa --base-url https://medusa.example.com [--location sloc_…]
           Credentials are never taken on the command line (other users can read it): put their JSON in a
           file (--credentials-file F, deleted by you afterwards) or in BANCADA_STORE_CREDENTIALS, e.g.
             {"kind":"shopify-token","accessToken":"shpat_…"}
             {"kind":"shopify-client-credentials","clientId":"…","clientSecret":"…"}
             {"kind":"medusa-api-key","apiKey":"sk_…"}
           They are kept in DIR/${SECRETS_FILE} (mode 0600), never in the database.
Exit codes: 0 done, 1 the store failed or refused, 2 bad arguments.`;

/** `bancada sync …` against a station's data folder; safe while the station runs (rows are claimed one by one). */
export async function syncCommand(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'status' && sub !== 'now' && sub !== 'config') {
    ctx.stderr(SYNC_USAGE);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
        platform: { type: 'string' },
        'shop-domain': { type: 'string' },
        auth: { type: 'string' },
        location: { type: 'string' },
        'base-url': { type: 'string' },
        'credentials-file': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    ctx.stderr(`bancada sync: ${error instanceof Error ? error.message : String(error)}\n\n${SYNC_USAGE}`);
    return 2;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const db = await openStationDatabase(join(dataDir, DATABASE_FILE));
  const logger = createLogger({ dir: join(dataDir, 'logs'), console: false });
  const station = await ensureStation(db, { now: new Date().toISOString(), defaultName: 'Bancada' });
  const engine = new SyncEngine({
    db,
    dataDir,
    stationId: station.id,
    secrets: new EnvOverride(new FileSecretStore(join(dataDir, SECRETS_FILE))),
    factories: PLATFORM_FACTORIES,
    demoData: () => loadDemoData(resolve(ctx.appRoot, '../../resources')),
    logger,
    pullEverySeconds: 0,
  });
  const print = (human: string[], json: unknown) => (values.json ? ctx.stdout(JSON.stringify(json)) : human.forEach((l) => ctx.stdout(l)));
  try {
    await engine.loadSettings();
    if (sub === 'config') return await configure(values, engine, db, ctx, print);
    if (sub === 'status') {
      const [view, counts, status] = [await engine.view(), await countOutbox(db), await engine.status()];
      const cursors = await listCursors(db, view.settings.platform);
      print(
        [
          `store        ${describe(view.settings)}${view.settings.platform !== 'demo' && !view.hasCredentials ? '  (no credentials saved!)' : ''}`,
          `outbox       ${counts.pending} waiting, ${counts.failing} failing, ${counts.rejected} rejected (need a supervisor)`,
          `last success ${status.lastSuccessAt ?? 'never'}`,
          ...cursors.map((c) => `cursor       ${c.resource.padEnd(9)} ${c.cursor}`),
        ],
        { settings: view.settings, hasCredentials: view.hasCredentials, outbox: counts, lastSuccessAt: status.lastSuccessAt, cursors },
      );
      return 0;
    }
    await engine.start();
    const run = await engine.syncNow();
    print([`pulled ${run.pulled} records, delivered ${run.delivered}, rejected ${run.rejected}${run.failure ? `; failed: ${run.failure}` : ''}`], run);
    return run.failure ? 1 : 0;
  } finally {
    await engine.close();
    await db.close();
    await logger.close();
  }
}

type Values = Record<string, string | boolean | undefined>;

async function configure(values: Values, engine: SyncEngine, db: Awaited<ReturnType<typeof openStationDatabase>>, ctx: CliContext, print: (human: string[], json: unknown) => void): Promise<number> {
  if (values.platform === undefined) {
    const view = await engine.view();
    print([`store        ${describe(view.settings)}`, `credentials  ${view.hasCredentials ? `saved (${view.secretStore})` : 'none'}`], view);
    return 0;
  }
  const settings = StoreSettingsSchema.safeParse(
    values.platform === 'shopify'
      ? { platform: 'shopify', shopDomain: values['shop-domain'], authKind: values.auth ?? 'token', locationId: values.location ?? null }
      : values.platform === 'medusa'
        ? { platform: 'medusa', baseUrl: values['base-url'], locationId: values.location ?? null }
        : { platform: values.platform },
  );
  if (!settings.success) {
    ctx.stderr(`bancada sync config: ${settings.error.issues.map((i) => `${i.path.join('.') || 'platform'}: ${i.message}`).join('; ')}`);
    return 2;
  }
  let credentials: StoreCredentials | null = null;
  const file = values['credentials-file'];
  if (typeof file === 'string') {
    const parsed = StoreCredentialsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) {
      ctx.stderr(`bancada sync config: ${file} does not hold credentials: ${parsed.error.issues[0]?.message ?? ''}`);
      return 2;
    }
    credentials = parsed.data;
  }
  const station = await ensureStation(db, { now: new Date().toISOString(), defaultName: 'Bancada' });
  const switched = await db.transaction(async (tx) => {
    const report = await engine.save(tx, settings.data, credentials, null);
    await appendAudit(tx, { at: new Date().toISOString(), stationId: station.id, operatorId: null, action: 'store.save', subjectType: 'store', subjectId: settings.data.platform, detail: { settings: settings.data, credentialsChanged: credentials !== null, by: 'cli', ...report } });
    return report;
  });
  const retired = switched.ordersRetired + switched.returnsRetired > 0 ? [`the previous store's ${switched.ordersRetired} waiting order(s) and ${switched.returnsRetired} return(s) left the queues; ${switched.operationsDiscarded} demo operation(s) discarded.`] : [];
  print([`saved: ${describe(settings.data)}.`, ...retired, 'Restart the station to use it.'], { saved: settings.data, ...switched });
  return 0;
}

function describe(settings: ReturnType<typeof StoreSettingsSchema.parse>): string {
  if (settings.platform === 'shopify') return `shopify ${settings.shopDomain} (${settings.authKind}), location ${settings.locationId ?? 'not chosen'}`;
  if (settings.platform === 'medusa') return `medusa ${settings.baseUrl}, location ${settings.locationId ?? 'not chosen'}`;
  return 'demo (the embedded demo store)';
}
