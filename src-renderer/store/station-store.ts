import { create } from 'zustand';
import type { BancadaApi } from '../../src-shared/api/bridge';
import type { DeviceHealth, Locale, Session, StationInfo, SyncStatus } from '../../src-shared/domain/types';
import type { AppErrorShape } from '../../src-shared/errors/codes';
import type { ConnectionState } from '../api/ws-client';
import type { MessageKey } from '../i18n/en';
import { translate, translateError, type Params } from '../i18n/translate';

interface StationState {
  readonly api: BancadaApi | null;
  readonly connection: ConnectionState;
  readonly info: StationInfo | null;
  readonly session: Session | null;
  readonly sync: SyncStatus | null;
  readonly devices: readonly DeviceHealth[];
}

export const useStation = create<StationState>(() => ({ api: null, connection: 'connecting', info: null, session: null, sync: null, devices: [] }));

/** The API client; only called once the app has connected (main.tsx sets it before rendering). */
export function api(): BancadaApi {
  const client = useStation.getState().api;
  if (!client) throw new Error('the station client is not connected yet');
  return client;
}

export function locale(): Locale {
  return useStation.getState().info?.locale ?? 'en';
}

/** The translator for the station's current language, re-rendering when it changes. */
export function useT(): (key: MessageKey, params?: Params) => string {
  const current = useStation((s) => s.info?.locale ?? 'en');
  return (key, params) => translate(current, key, params);
}

export function errorText(error: AppErrorShape): string {
  return translateError(locale(), error);
}

/** Loads what every screen needs and keeps it current from the station's events. */
export async function startStationFeed(client: BancadaApi): Promise<void> {
  useStation.setState({ api: client });
  client.on['station:changed']((info) => useStation.setState({ info }));
  client.on['session:changed']((session) => useStation.setState({ session }));
  client.on['sync:status']((sync) => useStation.setState({ sync }));
  client.on['devices:status']((devices) => useStation.setState({ devices }));
  await refreshStation();
}

export async function refreshStation(): Promise<void> {
  const client = api();
  const [info, session, sync] = await Promise.all([client.call['station:info']({}), client.call['auth:session']({}), client.call['sync:status']({})]);
  useStation.setState({
    info: info.ok ? info.value : useStation.getState().info,
    session: session.ok ? session.value : null,
    sync: sync.ok ? sync.value : null,
  });
  if (session.ok && session.value) {
    const devices = await client.call['devices:status']({});
    if (devices.ok) useStation.setState({ devices: devices.value });
  }
}
