import 'server-only';
import { BERTH_TOLERANCE_NM, routeCrossesLand } from '@/lib/core/geo';
import type { FieldIssue } from '@/lib/core/domain/records';
import type { Confidence, Identification, LineStringGeometry, VoyageBasis, VoyageSeed } from '@/lib/core/domain/schemas';
import { basemapRouting } from '@/lib/server/basemap/router';
import { sourceLinks } from '@/lib/server/db/reference';
import { windowOf } from '@/lib/server/db/rows';
import type { KindAdapter } from '../adapter';

export const voyageAdapter: KindAdapter<'voyage'> = {
  table: 'voyages',
  label: (v: VoyageSeed) => `${v.vesselId ?? 'unidentified vessel'}: ${v.originPortId} to ${v.destinationPortId}, ${v.departure.earliest}`,
  read: async (db, id) => {
    const r = await db.selectFrom('voyages').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      vesselId: r.vessel_id,
      originPortId: r.origin_port_id,
      destinationPortId: r.destination_port_id,
      departure: windowOf(r.departure_earliest, r.departure_latest, r.departure_precision, r.departure_as_reported),
      arrival: windowOf(r.arrival_earliest, r.arrival_latest, r.arrival_precision, r.arrival_as_reported),
      // Only an observed route is part of the record; an inferred one is recomputed on every write.
      observedRoute: r.route_kind === 'observed' ? (JSON.parse(r.route_geojson) as LineStringGeometry) : null,
      cargo: r.cargo,
      confidence: r.confidence as Confidence,
      basis: r.basis === null ? null : (JSON.parse(r.basis) as VoyageBasis),
      identification: r.identification === null ? null : (JSON.parse(r.identification) as Identification),
      sourceIds: (await sourceLinks(db, 'voyage_sources', [id])).get(id) ?? [],
      notes: r.notes,
    };
  },
  references: (v) => [
    { field: 'sourceIds', kind: 'source', ids: v.sourceIds },
    { field: 'vesselId', kind: 'vessel', ids: [v.vesselId] },
    { field: 'originPortId', kind: 'port', ids: [v.originPortId] },
    { field: 'destinationPortId', kind: 'port', ids: [v.destinationPortId] },
  ],
  dependents: async () => [],
  /** An observed route must be at sea beyond the berth approach at either end. */
  check: async (_db, v): Promise<FieldIssue[]> => {
    if (!v.observedRoute) return [];
    const { land } = basemapRouting();
    return routeCrossesLand(v.observedRoute, land, { ignoreWithinNmOfEnds: BERTH_TOLERANCE_NM })
      ? [{ field: 'observedRoute', message: `crosses land beyond the first and last ${BERTH_TOLERANCE_NM} nm (the berth approach)` }]
      : [];
  },
};
