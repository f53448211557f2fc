import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DEMO_CUSTOMER_CHANGES, type DemoCustomerChange } from '../../../src-shared/api/contract-sync';
import type { AppErrorShape } from '../../../src-shared/errors/codes';
import { ErrorBanner } from '../../components/error-banner';
import { api, useT } from '../../store/station-store';
import { takeScans, useScans } from '../scan/scan-store';

/**
 * Supervisor → Store, demo store only: a trainer makes the customer cancel an order, or puts it on
 * hold, so a trainee practises being stopped mid-pack (issue #4 step 10). The station pulls at once,
 * so the bench reacts within a second, exactly as it would to a real store.
 */
export function TrainingCard() {
  const t = useT();
  const [orderNumber, setOrderNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ orderNumber: string; change: DemoCustomerChange } | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const field = useRef<HTMLInputElement>(null);

  // A scanned order number fills the field (and is not taken for a badge while the card is shown).
  useEffect(() => {
    const release = takeScans();
    const off = useScans.subscribe((state, previous) => {
      if (state.last && state.last !== previous.last) setOrderNumber(state.last.raw.slice(0, 64));
    });
    return () => {
      off();
      release();
    };
  }, []);

  const simulate = async (change: DemoCustomerChange): Promise<void> => {
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      const result = await api().call['store:simulate']({ orderNumber: orderNumber.trim(), change });
      if (result.ok) {
        setDone(result.value);
        setOrderNumber('');
      } else setError(result.error);
    } finally {
      setBusy(false);
      field.current?.focus();
    }
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (orderNumber.trim()) void simulate('cancelled');
  };

  return (
    <form className="sync-card store-training" data-testid="store-training" onSubmit={submit} autoComplete="off">
      <h2>{t('sync.training.title')}</h2>
      <p className="store-training-hint">{t('sync.training.hint')}</p>
      <ErrorBanner error={error} />
      {done && (
        <p className="sync-notice" role="status" data-testid="training-done">
          {t(`sync.training.done.${done.change}`, { order: done.orderNumber })}
        </p>
      )}
      <div className="store-training-row">
        <label className="store-field">
          {t('sync.training.order')}
          <input ref={field} value={orderNumber} onChange={(e) => setOrderNumber(e.target.value)} placeholder="#1002" maxLength={64} spellCheck={false} data-testid="training-order" />
        </label>
        {DEMO_CUSTOMER_CHANGES.map((change) => (
          <button
            key={change}
            type={change === 'cancelled' ? 'submit' : 'button'}
            className={`button button--big${change === 'cancelled' ? ' button--danger' : ' button--secondary'}`}
            disabled={busy || !orderNumber.trim()}
            onClick={change === 'cancelled' ? undefined : () => void simulate(change)}
            data-testid={`training-${change}`}
          >
            {t(`sync.training.${change}`)}
          </button>
        ))}
      </div>
    </form>
  );
}
