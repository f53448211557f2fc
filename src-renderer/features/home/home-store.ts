import { create } from 'zustand';
import type { HomeSummary, OrderSummary, ReturnSummary } from '../../../src-shared/domain/types';
import { api, useStation } from '../../store/station-store';

export type View = 'home' | 'pack' | 'returns' | 'supervisor';

interface HomeState {
  readonly view: View;
  readonly summary: HomeSummary | null;
  readonly queue: readonly OrderSummary[];
  readonly returns: readonly ReturnSummary[];
}

export const useHome = create<HomeState>(() => ({ view: 'home', summary: null, queue: [], returns: [] }));

export function go(view: View): void {
  useHome.setState({ view });
}

// Whoever logs in next (after a logout, an idle lock or a badge scan mid-screen) starts at home,
// never on the screen the previous operator left open.
useStation.subscribe((state, previous) => {
  if (state.session?.operator.id !== previous.session?.operator.id) useHome.setState({ view: 'home' });
});

/** Counts and the queue previews; refreshed on arrival and whenever the station says orders changed. */
export async function loadHome(): Promise<void> {
  const client = api();
  const [summary, queue, returns] = await Promise.all([
    client.call['home:summary']({}),
    client.call['orders:queue']({ limit: 12 }),
    client.call['returns:queue']({ limit: 8 }),
  ]);
  useHome.setState({
    summary: summary.ok ? summary.value : null,
    queue: queue.ok ? queue.value : [],
    returns: returns.ok ? returns.value : [],
  });
}
