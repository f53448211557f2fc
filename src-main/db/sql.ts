/**
 * SQL is written only through this tag: every interpolation becomes a `?` parameter, so no value
 * can change the statement (reference/electron-style-security.md A3, Signal's `ts/sql/util.std.ts`).
 *
 * A template without interpolations is a constant fragment (`sql\`status IN ('open')\``), so there
 * is no escape hatch for raw text besides `exec` for trusted scripts (migrations).
 *
 * @example
 *   const q = sql`SELECT * FROM orders WHERE number = ${number} AND status IN (${sql.join(statuses)})`;
 */
export type SqlValue = string | number | bigint | null | Uint8Array;

export interface SqlQuery {
  readonly text: string;
  readonly values: readonly SqlValue[];
}

const FRAGMENT = Symbol('sql.fragment');

export interface SqlFragment extends SqlQuery {
  readonly [FRAGMENT]: true;
}

function isFragment(value: unknown): value is SqlFragment {
  return typeof value === 'object' && value !== null && FRAGMENT in value;
}

function assertValue(value: unknown): SqlValue {
  if (value === null || typeof value === 'string' || typeof value === 'bigint' || value instanceof Uint8Array) return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`sql: refusing the non-finite number ${value}`);
    return value;
  }
  throw new TypeError(`sql: refusing a ${value === undefined ? 'undefined' : typeof value} parameter (allowed: string, number, bigint, null, Uint8Array)`);
}

function fragment(text: string, values: readonly SqlValue[]): SqlFragment {
  return { text, values, [FRAGMENT]: true };
}

function append(values: SqlValue[], more: readonly SqlValue[]): void {
  // A loop, not push(...more): a multi-row INSERT can carry more values than a call has arguments.
  for (const v of more) values.push(v);
}

export function sql(strings: TemplateStringsArray, ...params: readonly unknown[]): SqlFragment {
  // Only a real template literal has `raw`: `sql([userText] as never)` must not smuggle text in.
  if (!Array.isArray(strings) || !Array.isArray((strings as { raw?: unknown }).raw)) throw new TypeError('sql must be used as a tagged template');
  let text = strings[0] ?? '';
  const values: SqlValue[] = [];
  params.forEach((param, i) => {
    if (isFragment(param)) {
      text += param.text;
      append(values, param.values);
    } else {
      text += '?';
      values.push(assertValue(param));
    }
    text += strings[i + 1] ?? '';
  });
  return fragment(text, values);
}

/**
 * Joins values (each a parameter) or fragments: `IN (${sql.join(ids)})`, `${sql.join(rows, ' AND ')}`.
 * The separator's type accepts only a string literal, so it cannot carry input either.
 */
sql.join = <S extends string = ', '>(items: readonly unknown[], separator?: string extends S ? never : S): SqlFragment => {
  if (items.length === 0) throw new TypeError('sql.join: an empty list would make invalid SQL');
  const texts: string[] = [];
  const values: SqlValue[] = [];
  for (const item of items) {
    if (isFragment(item)) {
      texts.push(item.text);
      append(values, item.values);
    } else {
      texts.push('?');
      values.push(assertValue(item));
    }
  }
  return fragment(texts.join(separator ?? ', '), values);
};

/** An identifier for the rare dynamic table or column name; it never comes from input. */
export function sqlId(name: string): SqlFragment {
  if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) throw new TypeError(`sqlId: "${name.slice(0, 40)}" is not a plain identifier`);
  return fragment(`"${name}"`, []);
}
