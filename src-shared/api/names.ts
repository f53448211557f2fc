import { DEVICE_EVENT_NAMES, DEVICE_METHOD_NAMES } from './names-devices';
import { PACK_EVENT_NAMES, PACK_METHOD_NAMES } from './names-pack';
import { SYNC_EVENT_NAMES, SYNC_METHOD_NAMES } from './names-sync';

/**
 * The names of every contract method and event, with no schema library attached, so the sandboxed
 * preload can build one bridge method per name without bundling the schemas. `contract.ts` is typed
 * against these lists (`satisfies Record<MethodName, …>`), so the two cannot drift. Each area keeps
 * its own list in `names-<area>.ts` (and its schemas in `contract-<area>.ts`).
 */
export const METHOD_NAMES = [
  'station:info',
  'station:setup',
  'settings:set-locale',
  'settings:set-idle-lock',
  'auth:operators',
  'auth:login-pin',
  'auth:login-badge',
  'auth:logout',
  'auth:lock',
  'auth:session',
  'operators:list',
  'operators:create',
  'home:summary',
  'orders:queue',
  'returns:queue',
  ...DEVICE_METHOD_NAMES,
  ...PACK_METHOD_NAMES,
  ...SYNC_METHOD_NAMES,
] as const;

export const EVENT_NAMES = ['session:changed', 'station:changed', 'orders:changed', ...DEVICE_EVENT_NAMES, ...PACK_EVENT_NAMES, ...SYNC_EVENT_NAMES] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}
