/**
 * Keyset paging over Medusa's `updated_at`, so a record updated (or dropping out of the filter)
 * while a long pull pages cannot shift the later pages and be skipped: an offset into a list that
 * moves under it loses one row per move, and pull.ts would then move its cursor past it.
 *
 * Medusa 2.21.2 sorts a list by one field only (`order=updated_at`; `prepareListQuery` in
 * @medusajs/framework http/utils/get-query-config.js builds `{ [order]: ASC }` and the order
 * module adds no tie-breaker), so rows sharing a timestamp come back in no fixed order. Hence:
 *
 * - "after" pages start at the last timestamp seen, inclusive (`updated_at[$gte]`), from offset 0,
 *   and drop the rows of that timestamp already returned (their ids travel in the token). The page
 *   is widened by the number of those ids, so it still holds a page of new rows whatever their order.
 * - When one timestamp fills a whole page (a batch written in one transaction), the group of rows
 *   within that millisecond is read on its own (`$gte` at, `$lt` at + 1 ms) sorted by `id`, which is
 *   unique and stable, by offset within the group. Each group page re-reads the last row of the
 *   previous one first; if that anchor is not where it was, rows before it left the group and the
 *   offset would skip, so the group is read again from its start (re-reads are harmless: applying a
 *   record is idempotent). Rows that leave the group were updated, and are read after it.
 *
 * The page token (adapter.ts `Page.next`) is opaque to the engine: base64url JSON of `KeysetState`.
 */
import { z } from 'zod';
import type { SyncResult } from '../adapter';

const IdList = z.array(z.string().min(1).max(200)).max(1_000);
const Instant = z.iso.datetime({ offset: true });

const KeysetStateSchema = z.discriminatedUnion('mode', [
  /** Rows at or after `at`, minus `seen` (the ids already returned whose updated_at is `at`). */
  z.strictObject({ mode: z.literal('after'), at: Instant, seen: IdList }),
  /** Rows within the millisecond `at` by id, from `offset`; `last` is the anchor re-read first. */
  z.strictObject({ mode: z.literal('group'), at: Instant, offset: z.number().int().min(0).max(10_000_000), last: z.string().min(1).max(200).nullable(), seen: IdList }),
]);
export type KeysetState = z.infer<typeof KeysetStateSchema>;

/** The paging part of one list request; the caller adds its own filters. */
export interface KeysetQuery {
  readonly order: 'updated_at' | 'id';
  readonly offset: number;
  readonly limit: number;
  readonly 'updated_at[$gte]'?: string;
  readonly 'updated_at[$lt]'?: string;
}

export interface KeysetRow {
  readonly id: string;
  readonly updated_at: string;
}

export interface KeysetAnswer<R extends KeysetRow> {
  readonly rows: readonly R[];
  /** Medusa's `count`: every row matching the request's filters, ignoring offset and limit. */
  readonly count: number;
}

export function encodeToken(state: KeysetState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

/** null (start at `since`) for no token or one this version cannot read: re-reading is harmless. */
export function decodeToken(token: string | null): KeysetState | null {
  if (token === null || token.length > 100_000) return null;
  try {
    const parsed = KeysetStateSchema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);
const nextMillisecond = (at: string) => new Date(Date.parse(at) + 1).toISOString();

/** The state a request is made from: an "after" state whose timestamp filled a page is read as a group. */
function effective(state: KeysetState | null, pageSize: number): KeysetState | null {
  if (state?.mode === 'after' && state.seen.length >= pageSize) return { mode: 'group', at: state.at, offset: 0, last: null, seen: state.seen };
  return state;
}

export function planQuery(state: KeysetState | null, since: string | null, pageSize: number): KeysetQuery {
  if (state === null) return { order: 'updated_at', offset: 0, limit: pageSize, ...(since === null ? {} : { 'updated_at[$gte]': since }) };
  if (state.mode === 'after') return { order: 'updated_at', offset: 0, limit: pageSize + state.seen.length, 'updated_at[$gte]': state.at };
  const anchored = state.last !== null && state.offset > 0;
  return {
    order: 'id',
    offset: anchored ? state.offset - 1 : state.offset,
    limit: pageSize + (anchored ? 1 : 0),
    'updated_at[$gte]': state.at,
    'updated_at[$lt]': nextMillisecond(state.at),
  };
}

type Outcome<R> = { readonly kind: 'page'; readonly fresh: R[]; readonly next: KeysetState | null } | { readonly kind: 'restart-group'; readonly state: KeysetState };

function readAfter<R extends KeysetRow>(state: Extract<KeysetState, { mode: 'after' }> | null, answer: KeysetAnswer<R>, limit: number): Outcome<R> {
  const seen = new Set(state?.seen ?? []);
  const fresh = answer.rows.filter((row) => !(state && seen.has(row.id) && sameInstant(row.updated_at, state.at)));
  const last = answer.rows.at(-1);
  // An answer short of the limit holds everything from `at` on; no fresh row means no progress either.
  if (!last || fresh.length === 0 || answer.rows.length >= answer.count || answer.rows.length < limit) return { kind: 'page', fresh, next: null };
  const atLast = answer.rows.filter((row) => sameInstant(row.updated_at, last.updated_at)).map((row) => row.id);
  const carried = state && sameInstant(state.at, last.updated_at) ? state.seen : [];
  return { kind: 'page', fresh, next: { mode: 'after', at: last.updated_at, seen: [...new Set([...carried, ...atLast])] } };
}

function readGroup<R extends KeysetRow>(state: Extract<KeysetState, { mode: 'group' }>, query: KeysetQuery, answer: KeysetAnswer<R>): Outcome<R> {
  const anchored = state.last !== null && state.offset > 0;
  if (anchored && answer.rows[0]?.id !== state.last) return { kind: 'restart-group', state: { ...state, offset: 0, last: null } };
  const body = anchored ? answer.rows.slice(1) : [...answer.rows];
  const seen = new Set(state.seen);
  const fresh = body.filter((row) => !seen.has(row.id));
  const offset = state.offset + body.length;
  const last = body.at(-1);
  if (!last || offset >= answer.count || answer.rows.length < query.limit) return { kind: 'page', fresh, next: { mode: 'after', at: nextMillisecond(state.at), seen: [] } };
  return { kind: 'page', fresh, next: { ...state, offset, last: last.id } };
}

/**
 * One page: plans the request, `list` makes it with the caller's filters, and the answer becomes
 * the rows not returned before plus the next token. At most two requests (a group read again).
 */
export async function keysetPage<R extends KeysetRow>(
  token: string | null,
  since: string | null,
  pageSize: number,
  list: (query: KeysetQuery) => Promise<SyncResult<KeysetAnswer<R>>>,
): Promise<SyncResult<{ readonly rows: R[]; readonly next: string | null }>> {
  let state = effective(decodeToken(token), pageSize);
  for (let attempt = 0; attempt < 2; attempt++) {
    const query = planQuery(state, since, pageSize);
    const answer = await list(query);
    if (!answer.ok) return answer;
    const outcome = state?.mode === 'group' ? readGroup(state, query, answer.value) : readAfter(state, answer.value, query.limit);
    if (outcome.kind === 'restart-group') {
      state = outcome.state;
      continue;
    }
    return { ok: true, value: { rows: outcome.fresh, next: outcome.next === null ? null : encodeToken(outcome.next) } };
  }
  // Unreachable: a group read from its start has no anchor to miss.
  return { ok: false, code: 'sync.malformed-response', message: 'Medusa paging: the group could not be read', retryable: true };
}
