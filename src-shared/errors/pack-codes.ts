/** Error codes of the packing bench (`pack.*`). Composed into ERROR_CODES; each needs its translations. */
export const PACK_ERROR_CODES = [] as const;
