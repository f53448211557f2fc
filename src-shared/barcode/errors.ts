import type { ErrorCode } from '../errors/codes';

/** The codes a barcode can be rejected with; the renderer translates them (es / pt-BR / en). */
export type BarcodeErrorCode = Extract<ErrorCode, `barcode.${string}`>;

export interface BarcodeError {
  readonly code: BarcodeErrorCode;
  /** For logs and `bancada barcode parse`; never shown to a packer as is. */
  readonly message: string;
  /** Where it went wrong, for support: the AI, the character position in the scanned data. */
  readonly detail?: Readonly<Record<string, string | number>>;
}

export interface BarcodeFailure {
  readonly ok: false;
  readonly error: BarcodeError;
}

export function barcodeFailure(code: BarcodeErrorCode, message: string, detail?: Readonly<Record<string, string | number>>): BarcodeFailure {
  return { ok: false, error: detail ? { code, message, detail } : { code, message } };
}
