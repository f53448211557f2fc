import { AppError } from '../../src-shared/errors/codes';
import type { Handlers } from '../api/handlers';
import type { Database } from '../db/database';
import { appendAudit } from '../db/repos/audit';
import type { SyncResult } from './adapter';
import type { SyncEngine } from './sync-engine';

export interface SyncHandlerDeps {
  readonly db: Database;
  readonly engine: SyncEngine;
  readonly stationId: () => string;
  readonly now: () => Date;
}

type SyncMethods = 'sync:status' | 'sync:now' | 'sync:problems' | 'sync:retry' | 'sync:discard' | 'store:view' | 'store:test' | 'store:save' | 'store:simulate';

/** A failed platform call crosses the contract as its `sync.*` code. */
function unwrap<T>(result: SyncResult<T>): T {
  if (result.ok) return result.value;
  throw new AppError(result.code, result.message);
}

export function syncHandlers({ db, engine, stationId, now }: SyncHandlerDeps): Pick<Handlers, SyncMethods> {
  const audit = (operatorId: string, action: string, subjectType: string, subjectId: string | null, detail: Record<string, unknown>) => ({
    at: now().toISOString(),
    stationId: stationId(),
    operatorId,
    action,
    subjectType,
    subjectId,
    detail,
  });
  return {
    'sync:status': () => engine.status(),
    'sync:now': () => engine.syncNow(),
    'sync:problems': () => engine.problems(),
    'sync:retry': async ({ id }, ctx) => {
      await db.transaction(async (tx) => {
        const row = await engine.retry(tx, id);
        await appendAudit(tx, audit(ctx.session!.operator.id, 'sync.retry', 'outbox', String(id), { kind: row.kind, status: row.status, code: row.lastErrorCode }));
      });
      engine.afterRowChange();
      return null;
    },
    'sync:discard': async ({ id }, ctx) => {
      await db.transaction(async (tx) => {
        const row = await engine.discard(tx, id);
        await appendAudit(tx, audit(ctx.session!.operator.id, 'sync.discard', 'outbox', String(id), { kind: row.kind, code: row.lastErrorCode, payload: JSON.parse(row.payload) as unknown }));
      });
      engine.afterRowChange();
      return null;
    },
    'store:view': () => engine.view(),
    'store:test': async ({ settings, credentials }) => {
      const info = unwrap(await engine.testConnection(settings, credentials));
      return { storeName: info.storeName, locations: [...info.locations] };
    },
    'store:save': async ({ settings, credentials }, ctx) => {
      await db.transaction(async (tx) => {
        const switched = await engine.save(tx, settings, credentials, ctx.session!.operator.id);
        // The settings are recorded; the credentials only as "changed" (never their value).
        await appendAudit(tx, audit(ctx.session!.operator.id, 'store.save', 'store', settings.platform, { settings, credentialsChanged: credentials !== null, ...switched }));
      });
      await engine.switchAfterSave();
      return engine.view();
    },
    'store:simulate': async ({ orderNumber, change }, ctx) => {
      const demo = engine.demoStore();
      if (!demo) throw new AppError('sync.demo-only', `the station works for ${engine.settings.platform}, not the demo store: training changes are refused`);
      const done = await demo.simulateCustomer(orderNumber, change);
      if (done.outcome === 'not-found') throw new AppError('sync.demo-order-not-found', `the demo store has no order ${orderNumber}`, { order: orderNumber });
      if (done.outcome === 'closed') throw new AppError('sync.demo-order-closed', `order ${done.orderNumber} is already shipped or cancelled`, { order: done.orderNumber });
      // Two files: the demo store's change is committed first, then audited here; a crash between
      // them loses only the audit row of a practice order.
      await appendAudit(db, audit(ctx.session!.operator.id, 'store.simulate', 'order', done.orderNumber, { change, outcome: done.outcome }));
      // Pulled now rather than at the next tick, so a bench packing the order is stopped within a second.
      await engine.syncAfterUpstreamChange();
      return { orderNumber: done.orderNumber, change };
    },
  };
}
