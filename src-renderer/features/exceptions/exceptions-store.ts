import { create } from 'zustand';
import type { PackException, PackMetrics } from '../../../src-shared/domain/pack';
import type { Operator } from '../../../src-shared/domain/types';
import type { AppErrorShape } from '../../../src-shared/errors/codes';
import type { MessageKey } from '../../i18n/en';
import { api } from '../../store/station-store';

interface ExceptionsState {
  readonly exceptions: readonly PackException[];
  readonly metrics: readonly PackMetrics[];
  readonly operators: ReadonlyMap<string, string>;
  readonly error: AppErrorShape | null;
  readonly notice: MessageKey | null;
  readonly busy: boolean;
}

export const useExceptions = create<ExceptionsState>(() => ({ exceptions: [], metrics: [], operators: new Map(), error: null, notice: null, busy: false }));

export async function loadExceptions(): Promise<void> {
  const client = api();
  const [exceptions, metrics, operators] = await Promise.all([client.call['pack:exceptions']({}), client.call['pack:metrics']({}), client.call['operators:list']({})]);
  useExceptions.setState({
    exceptions: exceptions.ok ? exceptions.value : [],
    metrics: metrics.ok ? metrics.value : [],
    operators: new Map(operators.ok ? operators.value.map((o: Operator) => [o.id, o.name]) : []),
    error: !exceptions.ok ? exceptions.error : !metrics.ok ? metrics.error : null,
  });
}

export async function resolve(id: string, action: 'requeue' | 'close'): Promise<void> {
  useExceptions.setState({ busy: true, error: null, notice: null });
  try {
    const result = await api().call['pack:resolve-exception']({ id, action });
    useExceptions.setState(result.ok ? { notice: action === 'requeue' ? 'exceptions.requeued' : 'exceptions.closed' } : { error: result.error });
    await loadExceptions();
  } finally {
    useExceptions.setState({ busy: false });
  }
}

export interface Summary {
  readonly packed: number;
  readonly secondsPerOrder: number | null;
  readonly secondsPerItem: number | null;
  readonly misScans: number;
  readonly overrides: number;
}

/** The last day's packs at a glance; only completed packs count towards the times. Pure. */
export function summarise(metrics: readonly PackMetrics[]): Summary {
  const done = metrics.filter((m) => m.state === 'complete' && m.seconds !== null);
  const seconds = done.reduce((n, m) => n + (m.seconds ?? 0), 0);
  const units = done.reduce((n, m) => n + (m.units ?? 0), 0);
  return {
    packed: done.length,
    secondsPerOrder: done.length > 0 ? Math.round(seconds / done.length) : null,
    secondsPerItem: units > 0 ? Math.round((seconds / units) * 10) / 10 : null,
    misScans: metrics.reduce((n, m) => n + m.misScans, 0),
    overrides: metrics.reduce((n, m) => n + m.overrides, 0),
  };
}
