import { useEffect } from 'react';
import { go, type View } from '../home/home-store';
import { useT } from '../../store/station-store';

/** Pack, Returns and Supervisor are later issues; until then the screen says so plainly. */
export function PlaceholderScreen({ view }: { readonly view: Exclude<View, 'home'> }) {
  const t = useT();
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') go('home');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <main className="screen placeholder" data-testid={`placeholder-${view}`}>
      <h1>{t(`placeholder.${view}`)}</h1>
      <p className="lead">{t('placeholder.body')}</p>
      <button type="button" className="button" onClick={() => go('home')} autoFocus>
        {t('placeholder.back')}
      </button>
    </main>
  );
}
