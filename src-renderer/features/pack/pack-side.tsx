import type { PackView } from '../../../src-shared/domain/pack';
import { useStation, useT } from '../../store/station-store';
import { formatKg } from './format-weight';
import { chooseBox, reprint, usePack } from './pack-store';

function Scale({ expectedMg }: { readonly expectedMg: number | null }) {
  const t = useT();
  const locale = useStation((s) => s.info?.locale ?? 'en');
  const scale = usePack((s) => s.scale);
  const connected = scale && scale.status !== 'disconnected';
  return (
    <section className="pack-scale" data-testid="pack-scale">
      <h2>{t('pack.scale.title')}</h2>
      <p className={`pack-scale__value pack-scale--${scale?.status ?? 'disconnected'}`}>
        {!connected ? t('pack.scale.none') : scale.mg !== null ? formatKg(locale, scale.mg) : scale.status === 'zero' ? formatKg(locale, 0) : t(`devices.state.${scale.status}`)}
      </p>
      {connected && scale.status === 'motion' && <p className="pack-scale__note">{t('pack.scale.motion')}</p>}
      {expectedMg !== null && <p className="pack-scale__note">{t('pack.scale.expected', { weight: formatKg(locale, expectedMg) })}</p>}
    </section>
  );
}

export function PackSide({ view }: { readonly view: PackView }) {
  const t = useT();
  const locale = useStation((s) => s.info?.locale ?? 'en');
  const boxes = usePack((s) => s.boxes);
  const current = view.packages.find((p) => p.index === view.currentPackage);
  const live = view.phase !== 'complete';
  return (
    <aside className="pack-side">
      <Scale expectedMg={view.weightOff?.expectedMg ?? current?.expectedWeightMg ?? null} />
      <section className="pack-packages" data-testid="pack-packages">
        {view.packages.map((p) => (
          <div key={p.index} className={`pack-package${p.index === view.currentPackage && live ? ' pack-package--current' : ''}`} data-testid="pack-package" data-label={p.labelState}>
            <p className="pack-package__title">{t('pack.package', { index: p.index, count: view.packages.length })}</p>
            <p>
              {t('pack.package.units', { count: p.units })} · {p.boxCode ? t('pack.package.box', { box: boxes.find((b) => b.code === p.boxCode)?.name ?? p.boxCode }) : t('pack.package.noBox')}
            </p>
            {p.weightMg !== null && (
              <p>
                {formatKg(locale, p.weightMg)}
                {p.weighed !== 'none' && (
                  <>
                    {' · '}
                    <span className={`weighed weighed--${p.weighed}`}>{t(`pack.weighed.${p.weighed}`)}</span>
                  </>
                )}
              </p>
            )}
            {p.labelState !== 'none' && (
              <p className={`label-state label-state--${p.labelState}`} data-testid="label-state">
                {t(`pack.label.${p.labelState}`)}
                {p.tracking && <span className="mono"> · {p.tracking}</span>}
                {p.labelState === 'failed' && (
                  <button type="button" className="button" onClick={() => void reprint()}>
                    {t('pack.action.reprint')}
                  </button>
                )}
              </p>
            )}
          </div>
        ))}
      </section>
      {live && (
        <section className="pack-box">
          <label>
            {/* The suggestion shares the heading's row: below the select it was the first thing cut off when a failed label took the room. */}
            <span className="pack-box__head">
              {t('pack.box.choose')}
              {view.suggestedBox && <span className="pack-box__hint">{t('pack.box.suggested', { box: boxes.find((b) => b.code === view.suggestedBox)?.name ?? view.suggestedBox })}</span>}
            </span>
            <select value={current?.boxCode ?? ''} onChange={(e) => e.target.value && void chooseBox(e.target.value)}>
              <option value="">{t('pack.package.noBox')}</option>
              {boxes.map((b) => (
                <option key={b.code} value={b.code}>
                  {b.name} — {b.lengthMm}×{b.widthMm}×{b.heightMm} mm
                </option>
              ))}
            </select>
          </label>
        </section>
      )}
    </aside>
  );
}
