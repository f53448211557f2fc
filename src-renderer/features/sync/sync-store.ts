import { create } from 'zustand';
import type { ConnectionInfo, StoreView, SyncProblem, SyncRun } from '../../../src-shared/domain/store';
import type { AppErrorShape } from '../../../src-shared/errors/codes';
import type { MessageKey } from '../../i18n/en';
import { api } from '../../store/station-store';

/** The Sync and Store tabs' state; the status itself lives in the station store (the `sync:status` event). */
interface SyncState {
  readonly problems: readonly SyncProblem[];
  readonly view: StoreView | null;
  readonly lastRun: SyncRun | null;
  readonly connection: ConnectionInfo | null;
  readonly busy: boolean;
  readonly error: AppErrorShape | null;
  readonly notice: MessageKey | null;
}

export const useSync = create<SyncState>(() => ({ problems: [], view: null, lastRun: null, connection: null, busy: false, error: null, notice: null }));

async function step<T>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: AppErrorShape }>, notice: MessageKey | null = null): Promise<T | null> {
  useSync.setState({ busy: true, error: null, notice: null });
  try {
    const result = await work();
    if (!result.ok) {
      useSync.setState({ error: result.error });
      return null;
    }
    useSync.setState({ notice });
    return result.value;
  } finally {
    useSync.setState({ busy: false });
  }
}

export async function loadProblems(): Promise<void> {
  const result = await api().call['sync:problems']({});
  if (result.ok) useSync.setState({ problems: result.value });
}

export async function loadStoreView(): Promise<void> {
  const result = await api().call['store:view']({});
  if (result.ok) useSync.setState({ view: result.value });
}

export async function syncNow(): Promise<void> {
  const run = await step(() => api().call['sync:now']({}));
  if (run) useSync.setState({ lastRun: run });
  await loadProblems();
}

export async function retryRow(id: number): Promise<void> {
  await step(() => api().call['sync:retry']({ id }), 'sync.notice.retried');
  await loadProblems();
}

export async function discardRow(id: number): Promise<void> {
  await step(() => api().call['sync:discard']({ id }), 'sync.notice.discarded');
  await loadProblems();
}

type StoreInput = Parameters<ReturnType<typeof api>['call']['store:save']>[0];

export async function testStore(input: StoreInput): Promise<void> {
  useSync.setState({ connection: null });
  const info = await step(() => api().call['store:test'](input), 'sync.store.testOk');
  if (info) useSync.setState({ connection: info });
}

export async function saveStore(input: StoreInput): Promise<boolean> {
  const view = await step(() => api().call['store:save'](input), 'sync.store.saved');
  if (view) useSync.setState({ view });
  return view !== null;
}

export function clearSyncMessages(): void {
  useSync.setState({ error: null, notice: null });
}
