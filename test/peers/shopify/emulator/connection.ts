/**
 * Relay-style connections as Shopify serves them: first/last up to 250 (store-platforms.md §1.11),
 * opaque cursors, pageInfo. Cursors here are base64 of the sort key, so the next page continues
 * after the last item even when records change in between.
 */
import { GraphQLError } from 'graphql';

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  reverse?: boolean | null;
}

const encode = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');
const decode = (cursor: string): string => {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (encode(key) !== cursor) throw new GraphQLError('Invalid cursor for current pagination sort.', { extensions: { code: 'BAD_REQUEST' } });
  return key;
};

/** `items` must already be sorted by `keyOf`, ascending. */
export function connection<T, V>(items: readonly T[], args: ConnectionArgs, keyOf: (item: T) => string, view: (item: T) => V) {
  const size = args.first ?? args.last;
  if (size === undefined || size === null) throw new GraphQLError('you must provide one of first or last', { extensions: { code: 'BAD_REQUEST' } });
  if (size < 0 || size > 250) throw new GraphQLError(`The first or last argument must be between 0 and 250 (got ${size}).`, { extensions: { code: 'BAD_REQUEST' } });
  let list = args.reverse ? [...items].reverse() : [...items];
  if (args.after) {
    const after = decode(args.after);
    const index = list.findIndex((i) => (args.reverse ? keyOf(i) < after : keyOf(i) > after));
    list = index < 0 ? [] : list.slice(index);
  }
  const page = list.slice(0, size);
  const views = page.map(view);
  const last = page.at(-1);
  const first = page[0];
  return {
    nodes: views,
    edges: page.map((item, i) => ({ cursor: encode(keyOf(item)), node: views[i] })),
    pageInfo: {
      hasNextPage: list.length > page.length,
      hasPreviousPage: Boolean(args.after),
      startCursor: first ? encode(keyOf(first)) : null,
      endCursor: last ? encode(keyOf(last)) : null,
    },
  };
}

/** A sort key from a time and an id that orders like (time, id). */
export const timeIdKey = (iso: string, id: number): string => `${String(Date.parse(iso)).padStart(15, '0')}:${String(id).padStart(20, '0')}`;
export const idKey = (id: number): string => String(id).padStart(20, '0');
