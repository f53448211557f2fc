import { foldForSearch } from './search-fold';

/**
 * The LIKE pattern for "contains what was typed in the search box", or null for an empty box. `%`,
 * `_` and `\` typed by a person match literally; use with `ESCAPE '\'`.
 */
export function containsPattern(search: string | undefined): string | null {
  const text = search?.trim();
  if (!text) return null;
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

/** The same for a name searched through a `customer_folded` column (migration 0006): accents and case ignored. */
export function foldedContainsPattern(search: string | undefined): string | null {
  return containsPattern(search === undefined ? undefined : foldForSearch(search));
}
