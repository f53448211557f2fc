import type { Queryable } from '../database';
import { sql } from '../sql';

/** The high-water mark of a pull: the newest platform updated-at seen for (platform, resource). */
export async function getCursor(db: Queryable, platform: string, resource: string): Promise<string | null> {
  return (await db.get<{ cursor: string }>(sql`SELECT cursor FROM sync_cursors WHERE platform = ${platform} AND resource = ${resource}`))?.cursor ?? null;
}

/** Moves the mark forward only: an older value (a slow overlapping pull) never winds it back. */
export async function advanceCursor(db: Queryable, platform: string, resource: string, cursor: string, nowIso: string): Promise<void> {
  await db.run(sql`INSERT INTO sync_cursors (platform, resource, cursor, updated_at) VALUES (${platform}, ${resource}, ${cursor}, ${nowIso})
    ON CONFLICT (platform, resource) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at
    WHERE excluded.cursor > sync_cursors.cursor`);
}

export async function listCursors(db: Queryable, platform: string): Promise<{ resource: string; cursor: string; updatedAt: string }[]> {
  return db.all(sql`SELECT resource, cursor, updated_at AS updatedAt FROM sync_cursors WHERE platform = ${platform} ORDER BY resource`);
}
