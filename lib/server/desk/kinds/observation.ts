import 'server-only';
import type { Observation } from '@/lib/core/domain/schemas';
import type { KindAdapter } from '../adapter';

export const observationAdapter: KindAdapter<'observation'> = {
  label: (o: Observation) => `${o.vesselId ?? o.vesselDescription ?? 'unidentified vessel'} ${o.activity} ${o.portId ?? o.placeName ?? ''} ${o.window.earliest}`.replace(/\s+/g, ' '),
  references: (o) => [
    { field: 'sourceIds', kind: 'source', ids: o.sourceIds },
    { field: 'vesselId', kind: 'vessel', ids: [o.vesselId] },
    { field: 'portId', kind: 'port', ids: [o.portId] },
  ],
  dependents: async () => [],
};
