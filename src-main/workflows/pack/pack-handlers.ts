import type { CallContext, Handlers } from '../../api/handlers';
import type { Database } from '../../db/database';
import { listBoxes } from '../../db/repos/pack-boxes';
import { listOpenPackExceptions } from '../../db/repos/pack-exceptions';
import { listLabelPending } from '../../db/repos/pack-packages';
import { listPackMetrics } from '../../db/repos/pack-sessions';
import type { LabelFonts } from '../../documents/labels/pdf-label';
import type { Locale } from '../../../src-shared/domain/types';
import { AppError } from '../../../src-shared/errors/codes';
import { buildCommandSheet } from './command-sheet';
import type { PackBench } from './pack-bench';
import type { Operator } from './open-pack';
import { resolveException } from './resolve-exception';
import { verifySupervisorPin } from './supervisor-pin';

export type PackMethods =
  | 'pack:current'
  | 'pack:open'
  | 'pack:open-code'
  | 'pack:scan'
  | 'pack:command'
  | 'pack:manual-confirm'
  | 'pack:override'
  | 'pack:box'
  | 'pack:boxes'
  | 'pack:exception'
  | 'pack:release'
  | 'pack:reprint'
  | 'pack:label-pending'
  | 'pack:exceptions'
  | 'pack:resolve-exception'
  | 'pack:command-sheet'
  | 'pack:metrics';

function who(ctx: CallContext): Operator {
  const operator = ctx.session?.operator;
  if (!operator) throw new AppError('auth.required', 'log in first');
  return { id: operator.id, role: operator.role };
}

export function packHandlers(deps: { readonly db: Database; readonly bench: PackBench; readonly stationId: string; readonly locale: () => Locale; readonly fonts: () => Promise<LabelFonts>; readonly now: () => Date }): Pick<Handlers, PackMethods> {
  const { db, bench } = deps;
  return {
    'pack:current': async () => bench.view(),
    'pack:open': (input, ctx) => bench.open(input.orderId, who(ctx)),
    'pack:open-code': (input, ctx) => bench.openByCode(input.code, who(ctx)),
    'pack:scan': (input, ctx) => bench.scan({ raw: input.raw, symbology: input.symbology }, who(ctx)),
    'pack:command': (input, ctx) => bench.command(input.command, who(ctx)),
    'pack:manual-confirm': (input, ctx) => bench.manualConfirm(input.lineId, who(ctx)),
    'pack:override': async (input, ctx) => {
      const caller = who(ctx);
      if (caller.role === 'supervisor') return bench.override(caller);
      // A supervisor walks over and types their PIN on the packer's screen.
      if (!input.supervisorId || !input.pin) throw new AppError('pack.override-not-allowed', 'a supervisor PIN is needed to override the weight');
      return bench.override(await verifySupervisorPin({ db, now: deps.now, stationId: deps.stationId }, input.supervisorId, input.pin));
    },
    'pack:box': (input, ctx) => bench.setBox(input.code, who(ctx)),
    'pack:boxes': () => listBoxes(db),
    'pack:exception': (input, ctx) => bench.exception(who(ctx), input.reason, input.note, input.partial),
    'pack:release': (_input, ctx) => bench.release(who(ctx)),
    'pack:reprint': (input, ctx) => bench.reprint(who(ctx), input.packageId),
    'pack:label-pending': () => listLabelPending(db, deps.stationId),
    'pack:exceptions': () => listOpenPackExceptions(db),
    'pack:resolve-exception': async (input, ctx) => {
      await resolveException({ db, stationId: deps.stationId, now: deps.now }, input.id, input.action, who(ctx).id);
      return null;
    },
    'pack:metrics': (input) => listPackMetrics(db, input.since ?? new Date(deps.now().getTime() - 24 * 3600_000).toISOString()),
    'pack:command-sheet': async () => ({ pdfBase64: (await buildCommandSheet(deps.locale(), await deps.fonts())).toString('base64') }),
  };
}
