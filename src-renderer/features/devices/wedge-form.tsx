import { useState } from 'react';
import type { WedgeConfig } from '../../../src-shared/domain/devices';
import { api, useT } from '../../store/station-store';
import { useScans } from '../scan/scan-store';
import { useDevices } from './devices-store';

/** The keyboard-wedge timing and framing (device-protocols.md §3.1 defaults), for a scanner that needs other values. */
export function WedgeForm() {
  const config = useScans((s) => s.config);
  return <WedgeFields key={JSON.stringify(config)} config={config} />;
}

function WedgeFields({ config }: { readonly config: WedgeConfig }) {
  const t = useT();
  const [draft, setDraft] = useState(config);
  const number = (key: 'avgMsPerChar' | 'maxKeyGapMs' | 'minLength', label: string) => (
    <label className="field">
      <span>{label}</span>
      <input inputMode="numeric" value={String(draft[key])} onChange={(e) => setDraft({ ...draft, [key]: Number(e.target.value.replace(/\D/g, '')) || 0 })} data-testid={`wedge-${key}`} />
    </label>
  );
  return (
    <details className="wedge-form">
      <summary>{t('devices.wedge.title')}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void api()
            .call['devices:set-wedge-config'](draft)
            .then((result) => {
              useDevices.setState({ error: result.ok ? null : result.error, notice: result.ok ? 'devices.assign.saved' : null });
              if (result.ok) useScans.setState({ config: result.value });
            });
        }}
      >
        <div className="field-row">
          {number('avgMsPerChar', t('devices.wedge.avg'))}
          {number('maxKeyGapMs', t('devices.wedge.gap'))}
          {number('minLength', t('devices.wedge.minLength'))}
        </div>
        <div className="field-row">
          <label className="field">
            <span>{t('devices.wedge.prefix')}</span>
            <input value={draft.prefix} onChange={(e) => setDraft({ ...draft, prefix: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('devices.wedge.suffix')}</span>
            <input value={draft.suffix} onChange={(e) => setDraft({ ...draft, suffix: e.target.value })} />
          </label>
        </div>
        <label className="field">
          <span>{t('devices.wedge.badge')}</span>
          <input className="mono" value={draft.badgePattern} onChange={(e) => setDraft({ ...draft, badgePattern: e.target.value })} />
        </label>
        <button type="submit" className="button">
          {t('devices.wedge.save')}
        </button>
      </form>
    </details>
  );
}
