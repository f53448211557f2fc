/** Contract names of the packing bench. Composed into names.ts. */
export const PACK_METHOD_NAMES = [] as const;
export const PACK_EVENT_NAMES = [] as const;
export type PackMethodName = (typeof PACK_METHOD_NAMES)[number];
export type PackEventName = (typeof PACK_EVENT_NAMES)[number];
