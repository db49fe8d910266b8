/**
 * Inputs shared by the export tests: two voyages (one hedged and inferred with an awkward name, one
 * observed with whole-number metrics) and two vessels' tracks (one with a silence long enough to split it).
 */
import type { LineStringGeometry } from '@/lib/core/domain/schemas';
import type { TrackDto } from '@/lib/core/track/types';
import { voyageSummary } from '../../fixtures/voyages';

const route: LineStringGeometry = { type: 'LineString', coordinates: [[130.123456789, 42.2], [130.9, 42.5], [131.5, 42.8]] };

export const voyages = [
  {
    ...voyageSummary({
      id: 'v-1',
      vessel: { id: 'lady-r', name: 'Lady R & <Sons>' },
      origin: { id: 'vostochny', name: 'Vostochny' },
      destination: { id: 'rajin', name: 'Rajin' },
      departure: { earliest: '2024-04-02', latest: '2024-04-03', precision: 'day', asReported: 'early "April"' },
      arrival: { earliest: '2024-04-14', latest: '2024-04-14', precision: 'day' },
      cargo: '=HYPERLINK("http://evil")',
      sourceIds: ['a', 'b'],
      identification: { method: 'believed', sourceIds: ['a'], words: 'believed to be the Lady R', readInSourceIds: [], teamReading: null },
      basis: { kind: 'inferred_from_sightings', observationIds: ['o-1', 'o-2'] },
      metrics: { greatCircleNm: 230.1, routeNm: 260.25, minHours: 264, maxHours: 312, minKnots: 0.8, maxKnots: null, crossesLand: false },
    }),
    route,
  },
  {
    ...voyageSummary({ id: 'v-2', routeKind: 'observed', vessel: null, version: 3 }),
    route: { type: 'LineString' as const, coordinates: [[130.3, 42.25], [131.0, 42.6]] as [number, number][] },
  },
];

export const vessels = new Map([['lady-r', { imo: '9134587', mmsi: '273419270' }]]);

const T0 = Date.UTC(2024, 3, 2) / 1000;

export const tracks: TrackDto[] = [
  {
    vesselId: 'angara',
    vesselName: 'Angara <A&B>',
    // Two fixes an hour apart, 20 hours of silence, then two more: two segments.
    t: [T0, T0 + 3600, T0 + 24 * 3600, T0 + 25 * 3600],
    coords: [130.3, 42.25, 130.4, 42.3, 132.9, 42.75, 132.95, 42.8],
    sog: [0.2, 11, null, 9.5],
  },
  { vesselId: 'maia-1', vesselName: 'Maia-1', t: [T0 + 60], coords: [131.1, 42.4], sog: [null] },
];
