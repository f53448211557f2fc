import { create } from 'zustand';
import type { DeviceAssignments, LabelPreview, PrintJobView } from '../../../src-shared/domain/devices';
import type { LiveScale } from '../../../src-shared/domain/scale';
import type { AppErrorShape } from '../../../src-shared/errors/codes';
import type { Result } from '../../../src-shared/api/result';
import { api } from '../../store/station-store';

export interface Discovered {
  readonly kind: string;
  readonly address: string;
  readonly name: string;
}

interface DevicesState {
  readonly live: LiveScale | null;
  readonly jobs: readonly PrintJobView[];
  readonly preview: LabelPreview | null;
  readonly assignments: DeviceAssignments | null;
  readonly discovered: readonly Discovered[] | null;
  readonly error: AppErrorShape | null;
  /** A short confirmation (message key) after an action worked. */
  readonly notice: 'devices.scale.zeroed' | 'devices.print.sent' | 'devices.assign.saved' | null;
  readonly busy: string | null;
}

export const useDevices = create<DevicesState>(() => ({ live: null, jobs: [], preview: null, assignments: null, discovered: null, error: null, notice: null, busy: null }));

const NOTICE_MS = 4000;

async function run<T>(busy: string, call: () => Promise<Result<T>>, notice: DevicesState['notice'] = null): Promise<T | null> {
  useDevices.setState({ busy, error: null, notice: null });
  const result = await call();
  useDevices.setState({ busy: null, error: result.ok ? null : result.error, notice: result.ok ? notice : null });
  // A confirmation is news for a moment; an error stays until the next action.
  if (result.ok && notice) window.setTimeout(() => useDevices.setState((s) => (s.notice === notice ? { notice: null } : s)), NOTICE_MS);
  return result.ok ? result.value : null;
}

export async function loadJobs(): Promise<void> {
  const jobs = await api().call['print:jobs']({ limit: 12 });
  if (jobs.ok) useDevices.setState({ jobs: jobs.value });
}

export async function loadPreview(): Promise<void> {
  const preview = await api().call['print:preview']({});
  if (preview.ok) useDevices.setState({ preview: preview.value });
}

/** Loads the tab and keeps it current from the station's events; returns the unsubscribe. */
export function watchDevices(): () => void {
  const client = api();
  const offLive = client.on['scale:live']((live) => useDevices.setState({ live }));
  const offJob = client.on['print:job']((job) => {
    void loadJobs();
    if (job.status === 'done') void loadPreview();
  });
  void Promise.all([client.call['scale:current']({}), client.call['devices:assignments']({})]).then(([live, assignments]) => {
    useDevices.setState({ live: live.ok ? live.value : null, assignments: assignments.ok ? assignments.value : null });
  });
  void loadJobs();
  void loadPreview();
  return () => {
    offLive();
    offJob();
  };
}

export const zeroScale = (): Promise<unknown> => run('zero', () => api().call['scale:zero']({}), 'devices.scale.zeroed');
export const simulateWeight = (grams: number): Promise<unknown> => run('simulate', () => api().call['scale:simulate']({ grams }));

export async function testPrint(role: 'label' | 'document'): Promise<void> {
  await run(`test-${role}`, () => api().call['print:test']({ role }), 'devices.print.sent');
  await loadJobs();
}

export async function retryJob(jobId: string): Promise<void> {
  await run(`retry-${jobId}`, () => api().call['print:retry']({ jobId }), 'devices.print.sent');
  await loadJobs();
}

export async function saveAssignments(assignments: DeviceAssignments): Promise<void> {
  const saved = await run('assign', () => api().call['devices:assign'](assignments), 'devices.assign.saved');
  if (saved) useDevices.setState({ assignments: saved });
}

export async function discover(): Promise<void> {
  const found = await run('discover', () => api().call['devices:discover']({}));
  if (found) useDevices.setState({ discovered: found });
}
