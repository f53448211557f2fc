/** Contract names of the packing bench. Composed into names.ts. */
export const PACK_METHOD_NAMES = [
  'pack:current',
  'pack:open',
  'pack:open-code',
  'pack:scan',
  'pack:command',
  'pack:manual-confirm',
  'pack:override',
  'pack:box',
  'pack:boxes',
  'pack:exception',
  'pack:release',
  'pack:reprint',
  'pack:label-pending',
  'pack:exceptions',
  'pack:resolve-exception',
  'pack:command-sheet',
  'pack:metrics',
] as const;
export const PACK_EVENT_NAMES = ['pack:view'] as const;
export type PackMethodName = (typeof PACK_METHOD_NAMES)[number];
export type PackEventName = (typeof PACK_EVENT_NAMES)[number];
