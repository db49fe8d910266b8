import 'server-only';
import type { Vessel } from '@/lib/core/domain/schemas';
import { sourceLinks } from '@/lib/server/db/reference';
import { vesselFromRow } from '@/lib/server/db/rows';
import { type Dependent, type KindAdapter, liveLinked, liveWhere } from '../adapter';

export const vesselAdapter: KindAdapter<'vessel'> = {
  table: 'vessels',
  label: (v: Vessel) => v.name,
  read: async (db, id) => {
    const row = await db.selectFrom('vessels').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? vesselFromRow(row, (await sourceLinks(db, 'vessel_sources', [id])).get(id) ?? []) : null;
  },
  references: (v) => [
    { field: 'sourceIds', kind: 'source', ids: v.sourceIds },
    ...v.sanctions.map((s, i) => ({ field: `sanctions.${i}.sourceIds`, kind: 'source' as const, ids: s.sourceIds })),
  ],
  dependents: async (db, id): Promise<Dependent[]> => [
    ...(await liveWhere(db, 'observation', 'observations', 'vessel_id', id)),
    ...(await liveWhere(db, 'voyage', 'voyages', 'vessel_id', id)),
    ...(await liveLinked(db, 'claim', 'claims', 'claim_vessels', 'claim_id', 'vessel_id', id)),
  ],
};
