import { useEffect } from 'react';
import type { DeviceHealth, SyncStatus } from '../../../src-shared/domain/types';
import type { MessageKey } from '../../i18n/en';
import { api, useStation, useT } from '../../store/station-store';
import { go } from '../home/home-store';
import './status-bar.css';

function syncKey(sync: SyncStatus | null): MessageKey {
  if (!sync) return 'status.connecting';
  if (sync.platform === 'none') return 'status.sync.none';
  // What needs a person outranks everything else; then an unreachable store, whichever it is.
  if (sync.attention > 0) return 'status.sync.attention';
  if (sync.state === 'offline') return 'status.sync.offline';
  if (sync.platform === 'demo') return 'status.sync.demo';
  return `status.sync.${sync.state}`;
}

/** A store that is not connected is not a problem to colour green or red. */
function syncTone(sync: SyncStatus | null): string {
  return !sync || sync.platform === 'none' ? 'none' : sync.state;
}

function devicesTone(devices: readonly DeviceHealth[]): 'ok' | 'warn' | 'none' {
  if (devices.length === 0) return 'none';
  return devices.every((d) => d.connected) ? 'ok' : 'warn';
}

/** Always on screen: who, where, devices, sync, and whether the screen still reaches the station. */
export function StatusBar() {
  const t = useT();
  const { info, session, sync, devices, connection } = useStation();
  const connected = devices.filter((d) => d.connected).length;
  const operatorId = session?.operator.id ?? null;
  useEffect(() => {
    // `devices:status` needs a session and only speaks on a change: ask once per login.
    if (!operatorId) return;
    void api()
      .call['devices:status']({})
      .then((result) => {
        if (result.ok) useStation.setState({ devices: result.value });
      });
  }, [operatorId]);
  // The first device that is down, named: "Scale: Not connected" tells a packer what to check.
  const firstDown = devices.find((d) => !d.connected);
  return (
    <footer className="status-bar" data-testid="status-bar">
      <div className="status-group status-group--who">
        {info?.demo && <span className="badge badge--demo">{t('demo.badge')}</span>}
        <span className="status-item status-item--shrink">
          <span className="status-label">{t('status.station')}</span> {info?.stationName ?? '…'}
        </span>
        {session && (
          <span className="status-item status-item--shrink" data-testid="status-operator">
            <span className="status-label">{t('status.operator')}</span> <strong>{session.operator.name}</strong>
            <span className="status-role"> · {t(`role.${session.operator.role}`)}</span>
          </span>
        )}
      </div>
      <div className="status-group">
        <span className={`status-item dot dot--${devicesTone(devices)}`} data-testid="status-devices">
          {firstDown
            ? t('status.devicesProblem', { name: t(`devices.kind.${firstDown.kind}`), problem: t('devices.health.disconnected') })
            : devices.length === 0
              ? t('status.devicesNone')
              : t('status.devices', { connected, total: devices.length })}
        </span>
        <span className={`status-item dot dot--sync-${syncTone(sync)}`} data-testid="status-sync">
          {t(syncKey(sync), { count: sync?.attention ?? 0 })}
          {sync && sync.pending > 0 && ` · ${t('status.sync.pending', { count: sync.pending })}`}
        </span>
        {connection !== 'open' && (
          <span className="status-item connection-warning" role="status" data-testid="status-connection">
            {t(connection === 'connecting' ? 'status.connecting' : 'status.reconnecting')}
          </span>
        )}
        {session && (
          <button
            type="button"
            className="button button--bar"
            data-testid="logout"
            onClick={() => {
              go('home');
              void api().call['auth:logout']({});
            }}
          >
            {t('status.logout')}
          </button>
        )}
      </div>
    </footer>
  );
}
