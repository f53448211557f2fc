import { useEffect, useState } from 'react';
import { useT } from '../../store/station-store';
import { takeScans, useScans } from '../scan/scan-store';
import { WedgeForm } from './wedge-form';

/** Shows each scan as the station received it, so a supervisor can tell a scanner works (and sends GS and AIM ids). */
export function ScanTest() {
  const t = useT();
  const last = useScans((s) => s.last);
  const [note, setNote] = useState('');
  useEffect(() => takeScans(), []);
  // The GS1 group separator is invisible; show where it is.
  const visible = last ? last.raw.split(String.fromCharCode(0x1d)).join('⟨GS⟩') : null;
  return (
    <section className="devices-card" data-testid="scan-test">
      <h2>{t('devices.scan.title')}</h2>
      <label className="field">
        <span>{t('devices.scan.field')}</span>
        <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="scan-test-field" />
      </label>
      <p className="scan-last-label">{t('devices.scan.last')}</p>
      {last ? (
        <p className="scan-last" data-testid="scan-last">
          <span className="mono scan-data">{visible}</span>
          <span className="scan-meta">
            {last.symbology && <span className="mono">{last.symbology} · </span>}
            {t(`devices.scan.source.${last.source}`)}
          </span>
        </p>
      ) : (
        <p className="empty">{t('devices.scan.none')}</p>
      )}
      <WedgeForm />
    </section>
  );
}
