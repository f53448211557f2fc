/**
 * The names of every contract method and event, with no schema library attached, so the sandboxed
 * preload can build one bridge method per name without bundling the schemas. `contract.ts` is typed
 * against these lists (`satisfies Record<MethodName, …>`), so the two cannot drift.
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
  'devices:status',
  'sync:status',
] as const;

export const EVENT_NAMES = ['session:changed', 'station:changed', 'sync:status', 'devices:status', 'orders:changed'] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}
