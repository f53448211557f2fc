/**
 * Mettler Toledo MT-SICS: ASCII lines ending CR LF both ways; a reply is `<ID> <status> [data…]`,
 * split on spaces (column widths differ between balances). device-protocols.md §2.1 ([S13]–[S15]).
 *
 *   S S     100.00 g   stable weight           S D 1.234 g   dynamic (moving) weight
 *   S I                not possible now        S + / S -     overload / underload
 *   ES / ET / EL       syntax / transmission / logical error
 */
import { parseDecimal, parseWeightUnit, decimalToMg } from '../../../src-shared/units/weight';
import { asciiBytes, asciiText, CR, isPrintable, LF } from './ascii';
import { IGNORE_BYTE, ScanningSplitter, type FrameMatcher, type FrameSplitter } from './frame-splitter';
import { motionReading, rejected, reply, settledReading, stateReading, type ScaleDecoded } from './types';

/** Longest line we wait for; the longest weight reply is far shorter. */
const MAX_LINE = 128;

/** A line starts at a printable byte and runs to CR or LF (a CR LF pair is one terminator). */
export const sicsMatcher: FrameMatcher = (bytes, at, end) => {
  const first = bytes[at] ?? 0;
  if (first === CR || first === LF) return IGNORE_BYTE;
  if (first < 0x20 || first > 0x7e) return -1;
  const limit = Math.min(end, at + MAX_LINE);
  for (let i = at + 1; i < limit; i++) {
    const b = bytes[i];
    if (b === CR || b === LF) return b === CR && i + 1 < end && bytes[i + 1] === LF ? i - at + 2 : i - at + 1;
  }
  return limit - at >= MAX_LINE ? -MAX_LINE : 0;
};

export function createSicsSplitter(): FrameSplitter {
  return new ScanningSplitter(sicsMatcher);
}

/** Reply IDs that carry a weight: S, SI, SIR answer as "S"; SU, SUI, SUR (display unit) as "SU". */
const WEIGHT_REPLY_IDS = new Set(['S', 'SI', 'SIR', 'SU', 'SUI', 'SUR']);
const COMMAND_ID = /^[A-Z@][A-Z0-9]{0,7}$/;

function decodeWeight(fields: readonly string[], moving: boolean, raw: Uint8Array): ScaleDecoded {
  // "S S 100.00 g"; tolerate a sign written apart from the digits ("S S - 1.00 g").
  const signed = fields.length === 5 && (fields[2] === '-' || fields[2] === '+');
  if (fields.length !== 4 && !signed) return rejected('scale.bad-frame', 'a weight reply is "S S <value> <unit>"', raw);
  const valueText = signed ? `${fields[2]}${fields[3]}` : (fields[2] ?? '');
  const unitText = fields[fields.length - 1] ?? '';
  const value = parseDecimal(valueText);
  if (!value) return rejected('scale.bad-frame', `"${valueText}" is not a weight`, raw);
  const unit = parseWeightUnit(unitText);
  if (!unit) return rejected('scale.unsupported-unit', `unit "${unitText}" is not one we convert exactly`, raw);
  const mg = decimalToMg(value, unit);
  if (mg === null) return rejected('scale.weight-out-of-range', `${valueText} ${unitText} is out of range`, raw);
  return moving ? motionReading(mg, raw, { unit }) : settledReading(mg, raw, { unit });
}

function decodeWeightReply(fields: readonly string[], raw: Uint8Array): ScaleDecoded {
  switch (fields[1]) {
    case 'S':
      return decodeWeight(fields, false, raw);
    case 'D':
      return decodeWeight(fields, true, raw);
    case 'I': // understood, not executable now: typically no stable value within the timeout
      return fields.length === 2 ? stateReading('motion', raw) : rejected('scale.bad-frame', '"S I" carries no data', raw);
    case '+':
      return fields.length === 2 ? stateReading('over', raw) : rejected('scale.bad-frame', '"S +" carries no data', raw);
    case '-':
      return fields.length === 2 ? stateReading('under', raw) : rejected('scale.bad-frame', '"S -" carries no data', raw);
    case 'L':
      return reply('error', raw, fields[0]);
    default:
      return rejected('scale.unknown-status', `unknown weight reply status "${fields[1] ?? ''}"`, raw);
  }
}

const REPLY_KIND: Readonly<Record<string, 'executed' | 'not-executable' | 'error'>> = {
  A: 'executed',
  B: 'executed',
  S: 'executed',
  D: 'executed',
  I: 'not-executable',
  L: 'error',
  '+': 'error',
  '-': 'error',
};

/** Decodes one reply line (terminator included or not). `raw` in the result is `line` itself. Never throws. */
export function decodeSicsLine(line: Uint8Array): ScaleDecoded {
  let to = line.length;
  while (to > 0 && (line[to - 1] === CR || line[to - 1] === LF)) to--;
  if (to === 0 || !isPrintable(line, 0, to)) return rejected('scale.bad-frame', 'an MT-SICS reply is one line of printable ASCII', line);
  const fields = asciiText(line, 0, to).trim().split(/ +/);
  const id = fields[0] ?? '';
  if ((id === 'ES' || id === 'ET' || id === 'EL') && fields.length === 1) return reply('error', line);
  if (WEIGHT_REPLY_IDS.has(id) && fields.length >= 2) return decodeWeightReply(fields, line);
  const kind = REPLY_KIND[fields[1] ?? ''];
  if (COMMAND_ID.test(id) && kind) return reply(kind, line, id);
  return rejected('scale.bad-frame', 'not an MT-SICS reply', line);
}

export const SICS_COMMANDS = {
  /** Stable weight: waits for stability (or answers "S I" on timeout). */
  'stable-weight': 'S',
  /** Weight now, stable or not ("S S" or "S D"). */
  'immediate-weight': 'SI',
  /** Weight now and after every change, until another command. */
  'repeat-weight': 'SIR',
  zero: 'Z',
  'zero-immediately': 'ZI',
  tare: 'T',
  'tare-immediately': 'TI',
  'clear-tare': 'TAC',
  /** Reset; answers with the serial number line (I4), not with "@". */
  reset: '@',
} as const;

export type SicsCommand = keyof typeof SICS_COMMANDS;

/** The bytes to write for a command: `sicsCommand('zero')` is "Z\r\n". */
export function sicsCommand(command: SicsCommand): Uint8Array {
  return asciiBytes(`${SICS_COMMANDS[command]}\r\n`);
}
