/**
 * pdfkit 0.20 ships no type declarations (and @types/pdfkit is not a dependency): the part of its
 * API the documents use, from node_modules/pdfkit/js/pdfkit.js. Add members here as documents need them.
 */
declare module 'pdfkit' {
  import type { EventEmitter } from 'node:events';

  interface PDFDocumentOptions {
    /** Page size in points, or a name such as 'A4'. */
    size?: readonly [number, number] | string;
    margin?: number;
    autoFirstPage?: boolean;
    /** A standard font name, or null to load none (each document registers its own). */
    font?: string | null;
    compress?: boolean;
    lang?: string;
    info?: { Title?: string; Author?: string; Subject?: string; Creator?: string; Producer?: string; CreationDate?: Date };
  }

  interface PDFTextOptions {
    lineBreak?: boolean;
    width?: number;
    height?: number;
    align?: 'left' | 'center' | 'right' | 'justify';
    /** Percent; 100 is normal width. */
    horizontalScaling?: number;
    characterSpacing?: number;
  }

  interface PDFImageOptions {
    width?: number;
    height?: number;
  }

  class PDFDocument extends EventEmitter {
    constructor(options?: PDFDocumentOptions);
    registerFont(name: string, src: Buffer | Uint8Array | string): this;
    font(name: string): this;
    fontSize(size: number): this;
    text(text: string, x: number, y: number, options?: PDFTextOptions): this;
    widthOfString(text: string, options?: PDFTextOptions): number;
    rect(x: number, y: number, width: number, height: number): this;
    fill(color?: string): this;
    image(src: Buffer, x: number, y: number, options?: PDFImageOptions): this;
    end(): void;
  }

  export default PDFDocument;
}
