import type { z } from 'zod';
import type { PackEventName, PackMethodName } from './names-pack';
import type { MethodSpec } from './spec';

/** Methods of the packing bench. */
export const packMethods = {} as const satisfies Record<PackMethodName, MethodSpec>;

export const packEvents = {} as const satisfies Record<PackEventName, z.ZodType>;
