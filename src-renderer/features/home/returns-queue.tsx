import type { ReturnSummary } from '../../../src-shared/domain/types';
import { useStation, useT } from '../../store/station-store';

function createdText(locale: string, iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '—' : new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(at);
}

/** The returns waiting at the desk, oldest first as the station sends them. */
export function ReturnsQueue({ returns }: { readonly returns: readonly ReturnSummary[] }) {
  const t = useT();
  const locale = useStation((s) => s.info?.locale ?? 'en');
  if (returns.length === 0) return <p className="empty">{t('home.returnsEmpty')}</p>;
  return (
    <table className="queue" data-testid="returns-queue">
      <thead>
        <tr>
          <th>{t('home.col.rma')}</th>
          <th>{t('home.col.order')}</th>
          <th>{t('home.col.customer')}</th>
          <th className="num">{t('home.col.units')}</th>
          <th>{t('home.col.status')}</th>
          <th>{t('home.col.created')}</th>
        </tr>
      </thead>
      <tbody>
        {returns.map((r) => (
          <tr key={r.id} data-testid="returns-row">
            <td className="mono">{r.rmaNumber}</td>
            <td className="mono">{r.orderNumber}</td>
            <td>{r.customerName}</td>
            <td className="num">{r.itemCount}</td>
            <td>
              <span className={`return-status return-status--${r.status}`}>{t(`returnStatus.${r.status}`)}</span>
            </td>
            <td className="ship-by">{createdText(locale, r.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
