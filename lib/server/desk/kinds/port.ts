import 'server-only';
import type { Port } from '@/lib/core/domain/schemas';
import { type Dependent, type KindAdapter, liveWhere } from '../adapter';

export const portAdapter: KindAdapter<'port'> = {
  label: (p: Port) => p.name,
  references: (p) => [{ field: 'sourceIds', kind: 'source', ids: p.sourceIds }],
  dependents: async (db, id): Promise<Dependent[]> => {
    const all = [
      ...(await liveWhere(db, 'observation', 'observations', 'port_id', id)),
      ...(await liveWhere(db, 'voyage', 'voyages', 'origin_port_id', id)),
      ...(await liveWhere(db, 'voyage', 'voyages', 'destination_port_id', id)),
      ...(await liveWhere(db, 'claim', 'claims', 'origin_port_id', id)),
      ...(await liveWhere(db, 'claim', 'claims', 'destination_port_id', id)),
    ];
    return [...new Map(all.map((d) => [`${d.kind} ${d.id}`, d])).values()];
  },
};
