/**
 * What every scale decoder hands back, whatever the protocol: a reading, a reply to a command, or a
 * rejection with a code. Zero, motion, under, over and the fault states are states, never numbers: a
 * weight (`mg`, `grams`) is present only when the scale shows a positive weight, and for `motion` it is
 * provisional (the stability filter never settles on it).
 */
import type { ErrorCode } from '../../../src-shared/errors/codes';
import { mgToGrams, type WeightUnit } from '../../../src-shared/units/weight';

export const SCALE_STATUSES = ['stable', 'motion', 'zero', 'under', 'over', 'fault', 'needs-calibration', 'needs-rezero'] as const;
export type ScaleStatus = (typeof SCALE_STATUSES)[number];

export interface ScaleReading {
  readonly status: ScaleStatus;
  /** `mg / 1000`, for JSON and the UI; null exactly when `mg` is null. */
  readonly grams: number | null;
  /** Whole milligrams: set for `stable` (> 0) and, provisionally, for `motion` (≥ 0); null otherwise. */
  readonly mg: number | null;
  /** The unit the scale displays, when the frame says. */
  readonly unit?: WeightUnit;
  /** True when the scale reports a net weight (a tare is active). */
  readonly net?: boolean;
  /** The tare the scale reports alongside the weight (Toledo continuous with tare). */
  readonly tareMg?: number;
  /** The frame as received, for logs and support. */
  readonly raw: Uint8Array;
}

export type ScaleRejectCode = Extract<ErrorCode, `scale.${string}`>;

/** A frame that is not a reading: the scale answering a command (MT-SICS "Z A", CAS ACK, NCI "?"). */
export interface ScaleReply {
  readonly kind: 'reply';
  /**
   * `executed` (done, or more lines follow), `not-executable` (busy now), `error` (the scale refused
   * the command or a parameter), `unrecognised` (unknown command), `ack` / `nak` (CAS handshake),
   * `status-ok` (a status-only frame with nothing to report).
   */
  readonly reply: 'executed' | 'not-executable' | 'error' | 'unrecognised' | 'ack' | 'nak' | 'status-ok';
  /** The command the reply belongs to, when the protocol names it (MT-SICS "Z", "T", "I4"). */
  readonly command?: string;
  readonly raw: Uint8Array;
}

export interface ScaleRejection {
  readonly kind: 'rejected';
  readonly code: ScaleRejectCode;
  /** English, for logs and `bancada scale decode`; the UI translates `code`. */
  readonly message: string;
  readonly raw: Uint8Array;
}

export type ScaleDecoded = { readonly kind: 'reading'; readonly reading: ScaleReading } | ScaleReply | ScaleRejection;

export function rejected(code: ScaleRejectCode, message: string, raw: Uint8Array): ScaleRejection {
  return { kind: 'rejected', code, message, raw };
}

export function reply(kind: ScaleReply['reply'], raw: Uint8Array, command?: string): ScaleReply {
  return command === undefined ? { kind: 'reply', reply: kind, raw } : { kind: 'reply', reply: kind, command, raw };
}

export interface ReadingExtras {
  readonly unit?: WeightUnit | undefined;
  readonly net?: boolean | undefined;
  readonly tareMg?: number | undefined;
}

function build(status: ScaleStatus, mg: number | null, raw: Uint8Array, extras: ReadingExtras): ScaleDecoded {
  const reading: { -readonly [K in keyof ScaleReading]: ScaleReading[K] } = { status, grams: mg === null ? null : mgToGrams(mg), mg, raw };
  if (extras.unit !== undefined) reading.unit = extras.unit;
  if (extras.net !== undefined) reading.net = extras.net;
  if (extras.tareMg !== undefined) reading.tareMg = extras.tareMg;
  return { kind: 'reading', reading };
}

/** A state without a weight: zero, under, over, fault, needs-calibration, needs-rezero (or motion with no number). */
export function stateReading(status: ScaleStatus, raw: Uint8Array, extras: ReadingExtras = {}): ScaleDecoded {
  return build(status, null, raw, extras);
}

/** A settled weight from the scale: negative is `under`, exactly zero is `zero`, only a positive weight is `stable`. */
export function settledReading(mg: number, raw: Uint8Array, extras: ReadingExtras = {}): ScaleDecoded {
  if (mg < 0) return build('under', null, raw, extras);
  if (mg === 0) return build('zero', null, raw, extras);
  return build('stable', mg, raw, extras);
}

/** A moving weight: provisional when not negative (the UI may show it live); negative is `under`. */
export function motionReading(mg: number | null, raw: Uint8Array, extras: ReadingExtras = {}): ScaleDecoded {
  if (mg !== null && mg < 0) return build('under', null, raw, extras);
  return build('motion', mg, raw, extras);
}
