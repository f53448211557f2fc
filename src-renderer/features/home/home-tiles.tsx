import type { HomeSummary, Role } from '../../../src-shared/domain/types';
import type { MessageKey } from '../../i18n/en';
import { formatNumber } from '../../i18n/format';
import { useStation, useT } from '../../store/station-store';
import type { View } from './home-store';

export interface Tile {
  readonly view: Exclude<View, 'home'>;
  readonly title: MessageKey;
  readonly count: MessageKey;
  readonly value: (s: HomeSummary) => number;
  readonly roles: readonly Role[];
}

const TILES: readonly Tile[] = [
  { view: 'pack', title: 'home.pack', count: 'home.ordersWaiting', value: (s) => s.ordersWaiting, roles: ['packer', 'supervisor'] },
  { view: 'returns', title: 'home.returns', count: 'home.returnsWaiting', value: (s) => s.returnsWaiting, roles: ['returns', 'supervisor'] },
  { view: 'supervisor', title: 'home.supervisor', count: 'home.packedToday', value: (s) => s.packedToday, roles: ['supervisor'] },
];

/** The work an operator may start: a supervisor sees every tile, packers and returns staff their own. */
export function tilesFor(role: Role | undefined): readonly Tile[] {
  return role ? TILES.filter((tile) => tile.roles.includes(role)) : [];
}

/** A number big enough to read from the bench, with its label in the right plural. */
function Figure({ value, label, testId }: { readonly value: number | null; readonly label: MessageKey; readonly testId: string }) {
  const t = useT();
  const locale = useStation((s) => s.info?.locale ?? 'en');
  return (
    <span className="figure">
      <span className="figure-number" data-testid={testId}>
        {value === null ? '…' : formatNumber(locale, value)}
      </span>
      <span className="figure-label">{t(label, { count: value ?? 0 })}</span>
    </span>
  );
}

export function HomeTiles({ tiles, summary, onOpen }: { readonly tiles: readonly Tile[]; readonly summary: HomeSummary | null; readonly onOpen: (view: Tile['view']) => void }) {
  const t = useT();
  // Packed today sits on the supervisor tile; everyone else still sees how the day is going.
  const showPacked = !tiles.some((tile) => tile.view === 'supervisor');
  return (
    <div className="tiles">
      {tiles.map((tile, i) => (
        <button key={tile.view} type="button" className={`tile tile--${tile.view}`} data-testid={`tile-${tile.view}`} onClick={() => onOpen(tile.view)}>
          <span className="tile-head">
            <span className="tile-title">{t(tile.title)}</span>
            <kbd className="tile-key">{i + 1}</kbd>
          </span>
          <Figure value={summary ? tile.value(summary) : null} label={tile.count} testId={`count-${tile.view}`} />
        </button>
      ))}
      {showPacked && (
        <div className="stat-card" data-testid="stat-packed">
          <span className="stat-title">{t('home.today')}</span>
          <Figure value={summary?.packedToday ?? null} label="home.packed" testId="count-packed" />
        </div>
      )}
    </div>
  );
}
