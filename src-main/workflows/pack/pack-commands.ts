/**
 * The commands of an open pack, scanned from the command sheet or pressed on the screen: undo, next
 * package, recount, a box, a manual confirm, and the weight's override and skip (a supervisor's, or
 * anyone's when no scale is connected). How a pack ends (complete, cancel, exception, reprint, switch
 * operator) is the finishing side's: `finish` (PackBench) takes those.
 */
import type { PackCommand } from '../../../src-shared/domain/pack';
import { findBox } from '../../db/repos/pack-boxes';
import type { OpenPack, Operator, PackContext, PackDeps, ScanMeta, ScanReply } from './open-pack';
import { applyEvent, noteScan } from './pack-step';

export type FinishCommand = (pack: OpenPack, command: PackCommand, meta: ScanMeta, who: Operator) => Promise<ScanReply>;

export async function runCommand(ctx: PackContext, pack: OpenPack, command: PackCommand, meta: ScanMeta, who: Operator, finish: FinishCommand): Promise<ScanReply> {
  switch (command) {
    case 'undo':
      return applyEvent(ctx, pack, { type: 'undo' }, meta);
    case 'next-package':
      return applyEvent(ctx, pack, { type: 'next-package' }, meta);
    case 'recount':
      return applyEvent(ctx, pack, { type: 'recount', scaleSeq: ctx.deps.devices?.scale.current().settled?.seq ?? pack.state.control.baselineSeq }, meta);
    case 'override':
      if (who.role !== 'supervisor') return noteScan(ctx, pack, meta, 'refused', 'pack.override-not-allowed');
      return applyEvent(ctx, pack, { type: 'override' }, meta, who);
    case 'skip-weight':
      if (scaleConnected(ctx.deps) && who.role !== 'supervisor') return noteScan(ctx, pack, meta, 'refused', 'pack.weigh-first');
      return applyEvent(ctx, pack, { type: 'skip-weight' }, meta, who);
    case 'complete':
    case 'cancel':
    case 'exception':
    case 'reprint':
    case 'switch-operator':
      return finish(pack, command, meta, who);
    default: {
      const never: never = command;
      throw new Error(`unknown command ${String(never)}`);
    }
  }
}

/** A unit confirmed by hand (unreadable label): only with the permission, recorded and flagged. */
export function confirmManually(ctx: PackContext, pack: OpenPack, lineId: string, operator: Operator): Promise<ScanReply> {
  const meta: ScanMeta = { raw: `manual:${lineId}`, symbology: null, kind: 'manual', productId: pack.order.lines.find((l) => l.id === lineId)?.productId ?? null, operatorId: operator.id };
  if (operator.role !== 'supervisor' && !ctx.deps.settings.manualConfirmRoles.includes(operator.role)) return noteScan(ctx, pack, meta, 'refused', 'pack.manual-not-allowed');
  return applyEvent(ctx, pack, { type: 'manual', seq: pack.seq + 1, lineId }, meta, operator);
}

/** The box the current package goes in (scanned or picked), with its tare; an unknown one is refused. */
export async function applyBox(ctx: PackContext, pack: OpenPack, code: string, meta: ScanMeta): Promise<ScanReply> {
  const box = await findBox(ctx.deps.db, code);
  if (!box) return noteScan(ctx, pack, meta, 'refused', 'pack.unknown-box');
  return applyEvent(ctx, pack, { type: 'box', code: box.code, tareMg: box.tareMg }, meta);
}

function scaleConnected(deps: PackDeps): boolean {
  const status = deps.devices?.scale.current().status;
  return status !== undefined && status !== 'disconnected';
}
