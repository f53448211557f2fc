/**
 * CAS scales speak two formats on the same kind of port; one splitter takes both
 * (device-protocols.md §2.3, [S19]):
 *
 * - ECR request protocol (CAS SW-II, AP-1; Ohaus Aviator 7000 uses the same frame): host ENQ → scale
 *   ACK (or NAK: ask again); host DC1 → `SOH STX STA SIGN W5..W0 UN1 UN2 BCC ETX EOT`, STA `S`
 *   stable / `U` unstable, SIGN space or `-` (Ohaus: `F` = overflow), BCC = XOR of STA..UN2.
 * - 22-byte stream (CI-600D, NT-200, PDS): `ST|US|OL , GS|NT , <id><lamp> , <8-char weight> <unit> CR LF`,
 *   lamp bits 7 = 1, 6 stable, 4 hold, 3 printer, 2 gross, 1 tare, 0 zero. No checksum.
 */
import { decimalToMg, parseDecimal, parseWeightUnit } from '../../../src-shared/units/weight';
import { ACK, asciiText, CR, DC1, ENQ, EOT, ETX, LF, NAK, SOH, STX } from './ascii';
import { IGNORE_BYTE, ScanningSplitter, type FrameMatcher, type FrameSplitter } from './frame-splitter';
import { motionReading, rejected, reply, settledReading, stateReading, type ReadingExtras, type ScaleDecoded } from './types';

const ECR_LENGTH = 15;
const MAX_STREAM_LINE = 32;
const STREAM_HEADS = ['ST,', 'US,', 'OL,'] as const;

function matchEcr(bytes: Uint8Array, at: number, end: number): number {
  if (at + 1 < end && bytes[at + 1] !== STX) return -1;
  if (end - at < ECR_LENGTH) return 0;
  return bytes[at + 13] === ETX && bytes[at + 14] === EOT ? ECR_LENGTH : -1;
}

function matchStreamLine(bytes: Uint8Array, at: number, end: number): number {
  const available = Math.min(3, end - at);
  const fits = STREAM_HEADS.some((head) => {
    for (let k = 0; k < available; k++) if (bytes[at + k] !== head.charCodeAt(k)) return false;
    return true;
  });
  if (!fits) return -1;
  const limit = Math.min(end, at + MAX_STREAM_LINE);
  for (let i = at + 3; i < limit; i++) if (bytes[i] === LF) return i - at + 1;
  return limit - at >= MAX_STREAM_LINE ? -1 : 0;
}

export const casMatcher: FrameMatcher = (bytes, at, end) => {
  const first = bytes[at];
  if (first === ACK || first === NAK) return 1;
  if (first === SOH) return matchEcr(bytes, at, end);
  if (first === CR || first === LF) return IGNORE_BYTE;
  if (first === 0x53 || first === 0x55 || first === 0x4f) return matchStreamLine(bytes, at, end); // S, U, O
  return -1;
};

export function createCasSplitter(): FrameSplitter {
  return new ScanningSplitter(casMatcher);
}

/** XOR of the ECR data bytes STA..UN2 (AP-1: "bytes No. 2 to n+1"). */
export function casBcc(bytes: Uint8Array, from: number, to: number): number {
  let bcc = 0;
  for (let i = from; i < to; i++) bcc ^= bytes[i] ?? 0;
  return bcc;
}

/** `sign`: the ECR frame carries the sign in its own byte ('+' / '-'); the stream writes it in the field ('signed'). */
function weightFrom(valueText: string, unitText: string, sign: '+' | '-' | 'signed', frame: Uint8Array): { mg: number; extras: ReadingExtras } | ScaleDecoded {
  const value = parseDecimal(valueText.trim());
  if (!value || (sign !== 'signed' && /[+-]/.test(valueText))) return rejected('scale.bad-frame', `"${valueText}" is not a CAS weight`, frame);
  const negative = sign === '-';
  const unit = parseWeightUnit(unitText.trim());
  if (!unit) return rejected('scale.unsupported-unit', `unit "${unitText.trim()}" is not one we convert exactly`, frame);
  const mg = decimalToMg(negative ? { coefficient: -value.coefficient, exponent: value.exponent } : value, unit);
  if (mg === null) return rejected('scale.weight-out-of-range', `${valueText} ${unitText} is out of range`, frame);
  return { mg, extras: { unit } };
}

