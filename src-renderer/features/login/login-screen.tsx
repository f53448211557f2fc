import { useCallback, useEffect, useState } from 'react';
import type { LoginOperator } from '../../../src-shared/domain/types';
import type { AppErrorShape } from '../../../src-shared/errors/codes';
import { ErrorBanner } from '../../components/error-banner';
import { LanguageSwitch } from '../../components/language-switch';
import { play } from '../../sound/tones';
import { api, useStation, useT } from '../../store/station-store';
import { useBadgeScans } from './badge-scans';
import { PinPad } from './pin-pad';
import './login.css';

const MAX_PIN = 8;

/** Who is at the bench: operator tiles, a PIN pad, and badge scans from anywhere on the screen. */
export function LoginScreen() {
  const t = useT();
  const demo = useStation((s) => s.info?.demo ?? false);
  const [operators, setOperators] = useState<readonly LoginOperator[]>([]);
  const [selected, setSelected] = useState<LoginOperator | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const badgeError = useBadgeScans((s) => s.error);
  const badgeScans = useBadgeScans((s) => s.scans);

  useEffect(() => {
    void api()
      .call['auth:operators']({})
      .then((r) => r.ok && setOperators(r.value));
  }, []);

  const finish = useCallback(async (attempt: Promise<{ ok: boolean; error?: AppErrorShape }>) => {
    setBusy(true);
    const result = await attempt;
    setBusy(false);
    setPin('');
    if (result.ok) {
      play('ok');
      setError(null);
    } else {
      play('error');
      setError(result.error ?? null);
    }
  }, []);

  const submit = useCallback(() => {
    if (!selected || pin.length < 4) return;
    void finish(api().call['auth:login-pin']({ operatorId: selected.id, pin }));
  }, [selected, pin, finish]);

  // A badge scan types its characters first: drop whatever it put into the PIN (state adjusted
  // during render, as React recommends for values derived from a changed input).
  const [seenScans, setSeenScans] = useState(badgeScans);
  if (seenScans !== badgeScans) {
    setSeenScans(badgeScans);
    setPin('');
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!selected) return;
      if (/^[0-9]$/.test(event.key)) setPin((p) => (p.length < MAX_PIN ? p + event.key : p));
      else if (event.key === 'Backspace') setPin((p) => p.slice(0, -1));
      else if (event.key === 'Enter') submit();
      else if (event.key === 'Escape') {
        setSelected(null);
        setPin('');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected, submit]);

  return (
    <main className="screen login" data-testid="login-screen">
      <header className="screen-head">
        <div>
          <h1>{t('login.title')}</h1>
          <p className="lead">{t('login.subtitle')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <div className="login-body">
        <div className="login-main">
          {demo && <p className="demo-banner">{t('demo.banner')}</p>}
          {/* With an operator chosen, errors show on the PIN panel, where the person is looking. */}
          {!selected && <ErrorBanner error={error ?? badgeError} />}
          <ul className="operator-grid" aria-label={t('status.operator')}>
            {operators.length === 0 && <li className="empty">{t('login.noOperators')}</li>}
            {operators.map((op) => (
              <li key={op.id}>
                <button
                  type="button"
                  className={selected?.id === op.id ? 'operator-tile operator-tile--on' : 'operator-tile'}
                  data-testid="operator-tile"
                  onClick={() => {
                    setSelected(op);
                    setPin('');
                    setError(null);
                  }}
                >
                  <span className="operator-name">{op.name}</span>
                  <span className={`role-tag role-tag--${op.role}`}>{t(`role.${op.role}`)}</span>
                  {op.demoPin && (
                    <span className="demo-pin">
                      <span className="demo-pin-label">{t('login.demoPin')}</span> <span className="demo-pin-digits" data-testid="demo-pin">{op.demoPin}</span>
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </div>
        {selected && (
          <section className="pin-panel" aria-label={t('login.pinFor', { name: selected.name })}>
            <h2>{t('login.pinFor', { name: selected.name })}</h2>
            <ErrorBanner error={error ?? badgeError} />
            <PinPad length={pin.length} busy={busy} onDigit={(d) => setPin((p) => (p.length < MAX_PIN ? p + d : p))} onClear={() => setPin('')} onSubmit={submit} />
          </section>
        )}
      </div>
    </main>
  );
}
