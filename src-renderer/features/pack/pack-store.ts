import { create } from 'zustand';
import type { BoxPreset, PackView, ScanOutcome } from '../../../src-shared/domain/pack';
import type { LiveScale } from '../../../src-shared/domain/scale';
import type { OrderSummary } from '../../../src-shared/domain/types';
import type { AppErrorShape } from '../../../src-shared/errors/codes';
import { api } from '../../store/station-store';
import { playOutcome } from './pack-tones';

export type QueueFilter = 'all' | 'urgent' | 'overdue';

export interface LabelPending {
  readonly packageId: string;
  readonly orderId: string;
  readonly orderNumber: string;
  readonly index: number;
  readonly labelState: string;
}

/** What the last scan or action said, shown big; `key` changes with every new one so it re-animates. */
export interface Feedback {
  readonly outcome: ScanOutcome;
  readonly code: string | null;
  readonly key: number;
}

interface PackState {
  readonly view: PackView | null;
  readonly feedback: Feedback | null;
  readonly error: AppErrorShape | null;
  readonly scale: LiveScale | null;
  readonly queue: readonly OrderSummary[];
  readonly search: string;
  readonly filter: QueueFilter;
  readonly pending: readonly LabelPending[];
  readonly boxes: readonly BoxPreset[];
  readonly dialog: null | 'override' | 'exception';
  /** A finished pack (complete, or sent to exceptions) the packer has left: the screen shows the queue again. */
  readonly dismissed: string | null;
}

export const usePack = create<PackState>(() => ({
  view: null,
  feedback: null,
  error: null,
  scale: null,
  queue: [],
  search: '',
  filter: 'all',
  pending: [],
  boxes: [],
  dialog: null,
  dismissed: null,
}));

/** Leaves a finished pack for the home screen; coming back to Pack shows the queue, not the old order. */
export function leaveFinished(sessionId: string): void {
  usePack.setState({ dismissed: sessionId });
}

let feedbackKey = 0;

/** A new view from main: the feedback follows its last scan (each scan has a new seq). */
export function receiveView(view: PackView | null): void {
  const previous = usePack.getState().view;
  const scan = view?.lastScan ?? null;
  const isNew = scan && (previous?.sessionId !== view?.sessionId || previous?.lastScan?.seq !== scan.seq || previous?.lastScan?.code !== scan.code);
  if (scan && isNew) {
    feedbackKey += 1;
    usePack.setState({ view, feedback: { outcome: scan.outcome, code: scan.code, key: feedbackKey }, error: null });
    playOutcome(scan.outcome);
    // The EXCEPTION command barcode: the reason is chosen on screen.
    if (scan.outcome === 'command' && scan.code === 'exception') usePack.setState({ dialog: 'exception' });
  } else {
    usePack.setState({ view, ...(previous?.sessionId !== view?.sessionId ? { feedback: null } : {}) });
  }
}

function failed(error: AppErrorShape): void {
  feedbackKey += 1;
  usePack.setState({ error, feedback: null });
  playOutcome('refused');
}

/** Subscribes the store to main's pack and scale events; returns the unsubscribe. */
export function startPackFeed(): () => void {
  const client = api();
  const offView = client.on['pack:view']((view) => receiveView(view));
  const offScale = client.on['scale:live']((scale) => usePack.setState({ scale }));
  void client.call['pack:current']({}).then((r) => r.ok && receiveView(r.value));
  void client.call['scale:current']({}).then((r) => r.ok && usePack.setState({ scale: r.value }));
  void client.call['pack:boxes']({}).then((r) => r.ok && usePack.setState({ boxes: r.value }));
  return () => {
    offView();
    offScale();
  };
}

export async function loadQueue(): Promise<void> {
  const { search } = usePack.getState();
  const [queue, pending] = await Promise.all([api().call['orders:queue']({ limit: 200, search: search || undefined }), api().call['pack:label-pending']({})]);
  usePack.setState({ queue: queue.ok ? queue.value : [], pending: pending.ok ? pending.value : [] });
}

export async function openOrder(orderId: string): Promise<void> {
  const r = await api().call['pack:open']({ orderId });
  if (r.ok) receiveView(r.value);
  else failed(r.error);
}

export async function openCode(code: string): Promise<void> {
  const r = await api().call['pack:open-code']({ code });
  if (r.ok) receiveView(r.value);
  else failed(r.error);
}

/** The bench's entry field: typed codes (and scanners when the wedge capture hands them here). */
export async function submitCode(code: string): Promise<void> {
  const trimmed = code.trim();
  if (!trimmed) return;
  const view = usePack.getState().view;
  if (!view || view.phase === 'complete' || view.phase === 'exception' || view.phase === 'released') {
    const r = await api().call['pack:scan']({ raw: trimmed, symbology: null });
    if (r.ok) receiveView(r.value.view);
    else if (r.error.code === 'pack.not-open') await openCode(trimmed);
    else failed(r.error);
    return;
  }
  const r = await api().call['pack:scan']({ raw: trimmed, symbology: null });
  if (r.ok) receiveView(r.value.view);
  else failed(r.error);
}

type Command = Parameters<ReturnType<typeof api>['call']['pack:command']>[0]['command'];

export async function command(name: Command): Promise<void> {
  const r = await api().call['pack:command']({ command: name });
  if (r.ok) receiveView(r.value.view);
  else failed(r.error);
}

export async function manualConfirm(lineId: string): Promise<void> {
  const r = await api().call['pack:manual-confirm']({ lineId });
  if (r.ok) receiveView(r.value.view);
  else failed(r.error);
}

export async function chooseBox(code: string): Promise<void> {
  const r = await api().call['pack:box']({ code });
  if (r.ok) receiveView(r.value.view);
  else failed(r.error);
}

export async function override(supervisorId: string | undefined, pin: string | undefined): Promise<boolean> {
  const r = await api().call['pack:override']({ ...(supervisorId ? { supervisorId } : {}), ...(pin ? { pin } : {}) });
  if (r.ok) {
    receiveView(r.value.view);
    usePack.setState({ dialog: null });
    return true;
  }
  failed(r.error);
  return false;
}

export async function sendException(reason: 'missing' | 'damaged' | 'wrong-stock' | 'other', note: string | null, partial = false): Promise<void> {
  const r = await api().call['pack:exception']({ reason, note, partial });
  usePack.setState({ dialog: null });
  if (r.ok) receiveView(r.value);
  else failed(r.error);
}

export async function release(): Promise<void> {
  const r = await api().call['pack:release']({});
  if (r.ok) receiveView(r.value);
  else failed(r.error);
  void loadQueue();
}

export async function reprint(packageId?: string): Promise<void> {
  const r = await api().call['pack:reprint'](packageId ? { packageId } : {});
  if (r.ok) {
    if (r.value) receiveView(r.value);
  } else failed(r.error);
  void loadQueue();
}

/**
 * The command sheet as a PDF file to print and tape to the bench. A download, not a new window:
 * the desktop shell refuses new windows (navigation guard), and a file prints from any viewer.
 */
export async function openCommandSheet(): Promise<void> {
  const r = await api().call['pack:command-sheet']({});
  if (!r.ok) return failed(r.error);
  const bytes = Uint8Array.from(atob(r.value.pdfBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'bancada-command-sheet.pdf';
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function setDialog(dialog: PackState['dialog']): void {
  usePack.setState({ dialog });
}
