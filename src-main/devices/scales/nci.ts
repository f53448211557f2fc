/**
 * NCI / Avery Weigh-Tronix SCP-01 ("NCI 3825/3835", Brecknell). Polled: `W<CR>` answers
 * `<LF>  1.50lb<CR><LF>00<CR><ETX>`; `S<CR>` answers the status alone, `<LF>20<CR><ETX>`;
 * an unknown command `<LF>?<CR><ETX>`. device-protocols.md §2.2 ([S17], [S18]).
 *
 * Firmware differs (Brecknell PS-USB sends `<LF>weight<CR>status<ETX>` [S18]), so frames are cut
 * on ETX and CR/LF are taken loosely. 7E1 on the wire: bit 7 is dropped, so a port opened 8N1 still
 * reads. There is no checksum; only the frame structure and the fixed status bits guard the data.
 */
import { decimalToMg, parseDecimal, parseWeightUnit } from '../../../src-shared/units/weight';
import { asciiBytes, asciiText, CR, ETX, LF } from './ascii';
import { ScanningSplitter, type FrameMatcher, type FrameSplitter } from './frame-splitter';
import { motionReading, rejected, reply, settledReading, stateReading, type ScaleDecoded, type ScaleStatus } from './types';

const MAX_FRAME = 48;
const SEVEN_BITS = 0x7f;

/** A frame runs from an LF to the next ETX and holds one or two CR/LF-separated printable fields. */
export const nciMatcher: FrameMatcher = (bytes, at, end) => {
  if (((bytes[at] ?? 0) & SEVEN_BITS) !== LF) return -1;
  const limit = Math.min(end, at + MAX_FRAME);
  let fields = 0;
  let inField = false;
  for (let i = at + 1; i < limit; i++) {
    const b = (bytes[i] ?? 0) & SEVEN_BITS;
    if (b === ETX) return fields >= 1 && fields <= 2 ? i - at + 1 : -1;
    if (b === CR || b === LF) inField = false;
    else if (b < 0x20 || b > 0x7e) return -1;
    else if (!inField) {
      inField = true;
      fields++;
    }
  }
  return fields > 2 || limit - at >= MAX_FRAME ? -1 : 0;
};

export function createNciSplitter(): FrameSplitter {
  return new ScanningSplitter(nciMatcher);
}

interface NciStatus {
  readonly motion: boolean;
  readonly zero: boolean;
  readonly under: boolean;
  readonly over: boolean;
  readonly fault: boolean;
  readonly calibration: boolean;
  readonly initialZeroError: boolean;
  readonly net: boolean;
}

/**
 * Status bytes: bits 4 and 5 always 1 (so '0' = 0x30 is "all OK"), byte 1 bit 6 always 0, and bit 6
 * of byte 2 (and of byte 3) announces one more byte ([S17] NCI 6702).
 */
function parseStatus(text: string): NciStatus | null {
  if (text.length < 2) return null;
  for (let i = 0; i < text.length; i++) if ((text.charCodeAt(i) & 0x30) !== 0x30) return null;
  const [b1, b2, b3 = 0] = [text.charCodeAt(0), text.charCodeAt(1), text.length > 2 ? text.charCodeAt(2) : 0];
  if (b1 & 0x40) return null;
  let expected = 2;
  while (expected <= text.length && text.charCodeAt(expected - 1) & 0x40) expected++;
  if (expected !== text.length) return null;
  return {
    motion: (b1 & 0x01) !== 0,
    zero: (b1 & 0x02) !== 0,
    fault: (b1 & 0x0c) !== 0 || (b2 & 0x04) !== 0, // RAM, EEPROM, ROM error
    under: (b2 & 0x01) !== 0,
    over: (b2 & 0x02) !== 0,
    calibration: (b2 & 0x08) !== 0,
    net: (b3 & 0x04) !== 0,
    initialZeroError: (b3 & 0x08) !== 0,
  };
}

