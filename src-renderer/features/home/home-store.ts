import { create } from 'zustand';
import type { HomeSummary, OrderSummary } from '../../../src-shared/domain/types';
import { api } from '../../store/station-store';

export type View = 'home' | 'pack' | 'returns' | 'supervisor';

interface HomeState {
  readonly view: View;
  readonly summary: HomeSummary | null;
  readonly queue: readonly OrderSummary[];
}

export const useHome = create<HomeState>(() => ({ view: 'home', summary: null, queue: [] }));

export function go(view: View): void {
  useHome.setState({ view });
}

/** Counts and the queue preview; refreshed on arrival and whenever the station says orders changed. */
export async function loadHome(): Promise<void> {
  const client = api();
  const [summary, queue] = await Promise.all([client.call['home:summary']({}), client.call['orders:queue']({ limit: 12 })]);
  useHome.setState({ summary: summary.ok ? summary.value : null, queue: queue.ok ? queue.value : [] });
}
