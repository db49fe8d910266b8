import { describe, expect, it } from 'vitest';
import {
  BERTH_TOLERANCE_NM,
  buildSeaGraph,
  greatCircleNm,
  landIndex,
  routeCrossesLand,
  routeLengthNm,
  seaRoute,
  voyageMetrics,
} from '@/lib/core/geo';
import { land, port, ports, waypoints } from './_load';

// routeCrossesLand's answers, with and without the berth tolerance, are fixtures
// (tests/fixtures/geo, fixtures.test.ts), and so are a few exact sea routes and refusals.
const graph = buildSeaGraph(waypoints, land);

describe('land-region.geojson', () => {
  it('is a FeatureCollection of polygons of about 15,000 vertices', () => {
    let n = 0;
    for (const f of land.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const p of polys) for (const r of p) n += r.length;
    }
    expect(n).toBeGreaterThan(10_000);
    expect(n).toBeLessThan(20_000);
  });

  it('has Russky Island and the Dunai peninsula as land, Strelok Bay and the Eastern Bosphorus as sea', () => {
    const idx = landIndex(land);
    expect(idx.isOnLand([131.83, 43.0])).toBe(true); // Russky Island
    expect(idx.isOnLand([132.33, 42.88])).toBe(true); // Dunai peninsula
    expect(idx.isOnLand([132.379, 42.878])).toBe(false); // Strelok Bay
    expect(idx.isOnLand([131.8875, 43.0696])).toBe(false); // Eastern Bosphorus
  });
});

describe('sea-waypoints.json', () => {
  it.each(waypoints.map((w) => [w.id, w] as const))('has waypoint %s at sea', (_id, w) => {
    expect(landIndex(land).isOnLand(w.position)).toBe(false);
  });

  it('has unique ids and a connected visibility graph', () => {
    expect(new Set(waypoints.map((w) => w.id)).size).toBe(waypoints.length);
    const adj = new Map<string, string[]>(waypoints.map((w) => [w.id, []]));
    for (const e of graph.edges) {
      adj.get(e.from)?.push(e.to);
      adj.get(e.to)?.push(e.from);
    }
    const seen = new Set([waypoints[0]?.id]);
    const stack = [waypoints[0]?.id as string];
    while (stack.length) {
      for (const n of adj.get(stack.pop() as string) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        stack.push(n);
      }
    }
    expect(seen.size).toBe(waypoints.length);
  });
});

describe('buildSeaGraph', () => {
  it('throws on a waypoint on land', () => {
    expect(() => buildSeaGraph([...waypoints, { id: 'inland', position: [129, 42], name: 'inland' }], land)).toThrow(/inland.*lies on land/);
  });
});

describe('seaRoute', () => {
  const opts = { ignoreWithinNmOfEnds: BERTH_TOLERANCE_NM };
  const pairs: [string, string][] = [];
  for (const a of ports) for (const b of ports) if (a.id !== b.id) pairs.push([a.id, b.id]);

  it.each(pairs)('goes from %s to %s by sea, starting and ending at the ports', (a, b) => {
    const from = port(a).position;
    const to = port(b).position;
    const route = seaRoute(from, to, graph, land, opts);
    expect(route.coordinates[0]).toEqual(from);
    expect(route.coordinates.at(-1)).toEqual(to);
    expect(routeCrossesLand(route, land, opts)).toBe(false);
  });

  it.each(pairs)('keeps every inferred route within 1.5× the great-circle distance plus 5 nm (%s → %s)', (a, b) => {
    const from = port(a).position;
    const to = port(b).position;
    const lengthNm = routeLengthNm(seaRoute(from, to, graph, land, opts));
    expect(lengthNm).toBeLessThanOrEqual(1.5 * greatCircleNm(from, to) + 5);
  });

  it('is longer than the great circle but not absurdly so for Rajin → Dunai', () => {
    const m = voyageMetrics(
      {
        origin: port('rajin'),
        destination: port('dunai'),
        departure: { earliest: '2023-09-07', latest: '2023-09-07' },
        arrival: { earliest: '2023-09-09', latest: '2023-09-10' },
        route: seaRoute(port('rajin').position, port('dunai').position, graph, land, opts),
      },
      land,
      opts,
    );
    expect(m.routeLengthNm).toBeGreaterThan(m.greatCircleNm);
    expect(m.routeLengthNm).toBeLessThan(m.greatCircleNm * 1.3);
    expect(m.duration).toEqual({ minHours: 24, maxHours: 96 });
    expect(m.impliedSpeed.maxKnots).toBeCloseTo(m.routeLengthNm / 24, 9);
    expect(m.crossesLand).toBe(false);
  });

  it('does not mutate its inputs', () => {
    const from = [...port('rajin').position];
    const graphBefore = structuredClone(graph);
    const route = seaRoute(from, port('vostochny').position, graph, land, opts);
    route.coordinates[0]![0] = 0;
    expect(from).toEqual(port('rajin').position);
    expect(graph).toEqual(graphBefore);
  });
});
