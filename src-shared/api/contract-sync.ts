import { z } from 'zod';
import { ConnectionInfoSchema, StoreCredentialsSchema, StoreSettingsSchema, StoreViewSchema, SyncProblemSchema, SyncRunSchema } from '../domain/store';
import { SyncStatusSchema } from '../domain/types';
import type { SyncEventName, SyncMethodName } from './names-sync';
import { None, type MethodSpec } from './spec';

const RowId = z.strictObject({ id: z.number().int().min(1) });
const StoreInput = z.strictObject({ settings: StoreSettingsSchema, credentials: StoreCredentialsSchema.nullable() });

/** What a trainer can make the demo store's customer do to an order (issue #4 step 10: practise an interruption). */
export const DEMO_CUSTOMER_CHANGES = ['cancelled', 'on-hold'] as const;
export type DemoCustomerChange = (typeof DEMO_CUSTOMER_CHANGES)[number];
const Simulation = z.strictObject({ orderNumber: z.string().trim().min(1).max(64), change: z.enum(DEMO_CUSTOMER_CHANGES) });

/** Methods of sync with the store platform. Credentials go in (store:test, store:save) and never come out. */
export const syncMethods = {
  'sync:status': { input: None, output: SyncStatusSchema, access: 'public', audited: false },
  'sync:now': { input: None, output: SyncRunSchema, access: ['supervisor'], audited: false },
  'sync:problems': { input: None, output: z.array(SyncProblemSchema), access: ['supervisor'], audited: false },
  'sync:retry': { input: RowId, output: z.null(), access: ['supervisor'], audited: true },
  'sync:discard': { input: RowId, output: z.null(), access: ['supervisor'], audited: true },
  'store:view': { input: None, output: StoreViewSchema, access: ['supervisor'], audited: false },
  'store:test': { input: StoreInput, output: ConnectionInfoSchema, access: ['supervisor'], audited: false },
  'store:save': { input: StoreInput, output: StoreViewSchema, access: ['supervisor'], audited: true },
  /** Demo store only (`sync.demo-only` otherwise): the order changes in the store and the station pulls at once. */
  'store:simulate': { input: Simulation, output: Simulation, access: ['supervisor'], audited: true },
} as const satisfies Record<SyncMethodName, MethodSpec>;

export const syncEvents = {
  'sync:status': SyncStatusSchema,
} as const satisfies Record<SyncEventName, z.ZodType>;
