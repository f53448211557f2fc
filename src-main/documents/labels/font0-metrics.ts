/**
 * Widths of the printer's scalable font (Zebra font 0 and TSPL font "0", CG Triumvirate Bold
 * Condensed) as fractions of the character width parameter, measured on zpl-renderer-js output at
 * 100 dots for every printable ASCII character (its hyphen is an en dash, 0.79: a real printer's is
 * narrower, so text there is a little shorter than planned, never longer). Accented letters take
 * their base letter's width; anything else (other scripts, emoji) counts as a full em.
 */
const WIDTH_CLASSES: readonly (readonly [width: number, chars: string])[] = [
  [0.25, " \\|'"],
  [0.29, 'Iijl:;ft{}/'],
  [0.34, '!"(),.[]`r'],
  [0.4, 'z°'],
  [0.45, 'Jcksvxy'],
  [0.5, '0123456789#$*+<=>?^_~EFLTZabdeghnopqu·'],
  [0.56, 'ABCKPSVXY'],
  [0.61, 'DGHNOQRU'],
  [0.67, '&w'],
  [0.79, '-Mm'],
  [0.84, '%@W'],
];
const WIDTHS = new Map<string, number>(WIDTH_CLASSES.flatMap(([width, chars]) => [...chars].map((c) => [c, width] as const)));
const UNKNOWN = 1;
const SAFETY = 1.02;

function charWidth(c: string): number {
  return WIDTHS.get(c) ?? WIDTHS.get(c.normalize('NFD')[0] ?? c) ?? UNKNOWN;
}

/** Estimated width in dots of `text` at character width `w` dots. */
export function font0Width(text: string, w: number): number {
  let units = 0;
  for (const c of text) units += charWidth(c);
  return units * w * SAFETY;
}

export interface FittedText {
  readonly text: string;
  /** Character height and width parameters in dots (`^A0N,h,w`). */
  readonly height: number;
  readonly width: number;
}

/** Narrowest the text is squeezed before it is cut: below ~60 % condensed type blurs at a metre. */
const MIN_WIDTH_RATIO = 0.6;
const ELLIPSIS = '...';

/**
 * Fits `text` at height `h` into `maxWidth` dots: full width when it fits, narrower characters when
 * that is enough, otherwise the narrowest characters and the text cut with "...".
 */
export function fitFont0(text: string, h: number, maxWidth: number): FittedText {
  const full = font0Width(text, h);
  if (full <= maxWidth) return { text, height: h, width: h };
  const squeezed = Math.floor((h * maxWidth) / full);
  if (squeezed >= Math.ceil(h * MIN_WIDTH_RATIO)) return { text, height: h, width: squeezed };
  const w = Math.ceil(h * MIN_WIDTH_RATIO);
  const chars = [...text];
  while (chars.length > 0 && font0Width(chars.join('') + ELLIPSIS, w) > maxWidth) chars.pop();
  return { text: chars.join('').trimEnd() + ELLIPSIS, height: h, width: w };
}
