import type { Locale, StationInfo } from '../../src-shared/domain/types';
import type { Database, Queryable } from '../db/database';
import { appendAudit } from '../db/repos/audit';
import { getSetting, setSetting } from '../db/repos/settings';

export const DEFAULT_IDLE_LOCK_SECONDS = 300;

interface Stored {
  stationName: string;
  locale: Locale;
  idleLockSeconds: number;
}

/**
 * Station-wide preferences (language, idle lock) kept in SQLite and mirrored in memory, because
 * `station:info` and the idle check are read on every call and must not cost a query.
 */
export class StationSettings {
  #stored: Stored;

  private constructor(
    private readonly db: Database,
    private readonly identity: { readonly stationId: string; readonly demo: boolean; readonly version: string },
    stored: Stored,
    private setupRequired: boolean,
    private readonly now: () => Date,
  ) {
    this.#stored = stored;
  }

  static async load(
    db: Database,
    identity: { stationId: string; demo: boolean; version: string },
    options: { defaultLocale: Locale; defaultName: string; setupRequired: boolean; now: () => Date },
  ): Promise<StationSettings> {
    const stationName = (await getSetting<string>(db, 'station.name')) ?? options.defaultName;
    const locale = (await getSetting<Locale>(db, 'station.locale')) ?? options.defaultLocale;
    const idleLockSeconds = (await getSetting<number>(db, 'station.idleLockSeconds')) ?? DEFAULT_IDLE_LOCK_SECONDS;
    return new StationSettings(db, identity, { stationName, locale, idleLockSeconds }, options.setupRequired, options.now);
  }

  info(): StationInfo {
    return { ...this.identity, ...this.#stored, setupRequired: this.setupRequired };
  }

  get idleLockSeconds(): number {
    return this.#stored.idleLockSeconds;
  }

  markSetupDone(): void {
    this.setupRequired = false;
  }

  async setLocale(locale: Locale, operatorId: string | null, tx?: Queryable): Promise<StationInfo> {
    await this.write('station.locale', locale, operatorId, tx);
    this.#stored = { ...this.#stored, locale };
    return this.info();
  }

  async setName(stationName: string, operatorId: string | null, tx: Queryable): Promise<void> {
    await this.write('station.name', stationName, operatorId, tx);
    this.#stored = { ...this.#stored, stationName };
  }

  async setIdleLock(seconds: number, operatorId: string): Promise<StationInfo> {
    await this.write('station.idleLockSeconds', seconds, operatorId);
    this.#stored = { ...this.#stored, idleLockSeconds: seconds };
    return this.info();
  }

  private async write(key: string, value: unknown, operatorId: string | null, outer?: Queryable): Promise<void> {
    const apply = async (tx: Queryable): Promise<void> => {
      await setSetting(tx, key, value);
      await appendAudit(tx, {
        at: this.now().toISOString(),
        stationId: this.identity.stationId,
        operatorId,
        action: 'settings.set',
        subjectType: 'setting',
        subjectId: key,
        detail: { value },
      });
    };
    if (outer) await apply(outer);
    else await this.db.transaction(apply);
  }
}
