import { useEffect, useState } from 'react';
import type { PackView } from '../../../src-shared/domain/pack';
import { api, useT } from '../../store/station-store';
import { go } from './home-store';

const ENDED = new Set(['complete', 'exception', 'released']);

/** A pack left open at this bench (another operator's, or before a restart): one tap to carry on. */
export function OpenPackNotice() {
  const t = useT();
  const [view, setView] = useState<PackView | null>(null);
  useEffect(() => {
    void api()
      .call['pack:current']({})
      .then((r) => r.ok && setView(r.value));
  }, []);
  if (!view || ENDED.has(view.phase)) return null;
  return (
    <p className="open-pack" data-testid="open-pack">
      <strong>{t('pack.home.open', { number: view.orderNumber })}</strong>
      <button type="button" className="button button--go" onClick={() => go('pack')}>
        {t('pack.home.continue')}
      </button>
    </p>
  );
}
