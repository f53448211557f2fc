import { useState } from 'react';
import { locale, useT } from '../../store/station-store';
import { simulateWeight, useDevices, zeroScale } from './devices-store';
import { formatKg } from './weight';

const QUICK_GRAMS = [0, 250, 1250, 4800] as const;

/** The live scale, big enough to read from the box: display, state, last settled weight, zero, and the simulator's weights. */
export function ScalePanel() {
  const t = useT();
  const live = useDevices((s) => s.live);
  const busy = useDevices((s) => s.busy);
  const [grams, setGrams] = useState('');
  const lang = locale();
  if (!live || live.deviceId === null) {
    return (
      <section className="devices-card" data-testid="scale-panel">
        <h2>{t('devices.scale.title')}</h2>
        <p className="empty">{t('devices.scale.none')}</p>
      </section>
    );
  }
  const reading = live.mg !== null && live.mg !== 0 ? formatKg(lang, live.mg) : live.status === 'zero' ? formatKg(lang, 0) : '—';
  return (
    <section className={`devices-card scale-panel scale-panel--${live.status}`} data-testid="scale-panel">
      <h2>
        {t('devices.scale.title')} {live.simulated && <span className="badge badge--sim">{t('devices.scale.simulated')}</span>}
      </h2>
      <p className="scale-reading mono" data-testid="scale-reading" data-status={live.status}>
        {reading}
      </p>
      <p className="scale-state" data-testid="scale-state">
        {t(`devices.state.${live.status}`)}
      </p>
      <p className="scale-settled" data-testid="scale-settled">
        {live.settled ? t('devices.scale.settled', { weight: formatKg(lang, live.settled.mg), seq: live.settled.seq }) : t('devices.scale.notSettled')}
      </p>
      <button type="button" className="button" data-testid="scale-zero" disabled={busy === 'zero' || live.status === 'disconnected'} onClick={() => void zeroScale()}>
        {t('devices.scale.zero')}
      </button>
      {live.simulated && (
        <form
          className="scale-sim"
          data-testid="scale-sim"
          onSubmit={(event) => {
            event.preventDefault();
            const value = Number(grams.replace(',', '.'));
            if (Number.isFinite(value)) void simulateWeight(value);
          }}
        >
          <p className="scale-sim-title">{t('devices.scale.simTitle')}</p>
          <div className="scale-sim-row">
            {QUICK_GRAMS.map((g) => (
              <button key={g} type="button" className="chip" data-testid={`scale-sim-${g}`} onClick={() => void simulateWeight(g)}>
                {g === 0 ? t('devices.scale.simEmpty') : formatKg(lang, g * 1000)}
              </button>
            ))}
          </div>
          <div className="scale-sim-row">
            <label className="field field--inline">
              <span>{t('devices.scale.simGrams')}</span>
              <input inputMode="decimal" value={grams} onChange={(e) => setGrams(e.target.value)} data-testid="scale-sim-grams" />
            </label>
            <button type="submit" className="button">
              {t('devices.scale.simPlace')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
