/**
 * Messages of the packing bench, in the three languages, merged into the catalogues (en.ts, es.ts,
 * pt-BR.ts). Keys start with `pack.` or `error.pack.`; the catalogue test checks all three match.
 */
export const packEn = {} as const;

export const packEs = {} satisfies Record<keyof typeof packEn, string>;

export const packPtBR = {} satisfies Record<keyof typeof packEn, string>;
