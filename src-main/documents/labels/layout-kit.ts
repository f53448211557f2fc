import { AppError } from '../../../src-shared/errors/codes';
import { at, mmToDots, type LabelGeometry } from './label-geometry';
import type { LabelElement, TextAlign } from './label-layout';
import { printableText } from './label-text';
import { assertCode128Data, CODE128_QUIET_MODULES, code128Modules, dataMatrixCodewords, dataMatrixSide, qrSide } from './symbol-size';
import { formatElementString } from '../../../src-shared/barcode';

/** Narrowest bar a carrier's scanner reads reliably from a thermal label (~10 mil); 2×1 tags go lower. */
const MIN_MODULE_MM = 0.25;
const MIN_MODULE_MM_SMALL = 0.12;

/**
 * Collects a layout's elements while a cursor walks down the label. Lengths given to it are on the
 * 203 dpi grid (`d()`); what it stores is in this printer's dots.
 */
export class LayoutBuilder {
  readonly elements: LabelElement[] = [];
  y: number;

  constructor(
    readonly geometry: LabelGeometry,
    readonly margin: number,
  ) {
    this.y = margin;
  }

  /** Dots on this printer for `dots203` dots on the 203 dpi grid. */
  d(dots203: number): number {
    return at(this.geometry, dots203);
  }

  get innerWidth(): number {
    return this.geometry.width - 2 * this.margin;
  }

  text(x: number, y: number, height: number, maxWidth: number, text: string, align: TextAlign = 'left'): number {
    const printable = printableText(text);
    if (printable.trim() !== '') this.elements.push({ kind: 'text', x, y, height, maxWidth, align, text: printable });
    return height;
  }

  /** Lines of text down from the cursor, each `height` high with `gap` below; moves the cursor. */
  lines(x: number, maxWidth: number, height: number, gap: number, texts: readonly string[]): void {
    for (const line of texts) {
      this.text(x, this.y, height, maxWidth, line);
      this.y += height + gap;
    }
  }

  /** A full-width horizontal rule at the cursor, with `space` above and below. */
  rule(space: number, thickness = this.d(3)): void {
    this.y += space;
    this.elements.push({ kind: 'bar', x: this.margin, y: this.y, width: this.innerWidth, height: thickness });
    this.y += thickness + space;
  }

  vrule(x: number, y: number, height: number, thickness = this.d(3)): void {
    this.elements.push({ kind: 'bar', x, y, width: thickness, height });
  }

  /**
   * A Code 128 centred on the label at the cursor: the widest module up to `preferredMm` whose
   * symbol and quiet zones fit. Throws `label.does-not-fit` when even the narrowest does not.
   */
  code128(data: string, gs1: boolean, height: number, preferredMm: number): void {
    if (!gs1) assertCode128Data(data);
    const modules = code128Modules(data, gs1);
    const min = Math.ceil(((this.geometry.size === '2x1' ? MIN_MODULE_MM_SMALL : MIN_MODULE_MM) * this.geometry.dpi) / 25.4);
    let module = mmToDots(this.geometry, preferredMm);
    const fits = (m: number) => (modules + 2 * CODE128_QUIET_MODULES) * m <= this.geometry.width && modules * m <= this.innerWidth;
    while (module > min && !fits(module)) module--;
    if (!fits(module)) {
      throw new AppError('label.does-not-fit', `a Code 128 of ${modules} modules does not fit a ${this.geometry.size} label at ${this.geometry.dpi} dpi`);
    }
    const width = modules * module;
    this.elements.push({ kind: 'code128', x: Math.floor((this.geometry.width - width) / 2), y: this.y, height, module, width, data, gs1 });
    this.y += height;
  }

  /** A GS1 Data Matrix with its top left at (x, y); returns its side in dots. */
  dataMatrix(x: number, y: number, module: number, elements: readonly { ai: string; value: string }[]): number {
    const side = dataMatrixSide(dataMatrixCodewords(formatElementString(elements), true));
    this.elements.push({ kind: 'datamatrix', x, y, module, side, elements });
    return side * module;
  }

  /** Side in dots of the GS1 Data Matrix `dataMatrix()` would draw. */
  dataMatrixSize(module: number, elements: readonly { ai: string; value: string }[]): number {
    return dataMatrixSide(dataMatrixCodewords(formatElementString(elements), true)) * module;
  }

  qr(x: number, y: number, module: number, data: string): number {
    const printable = printableText(data);
    const side = qrSide(printable);
    this.elements.push({ kind: 'qr', x, y, module, side, data: printable });
    return side * module;
  }
}
