/**
 * GS1 character sets as bit flags per ASCII code, built once: N digits, X CSET 82 (the set allowed
 * in AI data such as batch and serial), Y CSET 39 (CPID), Z CSET 64 (file-safe base64 of AI 8030).
 */
export const CHARSET_BITS = { N: 1, X: 2, Y: 4, Z: 8 } as const;

const TABLE = new Uint8Array(128);
const mark = (chars: string, bit: number): void => {
  for (let i = 0; i < chars.length; i++) TABLE[chars.charCodeAt(i)]! |= bit;
};
const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
mark(DIGITS, CHARSET_BITS.N);
mark(DIGITS + UPPER + LOWER + '!"%&\'()*+,-./:;<=>?_', CHARSET_BITS.X);
mark(DIGITS + UPPER + '#-/', CHARSET_BITS.Y);
mark(DIGITS + UPPER + LOWER + '-_=', CHARSET_BITS.Z);

/** Index of the first character of `text[from, to)` outside the set, or −1 when all belong. */
export function firstOutside(text: string, from: number, to: number, bit: number): number {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || (TABLE[code]! & bit) === 0) return i;
  }
  return -1;
}

/** How a character reads in an error message: printable as is, control characters as \xNN. */
export function showChar(text: string, at: number): string {
  const code = text.codePointAt(at) ?? 0;
  return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : String.fromCodePoint(code);
}
