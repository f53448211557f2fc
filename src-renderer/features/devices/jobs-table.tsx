import type { ErrorCode } from '../../../src-shared/errors/codes';
import type { MessageKey } from '../../i18n/en';
import { errorText, locale, useT } from '../../store/station-store';
import { retryJob, useDevices } from './devices-store';

/** The last print jobs; a failed one says why in the person's language and offers Retry. */
export function JobsTable() {
  const t = useT();
  const jobs = useDevices((s) => s.jobs);
  const busy = useDevices((s) => s.busy);
  return (
    <section className="devices-card" data-testid="print-jobs">
      <h2>{t('devices.jobs.title')}</h2>
      {jobs.length === 0 ? (
        <p className="empty">{t('devices.jobs.none')}</p>
      ) : (
        <table className="jobs-table">
          <thead>
            <tr>
              <th>{t('devices.jobs.when')}</th>
              <th>{t('devices.jobs.what')}</th>
              <th>{t('devices.jobs.status')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id} data-testid="print-job" data-status={job.status} className={`job job--${job.status}`}>
                <td className="mono">{new Date(job.createdAt).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' })}</td>
                <td>
                  {t(`devices.jobs.kind.${job.kind}` as MessageKey)}
                  <div className="job-printer mono" title={job.printer}>
                    {job.printer}
                  </div>
                </td>
                <td>
                  <strong>{t(`devices.jobs.status.${job.status}`)}</strong>
                  {job.errorCode && <div className="job-reason">{errorText({ code: job.errorCode as ErrorCode, message: '' })}</div>}
                  {job.status === 'failed' && (
                    <button type="button" className="button job-retry" data-testid="retry-job" disabled={busy === `retry-${job.id}`} onClick={() => void retryJob(job.id)}>
                      {t('devices.jobs.retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
