import 'server-only';
import type { Vessel } from '@/lib/core/domain/schemas';
import { type Dependent, type KindAdapter, liveLinked, liveWhere } from '../adapter';

export const vesselAdapter: KindAdapter<'vessel'> = {
  label: (v: Vessel) => v.name,
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
