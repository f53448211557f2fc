import type { ReactNode } from 'react';
import type { OrderSummary } from '../../../src-shared/domain/types';
import type { MessageKey } from '../../i18n/en';
import { formatShipBy, isOverdue } from '../../i18n/format';
import { useStation, useT } from '../../store/station-store';

function priorityKey(priority: number): MessageKey {
  return `priority.${Math.min(Math.max(priority, 0), 3) as 0 | 1 | 2 | 3}`;
}

interface OrderQueueProps {
  readonly orders: readonly OrderSummary[];
  readonly now: Date;
  /** A last cell per row (the packing queue's Pack button). */
  readonly action?: (order: OrderSummary) => ReactNode;
  readonly testId?: string;
  readonly empty?: MessageKey;
}

/** The next orders to pack, most urgent first, overdue ones marked (home's preview and the packing queue). */
export function OrderQueue({ orders, now, action, testId = 'order-queue', empty = 'home.queueEmpty' }: OrderQueueProps) {
  const t = useT();
  const locale = useStation((s) => s.info?.locale ?? 'en');
  if (orders.length === 0) return <p className="empty">{t(empty)}</p>;
  return (
    <table className="queue" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('home.col.order')}</th>
          <th>{t('home.col.customer')}</th>
          <th>{t('home.col.destination')}</th>
          <th className="num">{t('home.col.items')}</th>
          <th>{t('home.col.priority')}</th>
          <th>{t('home.col.shipBy')}</th>
          {action && <th />}
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => {
          const overdue = isOverdue(o.shipBy, now);
          return (
            <tr key={o.id} className={overdue ? 'overdue' : undefined} data-testid="queue-row">
              <td className="mono">{o.number}</td>
              <td>{o.customerName}</td>
              <td>
                {o.city} <span className="country">{o.country}</span>
              </td>
              <td className="num">{t('home.items', { lines: o.lineCount, units: o.unitCount })}</td>
              <td>
                <span className={`priority priority--${Math.min(Math.max(o.priority, 0), 3)}`}>{t(priorityKey(o.priority))}</span>
              </td>
              <td className="ship-by">
                {overdue && <span className="overdue-tag">{t('home.overdue')}</span>} {formatShipBy(locale, o.shipBy, now) ?? '—'}
              </td>
              {action && <td>{action(o)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
