import { useEffect, useState } from 'react';
import type { Role } from '../../../src-shared/domain/types';
import type { MessageKey } from '../../i18n/en';
import { api, useStation, useT } from '../../store/station-store';
import { go, loadHome, useHome, type View } from './home-store';
import { OrderQueue } from './order-queue';

interface Tile {
  readonly view: Exclude<View, 'home'>;
  readonly title: MessageKey;
  readonly count: MessageKey;
  readonly value: (s: { ordersWaiting: number; returnsWaiting: number; packedToday: number }) => number;
  readonly roles: readonly Role[];
}

const TILES: readonly Tile[] = [
  { view: 'pack', title: 'home.pack', count: 'home.ordersWaiting', value: (s) => s.ordersWaiting, roles: ['packer', 'supervisor'] },
  { view: 'returns', title: 'home.returns', count: 'home.returnsWaiting', value: (s) => s.returnsWaiting, roles: ['returns', 'supervisor'] },
  { view: 'supervisor', title: 'home.supervisor', count: 'home.packedToday', value: (s) => s.packedToday, roles: ['supervisor'] },
];

/** What an operator may start, by role, with live counts and the packing queue. */
export function HomeScreen() {
  const t = useT();
  const session = useStation((s) => s.session);
  const { summary, queue } = useHome();
  const [now, setNow] = useState(() => Date.now());
  const tiles = TILES.filter((tile) => session && tile.roles.includes(session.operator.role));

  useEffect(() => {
    void loadHome();
    const off = api().on['orders:changed'](() => void loadHome());
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => {
      off();
      clearInterval(tick);
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const index = Number(event.key) - 1;
      const tile = tiles[index];
      if (tile) go(tile.view);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tiles]);

  return (
    <main className="screen home" data-testid="home-screen">
      <header className="screen-head">
        <h1>{t('home.greeting', { name: session?.operator.name ?? '' })}</h1>
        <p className="key-hint">{t('home.keyHint')}</p>
      </header>
      <div className="tiles">
        {tiles.map((tile, i) => (
          <button key={tile.view} type="button" className={`tile tile--${tile.view}`} data-testid={`tile-${tile.view}`} onClick={() => go(tile.view)}>
            <span className="tile-key">{i + 1}</span>
            <span className="tile-title">{t(tile.title)}</span>
            <span className="tile-count">{summary ? t(tile.count, { count: tile.value(summary) }) : '…'}</span>
          </button>
        ))}
      </div>
      <section className="queue-section">
        <h2>{t('home.queueTitle')}</h2>
        <OrderQueue orders={queue} now={now} />
      </section>
    </main>
  );
}
