/** Control characters the serial scale protocols frame with. */
export const SOH = 0x01;
export const STX = 0x02;
export const ETX = 0x03;
export const EOT = 0x04;
export const ENQ = 0x05;
export const ACK = 0x06;
export const LF = 0x0a;
export const CR = 0x0d;
export const DC1 = 0x11;
export const NAK = 0x15;

/** `bytes[from, to)` as text, one character per byte, each byte first masked (0x7f drops a parity bit). */
export function asciiText(bytes: Uint8Array, from = 0, to = bytes.length, mask = 0xff): string {
  let text = '';
  for (let i = from; i < to; i++) text += String.fromCharCode((bytes[i] ?? 0) & mask);
  return text;
}

/** A command as bytes; commands are plain ASCII. */
export function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0x7f;
  return bytes;
}

/** True when every byte of `bytes[from, to)` is printable ASCII (space to tilde). */
export function isPrintable(bytes: Uint8Array, from = 0, to = bytes.length, mask = 0xff): boolean {
  for (let i = from; i < to; i++) {
    const b = (bytes[i] ?? 0) & mask;
    if (b < 0x20 || b > 0x7e) return false;
  }
  return true;
}
