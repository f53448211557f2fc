import { z } from 'zod';
import { DeviceHealthSchema } from '../domain/types';
import type { DeviceEventName, DeviceMethodName } from './names-devices';
import { None, type MethodSpec } from './spec';

/** Methods of the device layer: health, scans handed in by the renderer, assignment, test prints. */
export const deviceMethods = {
  'devices:status': { input: None, output: z.array(DeviceHealthSchema), access: 'session', audited: false },
} as const satisfies Record<DeviceMethodName, MethodSpec>;

export const deviceEvents = {
  'devices:status': z.array(DeviceHealthSchema),
} as const satisfies Record<DeviceEventName, z.ZodType>;
