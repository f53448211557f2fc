import type { LabelDpi, LabelSize } from './label-request';

/**
 * Label geometry in printer dots. A "203 dpi" Zebra is 8 dots/mm, so 4 in is 812 dots
 * (device-protocols.md §5.1); a "300 dpi" one is 12 dots/mm on paper but addressed as 300 per inch
 * (4 in = 1200 dots). Layouts are drawn on the 203 dpi grid and scaled with `at()`.
 */

const INCHES: Readonly<Record<LabelSize, { readonly width: number; readonly height: number }>> = {
  '4x6': { width: 4, height: 6 },
  '4x4': { width: 4, height: 4 },
  '2x1': { width: 2, height: 1 },
};

export interface LabelGeometry {
  readonly size: LabelSize;
  readonly dpi: LabelDpi;
  readonly width: number;
  readonly height: number;
  readonly widthInches: number;
  readonly heightInches: number;
  /** Dots per millimetre, rounded as printer makers quote it (8 or 12). */
  readonly dotsPerMm: number;
}

export function labelGeometry(size: LabelSize, dpi: LabelDpi): LabelGeometry {
  const inches = INCHES[size];
  return {
    size,
    dpi,
    width: Math.round(inches.width * dpi),
    height: Math.round(inches.height * dpi),
    widthInches: inches.width,
    heightInches: inches.height,
    dotsPerMm: Math.round(dpi / 25.4),
  };
}

/** A length drawn on the 203 dpi grid, in this printer's dots. */
export function at(geometry: Pick<LabelGeometry, 'dpi'>, dots203: number): number {
  return geometry.dpi === 203 ? dots203 : Math.round((dots203 * geometry.dpi) / 203);
}

/** The whole number of dots closest to `mm` millimetres, never less than one. */
export function mmToDots(geometry: Pick<LabelGeometry, 'dpi'>, mm: number): number {
  return Math.max(1, Math.round((mm * geometry.dpi) / 25.4));
}
