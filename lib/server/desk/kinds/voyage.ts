import 'server-only';
import { BERTH_TOLERANCE_NM, COAST_SLACK_NM, routeCrossesLand } from '@/lib/core/geo';
import type { FieldIssue } from '@/lib/core/domain/records';
import type { VoyageSeed } from '@/lib/core/domain/schemas';
import { basemapRouting } from '@/lib/server/basemap/router';
import type { KindAdapter } from '../adapter';

export const voyageAdapter: KindAdapter<'voyage'> = {
  label: (v: VoyageSeed) => `${v.vesselId ?? 'unidentified vessel'}: ${v.originPortId} to ${v.destinationPortId}, ${v.departure.earliest}`,
  references: (v) => [
    { field: 'sourceIds', kind: 'source', ids: v.sourceIds },
    { field: 'vesselId', kind: 'vessel', ids: [v.vesselId] },
    { field: 'originPortId', kind: 'port', ids: [v.originPortId] },
    { field: 'destinationPortId', kind: 'port', ids: [v.destinationPortId] },
  ],
  dependents: async () => [],
  /**
   * An observed route must be at sea beyond the berth approach at either end. It is a recorded
   * track (AIS fixes, a traced image), so land it enters less than COAST_SLACK_NM deep, within the
   * coastline's generalisation, is forgiven; anything deeper is a bad fix or a bad tracing.
   */
  check: async (_db, v): Promise<FieldIssue[]> => {
    if (!v.observedRoute) return [];
    const { land } = basemapRouting();
    return routeCrossesLand(v.observedRoute, land, { ignoreWithinNmOfEnds: BERTH_TOLERANCE_NM, coastSlackNm: COAST_SLACK_NM })
      ? [{ field: 'observedRoute', message: `crosses land beyond the first and last ${BERTH_TOLERANCE_NM} nm (the berth approach), more than ${COAST_SLACK_NM} nm from the coast` }]
      : [];
  },
};
