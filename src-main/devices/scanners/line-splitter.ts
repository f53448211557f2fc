/**
 * Serial / USB-CDC scanners send one barcode per line (device-protocols.md §3.3: WebSerialBarcodeScanner
 * ends at CR; accept CR, LF or CRLF). Pure: bytes in any chunking, complete lines out.
 * `any` ends a line at CR or LF and swallows the LF of a CRLF, so no empty scan appears.
 */
export type ScanTerminator = 'cr' | 'lf' | 'crlf' | 'any';

export const MAX_LINE_BYTES = 4096;

export interface LineResult {
  readonly lines: Uint8Array[];
  /** Lines dropped for being longer than MAX_LINE_BYTES (a scanner with no terminator set, or noise). */
  readonly overlong: number;
}

export class LineSplitter {
  #buffer: number[] = [];
  #lastWasCr = false;
  #discarding = false;

  constructor(private readonly terminator: ScanTerminator = 'any') {}

  push(chunk: Uint8Array): LineResult {
    const lines: Uint8Array[] = [];
    let overlong = 0;
    for (const byte of chunk) {
      const ends = this.#ends(byte);
      const afterCr = this.#lastWasCr;
      this.#lastWasCr = byte === 0x0d;
      if (ends === 'skip') continue;
      if (ends === 'end') {
        if (this.#discarding) this.#discarding = false;
        else if (this.#buffer.length > 0) lines.push(Uint8Array.from(this.#buffer));
        this.#buffer = [];
        continue;
      }
      if (this.terminator === 'crlf' && afterCr) this.#buffer.push(0x0d); // a CR not followed by LF is data
      if (this.terminator === 'crlf' && byte === 0x0d) continue;
      if (this.#discarding) continue;
      this.#buffer.push(byte);
      if (this.#buffer.length > MAX_LINE_BYTES) {
        this.#buffer = [];
        this.#discarding = true;
        overlong++;
      }
    }
    return { lines, overlong };
  }

  #ends(byte: number): 'end' | 'skip' | 'data' {
    switch (this.terminator) {
      case 'cr':
        return byte === 0x0d ? 'end' : 'data';
      case 'lf':
        return byte === 0x0a ? 'end' : 'data';
      case 'crlf':
        return byte === 0x0a && this.#lastWasCr ? 'end' : 'data';
      case 'any':
        if (byte === 0x0a && this.#lastWasCr) return 'skip';
        return byte === 0x0d || byte === 0x0a ? 'end' : 'data';
      default: {
        const never: never = this.terminator;
        throw new Error(`unknown terminator ${String(never)}`);
      }
    }
  }
}
