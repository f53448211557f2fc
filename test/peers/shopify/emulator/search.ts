/**
 * The subset of Shopify's search syntax the adapter uses (store-platforms.md §1.4, §1.10):
 * `field:value`, `field:>='iso'` (and >, <, <=), `-field:value`, terms joined by AND.
 * Anything else is refused loudly, so a query the emulator cannot honour never passes silently.
 */
export interface Term {
  readonly field: string;
  readonly op: ':' | '>' | '>=' | '<' | '<=';
  readonly value: string;
  readonly negated: boolean;
}

const TERM = /^(-?)([a-z_]+):(>=|<=|>|<)?('([^']*)'|"([^"]*)"|([^\s'"]+))$/;

export function parseSearch(query: string | null | undefined): Term[] {
  if (!query || !query.trim()) return [];
  return query
    .trim()
    .split(/\s+AND\s+/)
    .map((raw) => {
      const m = TERM.exec(raw.trim());
      if (!m) throw new Error(`emulator: unsupported search term ${JSON.stringify(raw)}`);
      return { negated: m[1] === '-', field: m[2]!, op: (m[3] ?? ':') as Term['op'], value: m[5] ?? m[6] ?? m[7]! };
    });
}

export function compare(actual: string, term: Term): boolean {
  switch (term.op) {
    case ':':
      return actual.toLowerCase() === term.value.toLowerCase();
    case '>':
      return actual > term.value;
    case '>=':
      return actual >= term.value;
    case '<':
      return actual < term.value;
    case '<=':
      return actual <= term.value;
  }
}

/** Timestamps compare as instants, whatever their offset notation. */
export function compareTime(actualIso: string, term: Term): boolean {
  const a = Date.parse(actualIso);
  const b = Date.parse(term.value);
  if (Number.isNaN(b)) throw new Error(`emulator: not a time ${term.value}`);
  return compare(String(a).padStart(16, '0'), { ...term, value: String(b).padStart(16, '0') });
}
