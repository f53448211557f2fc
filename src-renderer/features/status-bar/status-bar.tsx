import type { SyncStatus } from '../../../src-shared/domain/types';
import type { MessageKey } from '../../i18n/en';
import { api, useStation, useT } from '../../store/station-store';
import { go } from '../home/home-store';

function syncKey(sync: SyncStatus | null): MessageKey {
  if (!sync) return 'status.connecting';
  if (sync.platform === 'demo') return 'status.sync.demo';
  if (sync.platform === 'none') return 'status.sync.none';
  return `status.sync.${sync.state}`;
}

/** Always on screen: who, where, devices, sync, and whether the screen still reaches the station. */
export function StatusBar() {
  const t = useT();
  const { info, session, sync, devices, connection } = useStation();
  const connected = devices.filter((d) => d.connected).length;
  return (
    <footer className="status-bar" data-testid="status-bar">
      {info?.demo && <span className="badge badge--demo">{t('demo.badge')}</span>}
      <span className="status-item">
        <span className="status-label">{t('status.station')}</span> {info?.stationName ?? '…'}
      </span>
      {session && (
        <span className="status-item" data-testid="status-operator">
          <span className="status-label">{t('status.operator')}</span> {session.operator.name} · {t(`role.${session.operator.role}`)}
        </span>
      )}
      <span className="status-item">{devices.length === 0 ? t('status.devicesNone') : t('status.devices', { connected, total: devices.length })}</span>
      <span className={`status-item sync sync--${sync?.state ?? 'unknown'}`}>
        {t(syncKey(sync))}
        {sync && sync.pending > 0 && ` · ${t('status.sync.pending', { count: sync.pending })}`}
      </span>
      {connection !== 'open' && <span className="status-item connection-warning" role="status">{t(connection === 'connecting' ? 'status.connecting' : 'status.reconnecting')}</span>}
      <span className="spacer" />
      {session && (
        <button
          type="button"
          className="button button--small"
          data-testid="logout"
          onClick={() => {
            go('home');
            void api().call['auth:logout']({});
          }}
        >
          {t('status.logout')}
        </button>
      )}
    </footer>
  );
}
