import type { OrderSummary } from '../../../src-shared/domain/types';
import { useStation, useT } from '../../store/station-store';

function shipByText(locale: string, iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** The next orders to pack, most urgent first, overdue ones marked. */
export function OrderQueue({ orders, now }: { readonly orders: readonly OrderSummary[]; readonly now: number }) {
  const t = useT();
  const locale = useStation((s) => s.info?.locale ?? 'en');
  if (orders.length === 0) return <p className="empty">{t('home.queueEmpty')}</p>;
  return (
    <table className="queue" data-testid="order-queue">
      <thead>
        <tr>
          <th>{t('home.col.order')}</th>
          <th>{t('home.col.customer')}</th>
          <th>{t('home.col.destination')}</th>
          <th>{t('home.col.items')}</th>
          <th>{t('home.col.priority')}</th>
          <th>{t('home.col.shipBy')}</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => {
          const overdue = o.shipBy !== null && Date.parse(o.shipBy) < now;
          return (
            <tr key={o.id} className={overdue ? 'overdue' : undefined} data-testid="queue-row">
              <td className="mono">{o.number}</td>
              <td>{o.customerName}</td>
              <td>
                {o.city} <span className="country">{o.country}</span>
              </td>
              <td>{t('home.items', { lines: o.lineCount, units: o.unitCount })}</td>
              <td>
                <span className={`priority priority--${Math.min(o.priority, 3)}`}>{t(`priority.${Math.min(Math.max(o.priority, 0), 3) as 0 | 1 | 2 | 3}`)}</span>
              </td>
              <td>{overdue ? <span className="overdue-tag">{t('home.overdue')}</span> : shipByText(locale, o.shipBy)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
