import { useEffect, useState } from 'react';
import type { SyncProblem } from '../../../src-shared/domain/store';
import { isErrorCode } from '../../../src-shared/errors/codes';
import { ErrorBanner } from '../../components/error-banner';
import type { MessageKey } from '../../i18n/en';
import { formatShipBy } from '../../i18n/format';
import { errorText, locale, useStation, useT } from '../../store/station-store';
import { discardRow, loadProblems, retryRow, syncNow, useSync } from './sync-store';
import './sync.css';

const KINDS: Readonly<Record<string, MessageKey>> = {
  'order.claim': 'sync.kind.order.claim',
  'order.release': 'sync.kind.order.release',
  'order.hold': 'sync.kind.order.hold',
  'order.fulfil': 'sync.kind.order.fulfil',
  'return.receive': 'sync.kind.return.receive',
  'return.dispose': 'sync.kind.return.dispose',
};

/** Supervisor → Sync: is the store getting our work, and what needs a person. */
export function SyncTab() {
  const t = useT();
  const sync = useStation((s) => s.sync);
  const { problems, lastRun, busy, error, notice } = useSync();
  useEffect(() => {
    void loadProblems();
  }, [sync?.pending, sync?.attention]);
  const now = new Date();
  const when = (iso: string | null) => (iso ? (formatShipBy(locale(), iso, now) ?? '—') : t('sync.never'));
  const state = sync?.state ?? 'idle';
  return (
    <div className="sync-tab" data-testid="sync-tab">
      <ErrorBanner error={error} />
      {notice && (
        <p className="sync-notice" role="status">
          {t(notice)}
        </p>
      )}
      <section className={`sync-card sync-state sync-state--${state}`} data-testid="sync-state">
        <div className="sync-state-main">
          <p className="sync-platform">{t(`sync.platform.${sync?.platform ?? 'none'}`)}</p>
          <p className="sync-state-word">{t(`sync.state.${state}`)}</p>
          {sync?.progress && (
            <p className="sync-progress" data-testid="sync-progress">
              {t(`sync.progress.${sync.progress.resource}`, { count: sync.progress.read })}
            </p>
          )}
          {sync?.lastError && isErrorCode(sync.lastError) && <p className="sync-last-error">{errorText({ code: sync.lastError, message: '' })}</p>}
        </div>
        <dl className="sync-figures">
          <div>
            <dt>{t('sync.pending')}</dt>
            <dd data-testid="sync-pending">{sync?.pending ?? 0}</dd>
          </div>
          <div className={sync?.attention ? 'sync-figure--bad' : ''}>
            <dt>{t('sync.attention')}</dt>
            <dd data-testid="sync-attention">{sync?.attention ?? 0}</dd>
          </div>
          <div>
            <dt>{t('sync.lastSuccess')}</dt>
            <dd className="sync-when">{when(sync?.lastSuccessAt ?? null)}</dd>
          </div>
        </dl>
        <div className="sync-actions">
          <button type="button" className="button button--big" disabled={busy} onClick={() => void syncNow()} data-testid="sync-now">
            {busy ? t('sync.running') : t('sync.now')}
          </button>
          {lastRun && <p className="sync-run">{t('sync.lastRun', { pulled: lastRun.pulled, delivered: lastRun.delivered })}</p>}
        </div>
      </section>
      <section className="sync-card">
        <h2>{t('sync.problems.title')}</h2>
        {problems.length === 0 ? (
          <p className="sync-empty" data-testid="sync-no-problems">
            {t('sync.problems.none')}
          </p>
        ) : (
          <table className="sync-problems" data-testid="sync-problems">
            <thead>
              <tr>
                <th>{t('sync.col.what')}</th>
                <th>{t('sync.col.reason')}</th>
                <th>{t('sync.col.attempts')}</th>
                <th>{t('sync.col.next')}</th>
                <th />
              </tr>
            </thead>
            <tbody>{problems.map((p) => <ProblemRow key={p.id} problem={p} busy={busy} when={when} />)}</tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function ProblemRow({ problem: p, busy, when }: { readonly problem: SyncProblem; readonly busy: boolean; readonly when: (iso: string | null) => string }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const kind = KINDS[p.kind];
  const rejected = p.status === 'rejected';
  return (
    <tr className={rejected ? 'sync-row--rejected' : ''} data-testid={`sync-problem-${p.id}`}>
      <td>
        <strong>{p.subject}</strong>
        <div className="sync-kind">{kind ? t(kind) : p.kind}</div>
      </td>
      <td>
        {rejected && <span className="sync-tag">{t('sync.needsPerson')}</span>}
        <div>{p.code && isErrorCode(p.code) ? errorText({ code: p.code, message: '' }) : (p.message ?? '—')}</div>
        {/* The store's reply is in the store's language (often English): labelled so it does not read as ours. */}
        {p.message && <div className="sync-detail">{t('sync.storeSaid', { message: p.message })}</div>}
      </td>
      <td>{p.attempts}</td>
      <td>{rejected ? '—' : when(p.nextAttemptAt)}</td>
      <td className="sync-row-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void retryRow(p.id)} data-testid={`sync-retry-${p.id}`}>
          {t('sync.retry')}
        </button>
        {rejected &&
          (confirming ? (
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void discardRow(p.id)} data-testid={`sync-discard-confirm-${p.id}`}>
              {t('sync.discardConfirm')}
            </button>
          ) : (
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)} data-testid={`sync-discard-${p.id}`}>
              {t('sync.discard')}
            </button>
          ))}
      </td>
    </tr>
  );
}
