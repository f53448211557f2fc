/**
 * The scale's side of each protocol: frames as a scale would send them. For the scale simulators
 * (demo mode, socat end-to-end tests) and for generating test frames; checked byte for byte against
 * the recorded vectors in device-protocols.md.
 */
import { asciiBytes, CR, EOT, ETX, SOH, STX } from './ascii';
import { casBcc } from './cas';
import { toledoChecksum } from './toledo-continuous';

export function hex(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** HID Scale Data Report: report 3, status, unit index, exponent, weight little-endian. */
export function hidScaleReport(status: number, unitIndex: number, exponent: number, weight: number): Uint8Array {
  return Uint8Array.of(0x03, status, unitIndex, exponent & 0xff, weight & 0xff, (weight >> 8) & 0xff);
}

/** An MT-SICS reply line with CR LF: `sicsLine('S S', '100.00', 'g')` is "S S 100.00 g\r\n". */
export function sicsLine(...fields: readonly string[]): Uint8Array {
  return asciiBytes(`${fields.join(' ')}\r\n`);
}

/** NCI reply to `W`: LF weight CR LF status CR ETX (status alone when `weight` is null). */
export function nciFrame(weight: string | null, status: string): Uint8Array {
  return asciiBytes(weight === null ? `\n${status}\r\x03` : `\n${weight}\r\n${status}\r\x03`);
}

/** CAS ECR reply to DC1: SOH STX STA SIGN W5..W0 UN1 UN2 BCC ETX EOT. `weight` is 6 chars, `unit` 2. */
export function casEcrFrame(sta: 'S' | 'U', sign: ' ' | '-' | 'F', weight: string, unit: string): Uint8Array {
  const data = asciiBytes(`${sta}${sign}${weight}${unit}`);
  return concatBytes(Uint8Array.of(SOH, STX), data, Uint8Array.of(casBcc(data, 0, data.length), ETX, EOT));
}

/** CAS 22-byte stream line: "ST,GS,1<lamp>,000013.5 kg\r\n". */
export function casStreamLine(head: 'ST' | 'US' | 'OL', mode: 'GS' | 'NT', deviceId: string, lamp: number, weight: string, unit: string): Uint8Array {
  return concatBytes(asciiBytes(`${head},${mode},${deviceId}`), Uint8Array.of(lamp), asciiBytes(`,${weight} ${unit}\r\n`));
}

export interface ToledoFrameSpec {
  readonly swa: number;
  readonly swb: number;
  readonly swc: number;
  /** Six characters. */
  readonly weight: string;
  /** Six characters, or absent for the short frame. */
  readonly tare?: string;
  readonly checksum: boolean;
  /** Put a parity bit in bit 7 of every byte, as a 7E1/7O1 line read 8N1 shows it. */
  readonly parity?: 'even' | 'odd';
}

function withParity(b: number, parity: 'even' | 'odd'): number {
  let ones = 0;
  for (let v = b & 0x7f; v; v >>= 1) ones += v & 1;
  const bit = parity === 'even' ? ones & 1 : (ones & 1) ^ 1;
  return (b & 0x7f) | (bit << 7);
}

/** Toledo continuous: STX SWA SWB SWC weight [tare] CR [CHK]. */
export function toledoFrame(spec: ToledoFrameSpec): Uint8Array {
  const body = concatBytes(Uint8Array.of(STX, spec.swa, spec.swb, spec.swc), asciiBytes(spec.weight + (spec.tare ?? '')), Uint8Array.of(CR));
  const frame = spec.checksum ? concatBytes(body, Uint8Array.of(toledoChecksum(body))) : body;
  const parity = spec.parity;
  return parity ? frame.map((b) => withParity(b, parity)) : frame;
}
