import type { Locale } from '../../src-shared/domain/types';
import { LOCALE_NAMES } from '../i18n/translate';
import { api, useStation, useT } from '../store/station-store';

/** Always visible where a person may not read the current language: login, setup. */
export function LanguageSwitch() {
  const t = useT();
  const current = useStation((s) => s.info?.locale ?? 'en');
  const choose = async (locale: Locale): Promise<void> => {
    const result = await api().call['settings:set-locale']({ locale });
    if (result.ok) useStation.setState({ info: result.value });
  };
  return (
    <div className="language-switch" role="group" aria-label={t('lang.label')}>
      {(Object.keys(LOCALE_NAMES) as Locale[]).map((locale) => (
        <button key={locale} type="button" lang={locale} className={locale === current ? 'chip chip--on' : 'chip'} aria-pressed={locale === current} onClick={() => void choose(locale)}>
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </div>
  );
}
