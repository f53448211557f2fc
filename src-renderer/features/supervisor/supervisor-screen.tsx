import { useState } from 'react';
import { useShortcutKeys } from '../../components/use-shortcut-keys';
import { useT } from '../../store/station-store';
import { go } from '../home/home-store';
import { SUPERVISOR_TABS } from './supervisor-tabs';
import './supervisor.css';

/** The supervisor's screen: one tab per area (supervisor-tabs.ts). Esc goes home. */
export function SupervisorScreen() {
  const t = useT();
  const [active, setActive] = useState(SUPERVISOR_TABS[0]?.id ?? '');
  useShortcutKeys((key) => {
    if (key === 'Escape') go('home');
  });
  const tab = SUPERVISOR_TABS.find((x) => x.id === active) ?? SUPERVISOR_TABS[0];
  return (
    <main className="screen supervisor" data-testid="supervisor-screen">
      <header className="supervisor-head">
        <h1>{t('supervisor.title')}</h1>
        <nav className="supervisor-tabs" role="tablist" aria-label={t('supervisor.tabs')}>
          {SUPERVISOR_TABS.map((x) => (
            <button
              key={x.id}
              type="button"
              role="tab"
              aria-selected={x.id === tab?.id}
              className={`supervisor-tab${x.id === tab?.id ? ' supervisor-tab--on' : ''}`}
              data-testid={`supervisor-tab-${x.id}`}
              onClick={() => setActive(x.id)}
            >
              {t(x.label)}
            </button>
          ))}
        </nav>
        <button type="button" className="button" onClick={() => go('home')}>
          {t('supervisor.back')}
        </button>
      </header>
      <section role="tabpanel" className="supervisor-panel" data-testid={`supervisor-panel-${tab?.id ?? 'none'}`}>
        {tab && <tab.Component />}
      </section>
    </main>
  );
}
