import { useEffect, useState } from 'react';
import { useShortcutKeys } from '../../components/use-shortcut-keys';
import { api, useStation, useT } from '../../store/station-store';
import { go, loadHome, useHome } from './home-store';
import { HomeTiles, tilesFor } from './home-tiles';
import { OpenPackNotice } from './open-pack-notice';
import { OrderQueue } from './order-queue';
import { ReturnsQueue } from './returns-queue';
import './home.css';

/** Keys that open the n-th tile: the digit, or F1… for keyboards where digits are far away. */
function tileIndex(key: string): number {
  const match = /^F?([1-9])$/.exec(key);
  return match ? Number(match[1]) - 1 : -1;
}

/** What an operator may start, by role, with live counts and the packing queue. */
export function HomeScreen() {
  const t = useT();
  const session = useStation((s) => s.session);
  const { summary, queue, returns } = useHome();
  const [now, setNow] = useState(() => new Date());
  const tiles = tilesFor(session?.operator.role);
  const showQueue = tiles.some((tile) => tile.view === 'pack');
  // Returns desk staff see their own queue; a supervisor already has the packing one.
  const showReturns = !showQueue && tiles.some((tile) => tile.view === 'returns');

  useEffect(() => {
    void loadHome();
    const off = api().on['orders:changed'](() => void loadHome());
    // Overdue marks move with the clock even when no order changes.
    const tick = setInterval(() => setNow(new Date()), 30_000);
    return () => {
      off();
      clearInterval(tick);
    };
  }, []);

  useShortcutKeys((key) => {
    const tile = tiles[tileIndex(key)];
    if (tile) go(tile.view);
  });

  return (
    <main className="screen home" data-testid="home-screen">
      <header className="screen-head">
        <h1>{t('home.greeting', { name: session?.operator.name ?? '' })}</h1>
        <p className="key-hint">{t('home.keyHint')}</p>
      </header>
      {showQueue && <OpenPackNotice />}
      <HomeTiles tiles={tiles} summary={summary} onOpen={go} />
      {showQueue && (
        <section className="queue-section" aria-labelledby="queue-title">
          <h2 id="queue-title">{t('home.queueTitle')}</h2>
          <OrderQueue orders={queue} now={now} />
        </section>
      )}
      {showReturns && (
        <section className="queue-section" aria-labelledby="returns-title">
          <h2 id="returns-title">{t('home.returnsTitle')}</h2>
          <ReturnsQueue returns={returns} />
        </section>
      )}
    </main>
  );
}
