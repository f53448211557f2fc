/**
 * Folds a name for accent- and case-insensitive search, exactly as migration 0006 folds the
 * `customer_folded` columns in SQL: ASCII upper case to lower, each accented Latin-1 letter to its
 * base letter, combining marks (names stored decomposed) dropped, everything else kept. The two must
 * agree character by character (0006's test checks it), which is why this is a table and not
 * `normalize('NFD')`: SQLite cannot fold a letter the table does not name.
 */
const LETTERS: Readonly<Record<string, string>> = {
  'À': 'a', 'Á': 'a', 'Â': 'a', 'Ã': 'a', 'Ä': 'a', 'Å': 'a', 'à': 'a', 'á': 'a',
  'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'È': 'e', 'É': 'e', 'Ê': 'e', 'Ë': 'e',
  'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'Ì': 'i', 'Í': 'i', 'Î': 'i', 'Ï': 'i',
  'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'Ò': 'o', 'Ó': 'o', 'Ô': 'o', 'Õ': 'o',
  'Ö': 'o', 'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'Ù': 'u', 'Ú': 'u',
  'Û': 'u', 'Ü': 'u', 'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'Ñ': 'n', 'ñ': 'n',
  'Ç': 'c', 'ç': 'c', 'Ý': 'y', 'ý': 'y', 'ÿ': 'y',
};

/** Grave, acute, circumflex, tilde, macron, breve, dot, diaeresis, ring, double acute, caron, cedilla, ogonek. */
const MARKS: ReadonlySet<number> = new Set([0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0306, 0x0307, 0x0308, 0x030a, 0x030b, 0x030c, 0x0327, 0x0328]);

/** The letters the fold changes (for the migration's agreement test). */
export const FOLDED_LETTERS: readonly string[] = Object.keys(LETTERS);
export const DROPPED_MARKS: readonly number[] = [...MARKS];

export function foldForSearch(text: string): string {
  let out = '';
  for (const ch of text) {
    if (MARKS.has(ch.codePointAt(0)!)) continue;
    out += LETTERS[ch] ?? (ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch);
  }
  return out;
}
