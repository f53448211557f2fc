/**
 * What every part of the packing bench shares: the open pack as main holds it between scans, the
 * station's dependencies, and how the pack reaches the screen. The steps (opening, scans, commands,
 * weighing, how a pack ends) are plain functions over a `PackContext`; `PackService` owns the one
 * context of a station and runs them one at a time.
 */
import { randomUUID } from 'node:crypto';
import type { LastScan, PackCommand, PackView, ScanOutcome } from '../../../src-shared/domain/pack';
import type { Role } from '../../../src-shared/domain/types';
import { AppError, type ErrorCode } from '../../../src-shared/errors/codes';
import type { Database } from '../../db/database';
import type { PackOrder } from '../../db/repos/pack-orders';
import { listPackages } from '../../db/repos/pack-packages';
import type { DeviceHub } from '../../devices/device-hub';
import type { MachineLine, PackState } from './pack-machine';
import type { PackSettings } from './pack-settings';
import { buildView, type LabelInfo } from './pack-view';

export interface Operator {
  readonly id: string;
  readonly role: Role;
}

export interface PackDeps {
  readonly db: Database;
  readonly now: () => Date;
  readonly stationId: string;
  readonly settings: PackSettings;
  /** The device layer; null until the station has one (then no scale and no printing). */
  readonly devices: DeviceHub | null;
  readonly emit: (view: PackView | null) => void;
  readonly newId?: () => string;
}

/** An open pack as main holds it between scans. */
export interface OpenPack {
  readonly sessionId: string;
  readonly operatorId: string;
  readonly startedAt: string;
  readonly reopened: boolean;
  order: PackOrder;
  state: PackState;
  seq: number;
  lastScan: LastScan | null;
  lastItemAt: string | null;
  misScans: number;
  overrides: number;
  packageIds: Map<number, string>;
  labels: Map<number, LabelInfo>;
  suggestedBox: string | null;
}

export interface ScanReply {
  readonly outcome: ScanOutcome;
  /** The error code of a refusal, or the command a command scan asks the screen for (`exception`). */
  readonly code: ErrorCode | PackCommand | null;
  readonly view: PackView | null;
}

/** What a scan row records besides the machine's outcome. */
export interface ScanMeta {
  readonly raw: string;
  readonly symbology: string | null;
  readonly kind: string;
  readonly productId: string | null;
  readonly operatorId: string;
}

/** One station's bench: its dependencies, the pack on screen and the order completed just before it. */
export interface PackContext {
  readonly deps: PackDeps;
  pack: OpenPack | null;
  /** The pack completed just before the current one opened by itself (its label state stays on screen). */
  previous: PackView['previous'];
}

export function isLive(pack: OpenPack): boolean {
  const phase = pack.state.control.phase;
  return phase !== 'complete' && phase !== 'exception' && phase !== 'released';
}

export function requireOpen(ctx: PackContext): OpenPack {
  const pack = ctx.pack;
  if (!pack || !isLive(pack)) throw new AppError('pack.not-open', 'no pack is open at this bench');
  return pack;
}

/** The meta of something pressed on the screen rather than scanned (`ui:complete`, `ui:override`…). */
export function uiMeta(raw: string, operatorId: string): ScanMeta {
  return { raw, symbology: null, kind: 'command', productId: null, operatorId };
}

export function packView(ctx: PackContext): PackView | null {
  const p = ctx.pack;
  if (!p) return null;
  return buildView({ ...p, labels: p.labels, previous: ctx.previous, allowPartial: ctx.deps.settings.allowPartial });
}

/** Pushes the current view to the screen (`pack:view`) and returns it. */
export function publishView(ctx: PackContext): PackView | null {
  const view = packView(ctx);
  ctx.deps.emit(view);
  return view;
}

export function newId(deps: PackDeps): string {
  return deps.newId?.() ?? randomUUID();
}

export function nowIso(deps: PackDeps): string {
  return deps.now().toISOString();
}

/** The order's lines as the pack machine counts them. */
export function machineLines(order: PackOrder): MachineLine[] {
  return order.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity, requiresSerial: l.requiresSerial, requiresLot: l.requiresLot, unitWeightMg: l.unitWeightMg }));
}

/** Labels of the packages (after completion, as they print). */
export async function reloadLabels(db: Database, pack: OpenPack): Promise<void> {
  for (const p of await listPackages(db, pack.sessionId)) pack.labels.set(p.index, { tracking: p.tracking, labelState: p.labelState, labelError: p.labelError });
}
