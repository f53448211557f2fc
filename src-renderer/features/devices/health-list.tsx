import type { DeviceStatus } from '../../../src-shared/domain/devices';
import type { ErrorCode } from '../../../src-shared/errors/codes';
import { errorText, locale, useStation, useT } from '../../store/station-store';

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Every device the station knows, with what support asks first: connected, when last heard, the last error. */
export function HealthList() {
  const t = useT();
  const devices = useStation((s) => s.devices) as readonly DeviceStatus[];
  return (
    <section className="devices-card" data-testid="device-health">
      <h2>{t('devices.health.title')}</h2>
      <ul className="health-list">
        {devices.map((d) => (
          <li key={d.id} className="health-row" data-testid="device-row" data-device={d.id}>
            <span className={`health-dot health-dot--${d.connected ? 'ok' : 'down'}`} aria-hidden="true" />
            <div className="health-main">
              <strong>{t(`devices.kind.${d.kind}`)}</strong> {d.name && <span className="health-name">{d.name}</span>}
              {d.simulated && <span className="badge badge--sim">{t('devices.scale.simulated')}</span>}
              <div className="health-address mono">{d.id === 'scanner:keyboard' ? t('devices.scan.source.keyboard') : d.address}</div>
              <div className="health-meta">
                {t(d.connected ? 'devices.health.connected' : 'devices.health.disconnected')} · {d.lastSeenAt ? t('devices.health.lastSeen', { time: time(d.lastSeenAt) }) : t('devices.health.never')}
                {d.badFrames > 0 && ` · ${t('devices.health.badFrames', { count: d.badFrames })}`}
              </div>
              {d.lastErrorCode && <div className="health-error">{errorText({ code: d.lastErrorCode as ErrorCode, message: d.lastError ?? '' })}</div>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