function decodeEcr(frame: Uint8Array): ScaleDecoded {
  if (frame.length !== ECR_LENGTH || frame[1] !== STX || frame[13] !== ETX || frame[14] !== EOT) {
    return rejected('scale.bad-frame', 'a CAS ECR frame is SOH STX STA SIGN W5..W0 UN1 UN2 BCC ETX EOT', frame);
  }
  if (casBcc(frame, 2, 12) !== frame[12]) return rejected('scale.bad-checksum', 'BCC does not match the data', frame);
  const sta = frame[2];
  const sign = frame[3];
  if (sign === 0x46) return stateReading('over', frame); // 'F': Ohaus overflow
  if (sign !== 0x20 && sign !== 0x2d && sign !== 0x2b) return rejected('scale.bad-frame', 'the sign is space, "+" or "-"', frame);
  const weight = weightFrom(asciiText(frame, 4, 10), asciiText(frame, 10, 12), sign === 0x2d ? '-' : '+', frame);
  if ('kind' in weight) return weight;
  if (sta === 0x53) return settledReading(weight.mg, frame, weight.extras); // 'S'
  if (sta === 0x55) return motionReading(weight.mg, frame, weight.extras); // 'U'
  return rejected('scale.unknown-status', `unknown CAS status byte ${sta ?? 0}`, frame);
}

function decodeStreamLine(frame: Uint8Array): ScaleDecoded {
  let to = frame.length;
  while (to > 0 && (frame[to - 1] === CR || frame[to - 1] === LF)) to--;
  const head = asciiText(frame, 0, 2);
  const mode = asciiText(frame, 3, 5);
  const lamp = frame[7] ?? 0;
  if (to < 20 || frame[2] !== 0x2c || frame[5] !== 0x2c || frame[8] !== 0x2c || (mode !== 'GS' && mode !== 'NT') || !(lamp & 0x80)) {
    return rejected('scale.bad-frame', 'a CAS stream line is "ST,GS,<id><lamp>,<weight> <unit>"', frame);
  }
  const net = mode === 'NT';
  if (head === 'OL') return stateReading('over', frame, { net });
  const text = asciiText(frame, 9, to);
  const weight = weightFrom(text.slice(0, 8), text.slice(8), 'signed', frame);
  if ('kind' in weight) return weight;
  const extras = { ...weight.extras, net };
  if (head === 'US') return motionReading(weight.mg, frame, extras);
  if (head !== 'ST') return rejected('scale.unknown-status', `unknown CAS status "${head}"`, frame);
  return lamp & 0x01 ? stateReading('zero', frame, extras) : settledReading(weight.mg, frame, extras);
}

/** Decodes one frame from the CAS splitter (ACK, NAK, an ECR frame or a stream line). Never throws. */
export function decodeCasFrame(frame: Uint8Array): ScaleDecoded {
  if (frame.length === 1 && frame[0] === ACK) return reply('ack', frame);
  if (frame.length === 1 && frame[0] === NAK) return reply('nak', frame);
  if (frame[0] === SOH) return decodeEcr(frame);
  return decodeStreamLine(frame);
}

/** ECR handshake: send `enquire` (ENQ), wait for ACK, then `request-weight` (DC1); on NAK enquire again. */
export const CAS_COMMANDS = { enquire: ENQ, 'request-weight': DC1 } as const;
export type CasCommand = keyof typeof CAS_COMMANDS;

export function casCommand(command: CasCommand): Uint8Array {
  return Uint8Array.of(CAS_COMMANDS[command]);
}
