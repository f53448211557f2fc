import { useEffect, useState } from 'react';
import type { PackException } from '../../../src-shared/domain/pack';
import { ErrorBanner } from '../../components/error-banner';
import type { MessageKey } from '../../i18n/en';
import { formatNumber, formatShipBy } from '../../i18n/format';
import { locale, useT } from '../../store/station-store';
import { loadExceptions, resolve, summarise, useExceptions } from './exceptions-store';
import './exceptions.css';

const REASONS: Readonly<Record<string, MessageKey>> = {
  missing: 'pack.exception.reason.missing',
  damaged: 'pack.exception.reason.damaged',
  'wrong-stock': 'pack.exception.reason.wrong-stock',
  other: 'pack.exception.reason.other',
};

/** Supervisor → Exceptions: orders the bench could not finish, and the last day's packing at a glance. */
export function ExceptionsTab() {
  const t = useT();
  const { exceptions, metrics, error, notice } = useExceptions();
  useEffect(() => {
    void loadExceptions();
  }, []);
  const summary = summarise(metrics);
  const figure = (value: number | null) => (value === null ? '—' : formatNumber(locale(), value));
  return (
    <div className="exceptions-tab" data-testid="exceptions-tab">
      <ErrorBanner error={error} />
      {notice && (
        <p className="exceptions-notice" role="status" data-testid="exceptions-notice">
          {t(notice)}
        </p>
      )}
      <section className="exceptions-card">
        <h2>{t('exceptions.today')}</h2>
        <dl className="exceptions-figures" data-testid="pack-metrics">
          {(
            [
              ['exceptions.metric.packed', summary.packed],
              ['exceptions.metric.perOrder', summary.secondsPerOrder],
              ['exceptions.metric.perItem', summary.secondsPerItem],
              ['exceptions.metric.misScans', summary.misScans],
              ['exceptions.metric.overrides', summary.overrides],
            ] as const
          ).map(([key, value]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd>{figure(value)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="exceptions-card">
        <h2>{t('exceptions.title')}</h2>
        {exceptions.length === 0 ? (
          <p className="exceptions-empty" data-testid="exceptions-none">
            {t('exceptions.none')}
          </p>
        ) : (
          <table className="exceptions-table" data-testid="exceptions-table">
            <thead>
              <tr>
                <th>{t('exceptions.col.order')}</th>
                <th>{t('exceptions.col.reason')}</th>
                <th>{t('exceptions.col.by')}</th>
                <th>{t('exceptions.col.when')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {exceptions.map((e) => (
                <ExceptionRow key={e.id} exception={e} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function ExceptionRow({ exception: e }: { readonly exception: PackException }) {
  const t = useT();
  const busy = useExceptions((s) => s.busy);
  const operator = useExceptions((s) => s.operators.get(e.operatorId) ?? '—');
  const [confirming, setConfirming] = useState(false);
  const reason = REASONS[e.reason];
  return (
    <tr data-testid={`exception-${e.orderNumber}`}>
      <td className="exceptions-order">{e.orderNumber}</td>
      <td>
        <strong>{reason ? t(reason) : e.reason}</strong>
        {e.note && <div className="exceptions-note">{e.note}</div>}
      </td>
      <td>{operator}</td>
      <td>{formatShipBy(locale(), e.at, new Date()) ?? '—'}</td>
      <td>
        <div className="exceptions-actions">
        <button type="button" className="button button--go" disabled={busy} onClick={() => void resolve(e.id, 'requeue')} data-testid={`exception-requeue-${e.orderNumber}`}>
          {t('exceptions.requeue')}
        </button>
        {confirming ? (
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void resolve(e.id, 'close')}>
            {t('exceptions.closeConfirm')}
          </button>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
            {t('exceptions.close')}
          </button>
        )}
        </div>
      </td>
    </tr>
  );
}
