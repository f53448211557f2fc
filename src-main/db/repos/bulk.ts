import type { Queryable } from '../database';
import { sql, type SqlFragment } from '../sql';

/** SQLite (since 3.32) takes at most 32,766 parameters in one statement; stay clear of it. */
const MAX_PARAMETERS = 30_000;
/** Past a few hundred rows a bigger statement saves nothing and costs memory to build. */
const MAX_ROWS = 500;

/**
 * `INSERT INTO … (columns) VALUES (…), (…), …` in as few statements as the limits allow: one
 * round trip to the worker thread per batch instead of per row. `head` is the part before VALUES.
 * Callers wrap large inserts in one transaction (one fsync instead of one per statement).
 */
export async function insertRows(db: Queryable, head: SqlFragment, rows: readonly SqlFragment[]): Promise<void> {
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let parameters = 0;
    while (end < rows.length && end - start < MAX_ROWS && parameters + rows[end]!.values.length <= MAX_PARAMETERS) {
      parameters += rows[end]!.values.length;
      end++;
    }
    if (end === start) throw new RangeError(`insertRows: one row has ${rows[start]!.values.length} values, more than a statement may carry`);
    await db.run(sql`${head} VALUES ${sql.join(rows.slice(start, end))}`);
    start = end;
  }
}
