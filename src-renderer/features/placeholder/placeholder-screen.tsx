import { useShortcutKeys } from '../../components/use-shortcut-keys';
import { useT } from '../../store/station-store';
import { go, type View } from '../home/home-store';
import './placeholder.css';

/** Pack, Returns and Supervisor are later issues; until then the screen says so plainly. */
export function PlaceholderScreen({ view }: { readonly view: Exclude<View, 'home'> }) {
  const t = useT();
  useShortcutKeys((key) => {
    if (key === 'Escape') go('home');
  });
  return (
    <main className={`screen placeholder placeholder--${view}`} data-testid={`placeholder-${view}`}>
      <p className="placeholder-kicker">{t('placeholder.kicker')}</p>
      <h1>{t(`placeholder.${view}`)}</h1>
      <p className="lead">{t('placeholder.body')}</p>
      <button type="button" className="button button--big" onClick={() => go('home')} autoFocus>
        {t('placeholder.back')}
      </button>
    </main>
  );
}
