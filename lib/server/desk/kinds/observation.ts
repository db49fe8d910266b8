import 'server-only';
import type { Observation } from '@/lib/core/domain/schemas';
import { sourceLinks } from '@/lib/server/db/reference';
import { observationFromRow } from '@/lib/server/db/rows';
import type { KindAdapter } from '../adapter';

export const observationAdapter: KindAdapter<'observation'> = {
  table: 'observations',
  label: (o: Observation) => `${o.vesselId ?? o.vesselDescription ?? 'unidentified vessel'} ${o.activity} ${o.portId ?? o.placeName ?? ''} ${o.window.earliest}`.replace(/\s+/g, ' '),
  read: async (db, id) => {
    const row = await db.selectFrom('observations').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? observationFromRow(row, (await sourceLinks(db, 'observation_sources', [id])).get(id) ?? []) : null;
  },
  references: (o) => [
    { field: 'sourceIds', kind: 'source', ids: o.sourceIds },
    { field: 'vesselId', kind: 'vessel', ids: [o.vesselId] },
    { field: 'portId', kind: 'port', ids: [o.portId] },
  ],
  dependents: async () => [],
};
