/**
 * Messages of a package's shipping label state at the bench, in the three languages, merged into the
 * catalogues (en.ts, es.ts, pt-BR.ts); the catalogue test checks all three match.
 */
export const packLabelsEn = {
  'pack.label.none': 'No label yet',
  'pack.label.pending': 'Printing label…',
  'pack.label.printed': 'Label printed',
  'pack.label.failed': 'Label NOT printed',
} as const;

export const packLabelsEs = {
  'pack.label.none': 'Sin etiqueta aún',
  'pack.label.pending': 'Imprimiendo etiqueta…',
  'pack.label.printed': 'Etiqueta impresa',
  'pack.label.failed': 'Etiqueta NO impresa',
} satisfies Record<keyof typeof packLabelsEn, string>;

export const packLabelsPtBR = {
  'pack.label.none': 'Sem etiqueta ainda',
  'pack.label.pending': 'Imprimindo etiqueta…',
  'pack.label.printed': 'Etiqueta impressa',
  'pack.label.failed': 'Etiqueta NÃO impressa',
} satisfies Record<keyof typeof packLabelsEn, string>;
