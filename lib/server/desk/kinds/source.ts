import 'server-only';
import type { Source } from '@/lib/core/domain/schemas';
import { sourceFromRow } from '@/lib/server/db/rows';
import { type Dependent, type KindAdapter, liveLinked, liveWhere } from '../adapter';

export const sourceAdapter: KindAdapter<'source'> = {
  table: 'sources',
  label: (s: Source) => `${s.publisher}: ${s.title}`,
  read: async (db, id) => {
    const row = await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? sourceFromRow(row) : null;
  },
  references: () => [],
  dependents: async (db, id): Promise<Dependent[]> => [
    ...(await liveLinked(db, 'port', 'ports', 'port_sources', 'record_id', 'source_id', id)),
    ...(await liveLinked(db, 'vessel', 'vessels', 'vessel_sources', 'record_id', 'source_id', id)),
    ...(await liveLinked(db, 'observation', 'observations', 'observation_sources', 'record_id', 'source_id', id)),
    ...(await liveLinked(db, 'voyage', 'voyages', 'voyage_sources', 'record_id', 'source_id', id)),
    ...(await liveWhere(db, 'claim', 'claims', 'source_id', id)),
  ],
};
