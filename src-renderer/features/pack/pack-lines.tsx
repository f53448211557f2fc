import { useEffect, useRef } from 'react';
import type { PackLine, PackView } from '../../../src-shared/domain/pack';
import { useStation, useT } from '../../store/station-store';
import { formatKg } from './format-weight';
import { manualConfirm } from './pack-store';

function LineRow({ line, flash, seq, canManual }: { readonly line: PackLine; readonly flash: boolean; readonly seq: number; readonly canManual: boolean }) {
  const t = useT();
  const locale = useStation((s) => s.info?.locale ?? 'en');
  const done = line.packed >= line.quantity;
  const row = useRef<HTMLLIElement>(null);
  // On a short screen the line just scanned may sit below the fold: bring it into sight, unless it
  // is now complete (it sinks to the bottom, and what is left to pack matters more).
  useEffect(() => {
    if (flash && !done) row.current?.scrollIntoView({ block: 'nearest' });
  }, [flash, done, seq]);
  return (
    <li ref={row} className={`pack-line${done ? ' pack-line--done' : ''}${flash ? ' pack-line--flash' : ''}`} data-testid="pack-line" data-sku={line.sku} data-packed={line.packed}>
      <div className="pack-line__image" aria-hidden="true">
        {line.imageUrl ? <img src={line.imageUrl} alt="" /> : <span>{line.sku.slice(0, 3)}</span>}
      </div>
      <div className="pack-line__text">
        <p className="pack-line__title">{line.title}</p>
        {line.variant && <p className="pack-line__variant">{line.variant}</p>}
        <p className="pack-line__meta">
          <span className="mono">{line.sku}</span>
          {line.bin && (
            <span>
              {t('pack.col.bin')} <strong className="mono">{line.bin}</strong>
            </span>
          )}
          {line.requiresSerial && <span className="tag">{t('pack.needsSerial')}</span>}
          {line.requiresLot && <span className="tag">{t('pack.needsLot')}</span>}
          {line.unitWeightMg !== null && (
            <span className="weight">
              {formatKg(locale, line.unitWeightMg)}
              {line.weightIsEstimate && ` (${t('pack.estimate')})`}
            </span>
          )}
        </p>
      </div>
      <div className="pack-line__count" aria-label={t('pack.col.count')}>
        <span className="packed">{line.packed}</span>
        <span className="of">/ {line.quantity}</span>
      </div>
      {canManual && !done && (
        <button type="button" className="button pack-line__manual" onClick={() => void manualConfirm(line.id)}>
          {t('pack.manual')}
        </button>
      )}
    </li>
  );
}

/** Unfinished lines first, in order; finished ones sink to the bottom, greyed. */
export function PackLines({ view, canManual }: { readonly view: PackView; readonly canManual: boolean }) {
  const lines = [...view.lines].sort((a, b) => Number(a.packed >= a.quantity) - Number(b.packed >= b.quantity));
  const flashId = view.lastScan?.lineId ?? null;
  const seq = view.lastScan?.seq ?? 0;
  return (
    <ul className="pack-lines" data-testid="pack-lines">
      {lines.map((line) => (
        <LineRow key={line.id} line={line} flash={line.id === flashId} seq={seq} canManual={canManual} />
      ))}
    </ul>
  );
}
