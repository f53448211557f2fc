import { PACK_ERROR_CODES } from './pack-codes';
import { SYNC_ERROR_CODES } from './sync-codes';

/**
 * Every error that crosses the contract carries one of these codes. The renderer translates the code
 * (es / pt-BR / en); the `message` that travels with it is for logs and support, never for a packer.
 */
export const ERROR_CODES = [
  'input.invalid',
  'contract.unknown-method',
  'auth.required',
  'auth.bad-pin',
  'auth.locked-out',
  'auth.unknown-badge',
  'auth.forbidden',
  'auth.operator-inactive',
  'setup.already-done',
  'setup.required',
  'operator.duplicate-badge',
  'operator.not-found',
  'db.migrations-out-of-sync',
  'internal',
  'connection.lost',
  'barcode.empty',
  'barcode.bad-character',
  'barcode.bad-check-digit',
  'barcode.bad-length',
  'barcode.unknown-ai',
  'barcode.bad-date',
  'barcode.bad-time',
  'barcode.bad-value',
  'barcode.duplicate-ai',
  'barcode.bad-digital-link',
  'barcode.bad-pattern',
  'scale.garbage',
  'scale.bad-frame',
  'scale.bad-checksum',
  'scale.bad-parity',
  'scale.unknown-status',
  'scale.unsupported-unit',
  'scale.weight-out-of-range',
  'scale.incomplete-frame',
  'device.open-failed',
  'device.disconnected',
  'device.write-failed',
  'device.not-connected',
  'device.unsupported-command',
  'label.invalid-request',
  'label.bad-barcode-data',
  'label.does-not-fit',
  'label.font-missing',
  'printer.bad-uri',
  'printer.connection-refused',
  'printer.connection-reset',
  'printer.unreachable',
  'printer.timeout',
  'printer.not-found',
  'printer.busy',
  'printer.permission-denied',
  'printer.write-failed',
  'printer.no-status',
  'printer.bad-status',
  'printer.paper-out',
  'printer.ribbon-out',
  'printer.head-open',
  'printer.paused',
  'printer.buffer-full',
  'printer.head-temperature',
  'printer.fault',
  'printer.spooler-unavailable',
  'printer.spooler-rejected',
  'printer.pdf-unsupported',
  'printer.job-not-found',
  'printer.job-not-retryable',
  'printer.document-unavailable',
  'printer.not-assigned',
  'device.not-simulated',
  'device.bad-path',
  'scanner.bad-report',
  'scanner.too-long',
  ...PACK_ERROR_CODES,
  ...SYNC_ERROR_CODES,
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  readonly code: ErrorCode;
  readonly message: string;
  /** Optional structured detail the UI may interpolate (e.g. seconds until a lock-out ends). */
  readonly detail?: Readonly<Record<string, string | number>>;
}

/** Thrown inside main-side services; turned into `{ ok: false, error }` at the contract boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: Readonly<Record<string, string | number>> | undefined;

  constructor(code: ErrorCode, message: string, detail?: Readonly<Record<string, string | number>>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }

  toShape(): AppErrorShape {
    return this.detail ? { code: this.code, message: this.message, detail: this.detail } : { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
