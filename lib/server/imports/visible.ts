/**
 * What readers see of the imports: positions of completed imports only, so a running, cancelled,
 * failed or interrupted import (whose rows may still be on disk) is invisible. A reader who is not
 * signed in sees, like everywhere else, published records only: the tracks and events of published
 * vessels, from imports whose source record has been published.
 */
import 'server-only';
import type { Visibility } from '@/lib/core/domain/records';
import type { DB } from '@/lib/server/db';

/** The `seq` of every import whose positions `visibility` may see. */
export async function visibleImports(db: DB, visibility: Visibility): Promise<Map<number, string>> {
  let q = db
    .selectFrom('imports')
    .innerJoin('sources', 'sources.id', 'imports.source_id')
    .select(['imports.seq', 'imports.id'])
    .where('imports.status', '=', 'done')
    .where('sources.deleted_at', 'is', null);
  if (visibility === 'published') q = q.where('sources.status', '=', 'published');
  return new Map((await q.execute()).map((r) => [r.seq, r.id]));
}

/** The vessels `visibility` may see that have positions in `imports` (by their completed imports' vessel lists). */
export async function visibleTrackVessels(db: DB, visibility: Visibility, imports: Map<number, string>, only?: string): Promise<{ id: string; name: string }[]> {
  if (imports.size === 0) return [];
  const lists = await db.selectFrom('imports').select('vessel_ids').where('seq', 'in', [...imports.keys()]).execute();
  const ids = new Set(lists.flatMap((r) => JSON.parse(r.vessel_ids) as string[]));
  if (only !== undefined) {
    if (!ids.has(only)) return [];
    ids.clear();
    ids.add(only);
  }
  if (ids.size === 0) return [];
  let q = db.selectFrom('vessels').select(['id', 'name']).where('id', 'in', [...ids]).where('deleted_at', 'is', null);
  if (visibility === 'published') q = q.where('status', '=', 'published');
  return q.orderBy('name').orderBy('id').execute();
}
