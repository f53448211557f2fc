import { z } from 'zod';
import {
  BadgeSchema,
  HomeSummarySchema,
  LocaleSchema,
  LoginOperatorSchema,
  OperatorSchema,
  OrderSummarySchema,
  PersonNameSchema,
  PinSchema,
  ReturnSummarySchema,
  RoleSchema,
  SessionSchema,
  StationInfoSchema,
} from '../domain/types';
import { deviceEvents, deviceMethods } from './contract-devices';
import { packEvents, packMethods } from './contract-pack';
import { syncEvents, syncMethods } from './contract-sync';
import type { EventName, MethodName } from './names';
import { None, type MethodSpec } from './spec';

export type { Access, MethodSpec } from './spec';

const QueueQuery = z.strictObject({
  limit: z.number().int().min(1).max(500).default(100),
  search: z.string().max(100).optional(),
});

/**
 * The API contract between the main process and the renderer, as data. The Electron IPC handlers,
 * the preload bridge, the station-server WebSocket and the renderer client are all typed from it.
 * Inputs are parsed strictly at the main side (unknown keys are rejected).
 */
export const methods = {
  'station:info': { input: None, output: StationInfoSchema, access: 'public', audited: false },
  'station:setup': {
    input: z.strictObject({
      stationName: z.string().trim().min(1).max(80),
      supervisorName: PersonNameSchema,
      pin: PinSchema,
      locale: LocaleSchema,
    }),
    output: SessionSchema,
    access: 'public',
    audited: true,
  },
  'settings:set-locale': { input: z.strictObject({ locale: LocaleSchema }), output: StationInfoSchema, access: 'public', audited: true },
  'settings:set-idle-lock': {
    input: z.strictObject({ seconds: z.number().int().min(0).max(24 * 3600) }),
    output: StationInfoSchema,
    access: ['supervisor'],
    audited: true,
  },
  'auth:operators': { input: None, output: z.array(LoginOperatorSchema), access: 'public', audited: false },
  'auth:login-pin': {
    input: z.strictObject({ operatorId: z.string().min(1).max(64), pin: z.string().min(1).max(16) }),
    output: SessionSchema,
    access: 'public',
    audited: true,
  },
  'auth:login-badge': { input: z.strictObject({ badge: BadgeSchema }), output: SessionSchema, access: 'public', audited: true },
  'auth:logout': { input: None, output: z.null(), access: 'session', audited: true },
  'auth:lock': { input: None, output: z.null(), access: 'session', audited: true },
  'auth:session': { input: None, output: SessionSchema.nullable(), access: 'public', audited: false },
  'operators:list': { input: None, output: z.array(OperatorSchema), access: ['supervisor'], audited: false },
  'operators:create': {
    input: z.strictObject({ name: PersonNameSchema, role: RoleSchema, pin: PinSchema, badge: BadgeSchema.optional() }),
    output: OperatorSchema,
    access: ['supervisor'],
    audited: true,
  },
  'home:summary': { input: None, output: HomeSummarySchema, access: 'session', audited: false },
  'orders:queue': { input: QueueQuery, output: z.array(OrderSummarySchema), access: 'session', audited: false },
  'returns:queue': { input: QueueQuery, output: z.array(ReturnSummarySchema), access: 'session', audited: false },
  ...deviceMethods,
  ...packMethods,
  ...syncMethods,
} as const satisfies Record<MethodName, MethodSpec>;

/** Events the main process pushes; subscribers receive the payload only. */
export const events = {
  'session:changed': SessionSchema.nullable(),
  'station:changed': StationInfoSchema,
  'orders:changed': z.strictObject({ reason: z.string() }),
  ...deviceEvents,
  ...packEvents,
  ...syncEvents,
} as const satisfies Record<EventName, z.ZodType>;

type Methods = typeof methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
