import { useEffect, useRef, useState } from 'react';
import { useShortcutKeys } from '../../components/use-shortcut-keys';
import { isOverdue } from '../../i18n/format';
import { errorText, useT } from '../../store/station-store';
import { go } from '../home/home-store';
import { OrderQueue } from '../home/order-queue';
import { loadQueue, openCommandSheet, openOrder, reprint, submitCode, usePack, type QueueFilter } from './pack-store';

const FILTERS: readonly QueueFilter[] = ['all', 'urgent', 'overdue'];

/** The orders waiting at this bench: scan one to start, or search and pick. */
export function PackQueue() {
  const t = useT();
  const { queue, search, filter, pending, error } = usePack();
  const [code, setCode] = useState('');
  const [now] = useState(() => new Date());
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => void loadQueue(), search ? 200 : 0);
    return () => window.clearTimeout(timer);
  }, [search]);
  useShortcutKeys((key) => {
    if (key === 'Escape') go('home');
  });
  const shown = queue.filter((o) => (filter === 'urgent' ? o.priority >= 2 : filter === 'overdue' ? isOverdue(o.shipBy, now) : true));
  return (
    <main className="screen pack-queue" data-testid="pack-queue">
      <header className="screen-head pack-queue__head">
        <h1>{t('pack.queue.title')}</h1>
        <button type="button" className="button button--secondary" onClick={() => void openCommandSheet()}>
          {t('pack.commandSheet')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => go('home')}>
          <kbd>Esc</kbd> {t('pack.back')}
        </button>
      </header>
      <form
        className="pack-entry pack-entry--queue"
        onSubmit={(e) => {
          e.preventDefault();
          const value = code;
          setCode('');
          void submitCode(value);
        }}
      >
        <label htmlFor="pack-open-code">{t('pack.queue.scanHint')}</label>
        <input id="pack-open-code" ref={input} type="text" autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} autoFocus data-testid="pack-code" />
        <button type="submit" className="button">
          {t('pack.code.submit')}
        </button>
      </form>
      {error && (
        <p className="pack-queue__error" role="alert" data-testid="pack-error">
          {errorText(error)}
        </p>
      )}
      {pending.length > 0 && (
        <section className="pack-pending" data-testid="label-pending">
          <h2>{t('pack.queue.labelPending')}</h2>
          <ul>
            {pending.map((p) => (
              <li key={p.packageId}>
                <span className="mono">{p.orderNumber}</span> · #{p.index}
                <button type="button" className="button" onClick={() => void reprint(p.packageId)}>
                  {t('pack.queue.reprint')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="pack-queue__tools">
        <input type="search" placeholder={t('pack.queue.search')} aria-label={t('pack.queue.search')} value={search} onChange={(e) => usePack.setState({ search: e.target.value })} />
        <div className="segmented" role="group">
          {FILTERS.map((f) => (
            <button key={f} type="button" className={`button${filter === f ? ' is-on' : ''}`} aria-pressed={filter === f} onClick={() => usePack.setState({ filter: f })}>
              {t(`pack.queue.filter.${f}`)}
            </button>
          ))}
        </div>
      </div>
      <OrderQueue
        orders={shown}
        now={now}
        testId="pack-queue-table"
        empty="pack.queue.empty"
        action={(o) => (
          <button type="button" className="button" onClick={() => void openOrder(o.id)} data-testid="pack-open">
            {t('pack.queue.open')}
          </button>
        )}
      />
    </main>
  );
}
