/**
 * Messages of the device screens (Devices tab, scale and printer panels, scan notices), in the three
 * languages, merged into the catalogues. Keys start with `devices.`; the catalogue test checks all
 * three match.
 */
export const devicesEn = {} as const;

export const devicesEs = {} satisfies Record<keyof typeof devicesEn, string>;

export const devicesPtBR = {} satisfies Record<keyof typeof devicesEn, string>;
