import { z } from 'zod';
import { SyncStatusSchema } from '../domain/types';
import type { SyncEventName, SyncMethodName } from './names-sync';
import { None, type MethodSpec } from './spec';

/** Methods of sync with the store platform. */
export const syncMethods = {
  'sync:status': { input: None, output: SyncStatusSchema, access: 'public', audited: false },
} as const satisfies Record<SyncMethodName, MethodSpec>;

export const syncEvents = {
  'sync:status': SyncStatusSchema,
} as const satisfies Record<SyncEventName, z.ZodType>;
