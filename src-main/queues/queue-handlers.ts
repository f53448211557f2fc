import type { Handlers } from '../api/handlers';
import type { Database } from '../db/database';
import { countPackedSince, countWaitingOrders, listOrderQueue } from '../db/repos/orders';
import { countWaitingReturns, listReturnQueue } from '../db/repos/returns';

/** Local midnight as an ISO instant: "packed today" means the station's own day. */
export function startOfLocalDay(now: Date): string {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.toISOString();
}

export function queueHandlers(deps: { readonly db: Database; readonly now: () => Date }): Pick<Handlers, 'home:summary' | 'orders:queue' | 'returns:queue'> {
  const { db, now } = deps;
  return {
    'home:summary': async () => {
      const [ordersWaiting, returnsWaiting, packedToday] = await Promise.all([countWaitingOrders(db), countWaitingReturns(db), countPackedSince(db, startOfLocalDay(now()))]);
      return { ordersWaiting, returnsWaiting, packedToday };
    },
    'orders:queue': (input) => listOrderQueue(db, input),
    'returns:queue': (input) => listReturnQueue(db, input),
  };
}
