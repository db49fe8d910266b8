import { describe, expect, it } from 'vitest';
import type { Port, Position, VoyageSeed } from '@/lib/core/domain/schemas';
import { apiVoyageMetrics, assembleVoyage, type RouteDrawer } from '@/lib/core/domain/voyage';
import { BERTH_TOLERANCE_NM, routeCrossesLand, voyageMetrics, type Land } from '@/lib/core/geo';

// One square island, lon 0..1, lat 0..1 (about 60 nm a side at the equator).
const land: Land = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] },
    },
  ],
};

const port = (id: string, position: Position): Port => ({
  id,
  name: id,
  altNames: [],
  country: 'KP',
  unlocode: null,
  wpiNumber: null,
  position,
  approximate: false,
  approximateReason: null,
  geofenceRadiusNm: 2,
  kind: null,
  sourceIds: ['s'],
  notes: null,
});

// "quay" sits 0.6 nm inside the island's east shore: within the berth tolerance.
const ports = new Map([port('quay', [0.99, 0.5]), port('sea', [2, 0.5]), port('west', [-1, 0.5])].map((p) => [p.id, p]));

const voyage = (over: Partial<VoyageSeed> = {}): VoyageSeed => ({
  id: 'v1',
  vesselId: null,
  originPortId: 'quay',
  destinationPortId: 'sea',
  departure: { earliest: '2024-01-01', latest: '2024-01-01', precision: 'day' },
  arrival: { earliest: '2024-01-03', latest: '2024-01-03', precision: 'day' },
  observedRoute: null,
  cargo: null,
  confidence: 'reported',
  basis: null,
  identification: null,
  sourceIds: ['s'],
  notes: null,
  ...over,
});

const straight: RouteDrawer = (from, to) => ({ type: 'LineString', coordinates: [from, to] });

describe('assembleVoyage', () => {
  it('draws the route between the ports when none was observed and stores it to 6 decimals', () => {
    const calls: [Position, Position][] = [];
    const draw: RouteDrawer = (from, to) => {
      calls.push([from, to]);
      return { type: 'LineString', coordinates: [from, [1.50000049, 0.49999951], to] };
    };
    const a = assembleVoyage(voyage(), ports, draw, land);
    expect(calls).toEqual([[[0.99, 0.5], [2, 0.5]]]);
    expect(a.routeKind).toBe('inferred');
    expect(a.route).toEqual({ type: 'LineString', coordinates: [[0.99, 0.5], [1.5, 0.5], [2, 0.5]] });
  });

  it('measures the stored route with voyageMetrics and the berth tolerance', () => {
    const a = assembleVoyage(voyage(), ports, straight, land);
    const v = voyage();
    expect(a.metrics).toEqual(
      voyageMetrics(
        { origin: ports.get('quay')!, destination: ports.get('sea')!, departure: v.departure, arrival: v.arrival, route: a.route },
        land,
        { ignoreWithinNmOfEnds: BERTH_TOLERANCE_NM },
      ),
    );
    // The quay is on land: only the berth tolerance keeps this route off it.
    expect(routeCrossesLand(a.route, land)).toBe(true);
    expect(a.metrics.crossesLand).toBe(false);
    expect(a.metrics.duration).toEqual({ minHours: 24, maxHours: 72 });
  });

  it('reports a route across the island as crossing land', () => {
    expect(assembleVoyage(voyage({ originPortId: 'west' }), ports, straight, land).metrics.crossesLand).toBe(true);
  });

  it('keeps an observed route exactly as reported and never draws one', () => {
    const observedRoute = { type: 'LineString' as const, coordinates: [[0.99, 0.5], [1.23456789, 0.5], [2, 0.5]] as Position[] };
    const never: RouteDrawer = () => {
      throw new Error('drawn although observed');
    };
    const a = assembleVoyage(voyage({ observedRoute }), ports, never, land);
    expect(a.routeKind).toBe('observed');
    expect(a.route).toEqual(observedRoute);
  });

  it('names the voyage and the port it cannot find', () => {
    expect(() => assembleVoyage(voyage({ destinationPortId: 'atlantis' }), ports, straight, land)).toThrow(
      /^assembleVoyage: voyage v1 names unknown destination port atlantis/,
    );
    expect(() => assembleVoyage(voyage({ originPortId: 'atlantis' }), ports, straight, land)).toThrow(/unknown origin port atlantis/);
  });
});

describe('apiVoyageMetrics', () => {
  const measures = { greatCircleNm: 97.44, routeLengthNm: 120.04, duration: { minHours: 24, maxHours: 72 }, crossesLand: false };

  it('rounds to 0.1 and derives the speed over the route length, not the great circle', () => {
    expect(apiVoyageMetrics(measures)).toEqual({
      greatCircleNm: 97.4,
      routeNm: 120,
      minHours: 24,
      maxHours: 72,
      minKnots: 1.7,
      maxKnots: 5,
      crossesLand: false,
    });
  });

  it('has no top speed when the windows allow a passage of no time', () => {
    expect(apiVoyageMetrics({ ...measures, duration: { minHours: 0, maxHours: 48 } }).maxKnots).toBeNull();
  });
});
