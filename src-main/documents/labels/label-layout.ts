import type { LabelGeometry } from './label-geometry';
import type { LabelRequest } from './label-request';

/**
 * A label as positioned elements in printer dots (origin top left). One layout per request; the ZPL,
 * TSPL and PDF writers only translate it, so the three always carry the same data in the same place.
 */

export type TextAlign = 'left' | 'center' | 'right';

export interface TextElement {
  readonly kind: 'text';
  readonly x: number;
  readonly y: number;
  /** Character height in dots. */
  readonly height: number;
  /** The text is fitted (narrowed, then cut) into `[x, x + maxWidth]` and aligned inside it. */
  readonly maxWidth: number;
  readonly align: TextAlign;
  /** User text already made printable (one line); writers still escape it for their language. */
  readonly text: string;
}

/** A filled rectangle: rules between sections. */
export interface BarElement {
  readonly kind: 'bar';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Code128Element {
  readonly kind: 'code128';
  readonly x: number;
  readonly y: number;
  readonly height: number;
  /** Narrow bar width in dots. */
  readonly module: number;
  /** Planned width in dots (an upper bound; a writer may encode more compactly). */
  readonly width: number;
  /** Without FNC1 for GS1: `00106141411234567897`; the writer adds FNC1 in first position. */
  readonly data: string;
  readonly gs1: boolean;
}

export interface DataMatrixElement {
  readonly kind: 'datamatrix';
  readonly x: number;
  readonly y: number;
  readonly module: number;
  /** Side in modules as planned. */
  readonly side: number;
  /** GS1 element string with its separators as GS (0x1D); FNC1 in first position is implied. */
  readonly elements: readonly { readonly ai: string; readonly value: string }[];
}

export interface QrElement {
  readonly kind: 'qr';
  readonly x: number;
  readonly y: number;
  readonly module: number;
  readonly side: number;
  readonly data: string;
}

export type LabelElement = TextElement | BarElement | Code128Element | DataMatrixElement | QrElement;

export interface LabelLayout {
  readonly geometry: LabelGeometry;
  readonly request: LabelRequest;
  readonly elements: readonly LabelElement[];
}
