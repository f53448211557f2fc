import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../src-shared/errors/codes';
import { ErrorBanner } from '../../components/error-banner';
import { LanguageSwitch } from '../../components/language-switch';
import { api, useStation, useT } from '../../store/station-store';
import './setup.css';

/** First run of a real (non-demo) station: create the first supervisor. */
export function SetupScreen() {
  const t = useT();
  const locale = useStation((s) => s.info?.locale ?? 'en');
  const [stationName, setStationName] = useState('');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    // Our own checks instead of the browser's bubbles, which speak the browser's language, not the station's.
    if (!stationName.trim() || !name.trim()) return setProblem(t('setup.fillAll'));
    if (!/^\d{4,8}$/.test(pin)) return setProblem(t('setup.pinRule'));
    if (pin !== again) return setProblem(t('setup.pinMismatch'));
    setProblem(null);
    const result = await api().call['station:setup']({ stationName, supervisorName: name, pin, locale });
    if (!result.ok) return setError(result.error);
    // The station also sends session:changed; setting it here keeps the screen from blinking back to login.
    useStation.setState({ session: result.value });
  };

  return (
    <main className="screen setup" data-testid="setup-screen">
      <header className="screen-head">
        <div>
          <h1>{t('setup.title')}</h1>
          <p className="lead">{t('setup.intro')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <ErrorBanner error={error} />
      <form className="setup-form" noValidate onSubmit={(e) => void submit(e)}>
        <label>
          {t('setup.stationName')}
          <input maxLength={80} value={stationName} onChange={(e) => setStationName(e.target.value)} autoFocus />
        </label>
        <label>
          {t('setup.supervisorName')}
          <input maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('setup.pin')}
          <input inputMode="numeric" type="password" maxLength={8} value={pin} onChange={(e) => setPin(e.target.value)} />
        </label>
        <label>
          {t('setup.pinRepeat')}
          <input inputMode="numeric" type="password" maxLength={8} value={again} onChange={(e) => setAgain(e.target.value)} />
        </label>
        {problem && (
          <p className="form-problem wide" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--go button--big wide">
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
