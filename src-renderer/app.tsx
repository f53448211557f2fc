import { useEffect } from 'react';
import { HomeScreen } from './features/home/home-screen';
import { useHome } from './features/home/home-store';
import { LoginScreen } from './features/login/login-screen';
import { PackScreen } from './features/pack/pack-screen';
import { PlaceholderScreen } from './features/placeholder/placeholder-screen';
import { SetupScreen } from './features/setup/setup-screen';
import { SupervisorScreen } from './features/supervisor/supervisor-screen';
import { StatusBar } from './features/status-bar/status-bar';
import { BadgeErrorNotice } from './features/login/badge-error-notice';
import { useBadgeLogin } from './features/login/badge-scans';
import { useIdleLock } from './idle-lock';
import { useStation } from './store/station-store';

function Screen() {
  const info = useStation((s) => s.info);
  const session = useStation((s) => s.session);
  const view = useHome((s) => s.view);
  if (!info) return <main className="screen loading" aria-busy="true" />;
  if (info.setupRequired) return <SetupScreen />;
  if (!session) return <LoginScreen />;
  return (
    <>
      <BadgeErrorNotice />
      {view === 'home' ? <HomeScreen /> : view === 'supervisor' ? <SupervisorScreen /> : view === 'pack' ? <PackScreen /> : <PlaceholderScreen view={view} />}
    </>
  );
}

export function App() {
  const locale = useStation((s) => s.info?.locale ?? 'en');
  useIdleLock();
  useBadgeLogin();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <div className="app">
      <Screen />
      <StatusBar />
    </div>
  );
}
