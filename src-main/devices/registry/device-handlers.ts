/**
 * The device layer's contract handlers (src-shared/api/contract-devices.ts): health, assignment,
 * discovery, the live scale, scans from the renderer's keyboard wedge, test prints, the job list and
 * retries, the last-label preview.
 */
import type { Handlers } from '../../api/handlers';
import type { PrintJobView } from '../../../src-shared/domain/devices';
import { AppError } from '../../../src-shared/errors/codes';
import type { Database } from '../../db/database';
import { appendAudit } from '../../db/repos/audit';
import { listRecentPrintJobs, type PrintJob } from '../../db/repos/print-jobs';
import { setSetting } from '../../db/repos/settings';
import { discoverDevices, type DiscoveryListers } from '../discovery/discover';
import type { PrintOutcome } from '../printers/print-service';
import { loadWedgeConfig, saveAssignments, WEDGE_SETTING } from './assignments';
import { checkAssignments } from './check-assignments';
import type { DeviceRegistry } from './device-registry';
import { testDocument } from './test-documents';

export type DeviceMethod =
  | 'devices:status'
  | 'devices:assignments'
  | 'devices:assign'
  | 'devices:discover'
  | 'devices:wedge-config'
  | 'devices:set-wedge-config'
  | 'scale:current'
  | 'scale:zero'
  | 'scale:simulate'
  | 'scans:submit'
  | 'print:test'
  | 'print:jobs'
  | 'print:retry'
  | 'print:preview';

export interface DeviceHandlerDeps {
  readonly db: Database;
  readonly registry: DeviceRegistry;
  readonly stationId: () => string;
  readonly now: () => Date;
  readonly discovery?: DiscoveryListers;
}

export function deviceHandlers(deps: DeviceHandlerDeps): Pick<Handlers, DeviceMethod> {
  const { db, registry } = deps;
  return {
    'devices:status': async () => registry.status(),
    'devices:assignments': async () => registry.assignments,
    'devices:assign': async (input, ctx) => {
      checkAssignments(input);
      await db.transaction(async (tx) => {
        await saveAssignments(tx, input, deps.now());
        await appendAudit(tx, { at: deps.now().toISOString(), stationId: deps.stationId(), operatorId: ctx.session?.operator.id ?? null, action: 'devices.assign', subjectType: 'station', subjectId: deps.stationId(), detail: { assignments: input } });
      });
      await registry.reassign(input);
      return registry.assignments;
    },
    'devices:discover': async () => {
      const report = await discoverDevices(deps.discovery);
      return [
        ...report.hid.map((d) => ({ kind: d.kind, address: d.vidPid, name: d.name })),
        ...report.serial.map((d) => ({ kind: d.kind === 'unknown' ? ('serial' as const) : d.kind, address: d.path, name: d.name })),
        ...report.printers.map((p) => ({ kind: 'printer' as const, address: `cups://${p.queue}`, name: p.uri })),
      ];
    },
    'devices:wedge-config': async () => loadWedgeConfig(db),
    'devices:set-wedge-config': async (input, ctx) => {
      await db.transaction(async (tx) => {
        await setSetting(tx, WEDGE_SETTING, input, deps.now());
        await appendAudit(tx, { at: deps.now().toISOString(), stationId: deps.stationId(), operatorId: ctx.session?.operator.id ?? null, action: 'devices.wedge-config', subjectType: 'station', subjectId: deps.stationId(), detail: { ...input } });
      });
      registry.setBadgePattern(input.badgePattern);
      return input;
    },
    'scale:current': async () => registry.scale.current(),
    'scale:zero': async () => {
      await registry.scale.zero();
      return null;
    },
    'scale:simulate': async (input) => {
      const sim = registry.simulation?.scale;
      if (!sim || !registry.scale.simulated) throw new AppError('device.not-simulated', 'this station\'s scale is a real one; only the simulator takes a scripted weight');
      sim.control.setMotion(input.motion ?? false);
      sim.control.setWeight(input.grams);
      return null;
    },
    'scans:submit': async (input) => {
      const claimed = registry.scans.claimed;
      await registry.scans.push(input);
      return { claimed };
    },
    'print:test': async (input) => {
      const info = registry.printer(input.role);
      if (!info) throw new AppError('printer.not-assigned', `no ${input.role} printer is assigned`);
      const uri = input.role === 'label' ? registry.assignments.labelPrinter?.uri : registry.assignments.documentPrinter?.uri;
      const document = await testDocument(input.role, info.language, uri ?? '', deps.now());
      return viewOrThrow(await registry.print({ role: input.role, kind: 'test', documentRef: null, document }));
    },
    'print:jobs': async (input) => (await listRecentPrintJobs(db, { limit: input.limit ?? 20, ...(input.status ? { status: input.status } : {}) })).map(toView),
    'print:retry': async (input, ctx) => {
      const outcome = await registry.retry(input.jobId);
      if (outcome.job) {
        await appendAudit(db, { at: deps.now().toISOString(), stationId: deps.stationId(), operatorId: ctx.session?.operator.id ?? null, action: 'print.retry', subjectType: 'print_job', subjectId: input.jobId, detail: { ok: outcome.ok } });
      }
      return viewOrThrow(outcome);
    },
    'print:preview': async () => registry.preview(),
  };
}

export function toView(job: PrintJob): PrintJobView {
  return { id: job.id, kind: job.kind, printer: job.printer, documentRef: job.documentRef, status: job.status, errorCode: job.errorCode, attempts: job.attempts, createdAt: job.createdAt, updatedAt: job.updatedAt };
}

function viewOrThrow(outcome: PrintOutcome): PrintJobView {
  if (outcome.ok) return toView(outcome.job);
  throw new AppError(outcome.error.code, outcome.error.message, { ...(outcome.error.detail ?? {}), ...(outcome.job ? { jobId: outcome.job.id } : {}) });
}
