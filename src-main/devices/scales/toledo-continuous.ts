/**
 * Toledo continuous output (8142 / 8530 format, emitted by many indicators): device-protocols.md §2.4
 * ([S20] Rockwell, Mettler Toledo IND, Wildcat, Rice Lake, Fairbanks, Cardinal).
 *
 *   STX SWA SWB SWC <6 digits weight> [<6 digits tare>] CR [CHK]
 *
 * No decimal point or unit in the digits: SWA bits 0–2 place the decimal point, SWB bit 4 says kg/lb,
 * SWC bit 0 grams. CHK = two's complement of the sum of the low 7 bits of STX..CR. Tare and checksum
 * are indicator settings; by default both are detected per frame, and a station that knows its
 * indicator should pin them (`tare`, `checksum`), which makes every single-byte corruption of a
 * checksummed frame detectable (see toledo-continuous.test.ts).
 */
import { decimalToMg, type WeightUnit } from '../../../src-shared/units/weight';
import { CR, STX } from './ascii';
import { ScanningSplitter, type FrameMatcher, type FrameSplitter } from './frame-splitter';
import { motionReading, rejected, settledReading, stateReading, type ScaleDecoded } from './types';

export interface ToledoOptions {
  /** Weight and tare (17 bytes to CR) or weight only (11); `auto` takes either. */
  readonly tare?: 'auto' | 'with' | 'without';
  /** The checksum byte after CR: `auto` verifies it when present. */
  readonly checksum?: 'auto' | 'required' | 'absent';
  /**
   * Bit 7 of every byte. `none`: always 0 (the port reads 7 data bits); `even` / `odd`: the parity
   * bit of 7E1 / 7O1 read through an 8-bit port; `auto`: any of those three, consistent over the
   * frame; `ignore`: not checked (gives up the protection for bit 7, which the checksum does not cover).
   */
  readonly parity?: 'auto' | 'none' | 'even' | 'odd' | 'ignore';
}

const SHORT = 11; // STX + 3 status + 6 weight + CR
const LONG = 17; // … + 6 tare
const SEVEN_BITS = 0x7f;

const low7 = (bytes: Uint8Array, i: number): number => (bytes[i] ?? 0) & SEVEN_BITS;

/** The checksum a frame `bytes[from, to)` (STX..CR) must carry: low 7 bits of the negated sum. */
export function toledoChecksum(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += low7(bytes, i);
  return -sum & SEVEN_BITS;
}

function toledoMatcher(options: ToledoOptions): FrameMatcher {
  const shortAllowed = (options.tare ?? 'auto') !== 'with';
  const longAllowed = (options.tare ?? 'auto') !== 'without';
  const checksum = options.checksum ?? 'auto';
  return (bytes, at, end, final) => {
    if (low7(bytes, at) !== STX) return -1;
    let length = 0;
    if (shortAllowed) {
      if (at + SHORT > end) return 0;
      if (low7(bytes, at + SHORT - 1) === CR) length = SHORT;
    }
    if (!length && longAllowed) {
      if (at + LONG > end) return 0;
      if (low7(bytes, at + LONG - 1) === CR) length = LONG;
    }
    if (!length) return -1;
    if (checksum === 'absent') return length;
    const next = at + length;
    if (next >= end) return final && checksum === 'auto' ? length : 0;
    if (checksum === 'required' || low7(bytes, next) !== STX) return length + 1;
    // The byte after CR looks like the next frame's STX. In a stream without checksums the byte after
    // it is that frame's SWA (never STX); so STX followed by STX, or by the end of input, is this
    // frame's checksum (a checksum that happens to be 0x02) and goes to the decoder to be verified.
    if (next + 1 >= end) return final ? length + 1 : 0;
    return low7(bytes, next + 1) === STX ? length + 1 : length;
  };
}

export function createToledoSplitter(options: ToledoOptions = {}): FrameSplitter {
  return new ScanningSplitter(toledoMatcher(options));
}

function parityHolds(frame: Uint8Array, mode: NonNullable<ToledoOptions['parity']>): boolean {
  if (mode === 'ignore') return true;
  let clear = true;
  let even = true;
  let odd = true;
  for (const b of frame) {
    let ones = b & SEVEN_BITS;
    ones ^= ones >> 4;
    ones ^= ones >> 2;
    ones ^= ones >> 1;
    const bit7 = b >> 7;
    const evenBit = ones & 1;
    if (bit7) clear = false;
    if (bit7 !== evenBit) even = false;
    if (bit7 === evenBit) odd = false;
  }
  if (mode === 'none') return clear;
  if (mode === 'even') return even;
  if (mode === 'odd') return odd;
  return clear || even || odd;
}

