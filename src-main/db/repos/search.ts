/**
 * The LIKE pattern for "contains what was typed in the search box", or null for an empty box. `%`,
 * `_` and `\` typed by a person match literally; use with `ESCAPE '\'`.
 */
export function containsPattern(search: string | undefined): string | null {
  const text = search?.trim();
  if (!text) return null;
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
