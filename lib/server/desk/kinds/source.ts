import 'server-only';
import type { Source } from '@/lib/core/domain/schemas';
import { type Dependent, type KindAdapter, liveLinked, liveWhere } from '../adapter';

export const sourceAdapter: KindAdapter<'source'> = {
  label: (s: Source) => `${s.publisher}: ${s.title}`,
  references: () => [],
  dependents: async (db, id): Promise<Dependent[]> => [
    ...(await liveLinked(db, 'port', 'ports', 'port_sources', 'record_id', 'source_id', id)),
    ...(await liveLinked(db, 'vessel', 'vessels', 'vessel_sources', 'record_id', 'source_id', id)),
    ...(await liveLinked(db, 'observation', 'observations', 'observation_sources', 'record_id', 'source_id', id)),
    ...(await liveLinked(db, 'voyage', 'voyages', 'voyage_sources', 'record_id', 'source_id', id)),
    ...(await liveWhere(db, 'claim', 'claims', 'source_id', id)),
  ],
};