/** SWA bits 0–2 → power of ten of the last digit: 000 XXXX00 … 010 XXXXXX … 111 X.XXXXX. */
const DECIMAL_EXPONENT = [2, 1, 0, -1, -2, -3, -4, -5] as const;

/** Six digits, leading blanks allowed; null if anything else is there. */
function digitsValue(frame: Uint8Array, from: number): bigint | null {
  let value = 0;
  let seenDigit = false;
  for (let i = from; i < from + 6; i++) {
    const c = low7(frame, i);
    if (c === 0x20 && !seenDigit) continue;
    if (c < 0x30 || c > 0x39) return null;
    seenDigit = true;
    value = value * 10 + (c - 0x30);
  }
  return seenDigit ? BigInt(value) : null;
}

function frameShapeError(frame: Uint8Array, options: ToledoOptions): string | null {
  const length = frame.length;
  const crAt = length === SHORT || length === SHORT + 1 ? SHORT - 1 : length === LONG || length === LONG + 1 ? LONG - 1 : -1;
  if (crAt < 0) return `a Toledo frame is 11, 12, 17 or 18 bytes, got ${length}`;
  if (low7(frame, 0) !== STX || low7(frame, crAt) !== CR) return 'a Toledo frame runs from STX to CR';
  const hasTare = crAt === LONG - 1;
  const hasChecksum = length === crAt + 2;
  if ((options.tare === 'with' && !hasTare) || (options.tare === 'without' && hasTare)) return 'tare field not as configured';
  if ((options.checksum === 'required' && !hasChecksum) || (options.checksum === 'absent' && hasChecksum)) return 'checksum not as configured';
  return null;
}

/** Decodes one frame (STX to CR, plus the checksum byte if the indicator sends one). Never throws. */
export function decodeToledoFrame(frame: Uint8Array, options: ToledoOptions = {}): ScaleDecoded {
  const shapeError = frameShapeError(frame, options);
  if (shapeError) return rejected('scale.bad-frame', shapeError, frame);
  if (!parityHolds(frame, options.parity ?? 'auto')) return rejected('scale.bad-parity', 'bit 7 does not match the parity setting', frame);
  const crAt = frame.length >= LONG ? LONG - 1 : SHORT - 1;
  if (frame.length === crAt + 2 && ((toledoChecksum(frame, 0, crAt + 1) - low7(frame, crAt + 1)) & SEVEN_BITS) !== 0) {
    return rejected('scale.bad-checksum', 'checksum does not match STX..CR', frame);
  }
  const [swa, swb, swc] = [low7(frame, 1), low7(frame, 2), low7(frame, 3)];
  if ((swa & 0x60) !== 0x20 || (swa & 0x18) === 0) return rejected('scale.bad-frame', 'status word A has bit 5 set, bit 6 clear and an increment', frame);
  // SWC bit 0 is grams on some indicators; bits 1–2 mean other units on others. Refuse to guess.
  if (swc & 0x06) return rejected('scale.unsupported-unit', `status word C ${swc} names a unit we do not know`, frame);
  const unit: WeightUnit = swc & 0x01 ? 'g' : swb & 0x10 ? 'kg' : 'lb';
  const net = (swb & 0x01) !== 0;
  const negative = (swb & 0x02) !== 0;
  if (swb & 0x40) return stateReading('needs-rezero', frame, { unit, net }); // power-up, not zeroed
  if (swb & 0x04) return stateReading(negative ? 'under' : 'over', frame, { unit, net });

  const exponent = DECIMAL_EXPONENT[swa & 0x07] ?? 0;
  const weight = digitsValue(frame, 4);
  const tare = crAt === LONG - 1 ? digitsValue(frame, 10) : 0n;
  if (weight === null || tare === null) return rejected('scale.bad-frame', 'weight and tare are six digits', frame);
  const mg = decimalToMg({ coefficient: negative ? -weight : weight, exponent }, unit);
  const tareMg = crAt === LONG - 1 ? decimalToMg({ coefficient: tare, exponent }, unit) : undefined;
  if (mg === null || tareMg === null) return rejected('scale.weight-out-of-range', 'weight out of range', frame);
  const extras = { unit, net, tareMg };
  return swb & 0x08 ? motionReading(mg, frame, extras) : settledReading(mg, frame, extras);
}