/** The states the status bytes force, strongest first; null when they leave it to the weight. */
function statusState(status: NciStatus): ScaleStatus | null {
  if (status.fault) return 'fault';
  if (status.calibration) return 'needs-calibration';
  if (status.initialZeroError) return 'needs-rezero';
  if (status.over) return 'over';
  if (status.under) return 'under';
  return null;
}

type WeightField = { readonly fill: ScaleStatus } | { readonly value: string; readonly unit: string };

/** Over capacity `^^^^^^`, under capacity `______`, zero error `------` ([S17] NCI 6702); else "-1.50lb". */
function parseWeightField(field: string): WeightField | null {
  const text = field.trim();
  if (/^\^+\s*[a-z]*$/i.test(text)) return { fill: 'over' };
  if (/^_+\s*[a-z]*$/i.test(text)) return { fill: 'under' };
  if (/^-+\s*[a-z]*$/i.test(text)) return { fill: 'needs-rezero' };
  // The 3700LP pads grams as "_XXXXg_" ([S17] 3700LP): underscores there are blanks.
  const match = /^([+-]?\s*[\d.]+)\s*([a-z]+)$/i.exec(text.replace(/^_+|_+$/g, '').trim());
  return match ? { value: (match[1] ?? '').replace(/\s+/g, ''), unit: match[2] ?? '' } : null;
}

/** Decodes one frame (from LF to ETX). `raw` in the result is `frame` itself. Never throws. */
export function decodeNciFrame(frame: Uint8Array): ScaleDecoded {
  const text = asciiText(frame, 0, frame.length, SEVEN_BITS);
  if (text.charCodeAt(0) !== LF || text.charCodeAt(text.length - 1) !== ETX) return rejected('scale.bad-frame', 'an NCI frame runs from LF to ETX', frame);
  const fields = text.slice(1, -1).split(/[\r\n]+/).filter((f) => f.length > 0);
  if (fields.length === 1 && fields[0] === '?') return reply('unrecognised', frame);
  if (fields.length < 1 || fields.length > 2) return rejected('scale.bad-frame', 'an NCI frame holds a weight and a status', frame);
  const status = parseStatus(fields[fields.length - 1] ?? '');
  if (!status) return rejected('scale.unknown-status', `"${fields[fields.length - 1] ?? ''}" is not an NCI status`, frame);
  const forced = statusState(status);
  if (forced) return stateReading(forced, frame, { net: status.net });
  if (fields.length === 1) {
    if (status.motion) return stateReading('motion', frame);
    return status.zero ? stateReading('zero', frame) : reply('status-ok', frame);
  }
  const weight = parseWeightField(fields[0] ?? '');
  if (!weight) return rejected('scale.bad-frame', `"${fields[0] ?? ''}" is not an NCI weight`, frame);
  if ('fill' in weight) return stateReading(weight.fill, frame);
  const unit = parseWeightUnit(weight.unit);
  if (!unit) return rejected('scale.unsupported-unit', `unit "${weight.unit}" is not one we convert exactly`, frame);
  const value = parseDecimal(weight.value);
  if (!value) return rejected('scale.bad-frame', `"${weight.value}" is not a weight`, frame);
  const mg = decimalToMg(value, unit);
  if (mg === null) return rejected('scale.weight-out-of-range', `${weight.value} ${weight.unit} is out of range`, frame);
  const extras = { unit, net: status.net };
  if (status.motion) return motionReading(mg, frame, extras);
  if (status.zero) return stateReading('zero', frame, extras);
  return settledReading(mg, frame, extras);
}

export const NCI_COMMANDS = {
  /** Weight and status. */
  weigh: 'W',
  /** Status only. */
  status: 'S',
  /** Zero the scale, then status. */
  zero: 'Z',
  /** Weight at ten times the resolution. */
  'high-resolution': 'H',
  /** Switch the display unit. */
  'change-units': 'U',
} as const;

export type NciCommand = keyof typeof NCI_COMMANDS;

/** The bytes to write: `nciCommand('weigh')` is "W\r". */
export function nciCommand(command: NciCommand): Uint8Array {
  return asciiBytes(`${NCI_COMMANDS[command]}\r`);
}
