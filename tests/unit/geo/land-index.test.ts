import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { lineIntersect } from '@turf/line-intersect';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type Land, landIndex } from '@/lib/core/geo';
import { mulberry32 } from '@/lib/core/track/mulberry32';
import { land } from './_load';

const square = (x0: number, y0: number, x1: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const collection = (...geometries: (Polygon | MultiPolygon)[]): Land => ({
  type: 'FeatureCollection',
  features: geometries.map((geometry): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry })),
});

describe('landIndex on small shapes', () => {
  // An island (130–131 E, 40–41 N) with a lake (130.4–130.6), and two overlapping squares to its east.
  const shapes = collection(
    { type: 'Polygon', coordinates: [square(130, 40, 131, 41), square(130.4, 40.4, 130.6, 40.6)] },
    { type: 'MultiPolygon', coordinates: [[square(132, 40, 133, 41)], [square(132.5, 40, 133.5, 41)]] },
  );
  const idx = landIndex(shapes);

  it('tells land, a lake, the sea and the coastline apart', () => {
    expect(idx.isOnLand([130.2, 40.5])).toBe(true);
    expect(idx.isOnLand([130.5, 40.5])).toBe(false); // the lake
    expect(idx.isOnLand([131.5, 40.5])).toBe(false); // the strait
    expect(idx.isOnLand([130, 40.5])).toBe(true); // on the coastline
    expect(idx.isOnLand([131, 41])).toBe(true); // on a corner
    expect(idx.isOnLand([129, 40.5])).toBe(false); // west of all land
  });

  it('counts overlapping polygons as land where they overlap (parity per polygon)', () => {
    expect(idx.isOnLand([132.75, 40.5])).toBe(true);
    expect(idx.isOnLand([133.25, 40.5])).toBe(true);
    expect(idx.isOnLand([132.25, 40.5])).toBe(true);
  });

  it('finds crossings, touches and segments wholly inside land', () => {
    expect(idx.crossesLand([[129.5, 40.5], [131.5, 40.5]])).toBe(true); // straight across the island
    expect(idx.crossesLand([[131.2, 40.5], [131.8, 40.5]])).toBe(false); // in the strait
    expect(idx.crossesLand([[129.5, 41], [129.9, 41]])).toBe(false); // short of the coast
    expect(idx.crossesLand([[129.5, 41], [130, 41]])).toBe(true); // ends on the corner
    expect(idx.crossesLand([[129.5, 41.5], [131.5, 40.5]])).toBe(true); // meets the north coast at 130.5 E
    expect(idx.crossesLand([[130.45, 40.5], [130.55, 40.5]])).toBe(false); // inside the lake
    expect(idx.crossesLand([[130.1, 40.1], [130.2, 40.2]])).toBe(true); // inside the island, no edge crossed
  });

  it('forgives land entered no deeper than the coast slack, and only that', () => {
    // Cutting the island's north-west corner: no point of it more than about 0.25 nm from the coast.
    const corner = [[129.995, 40.985], [130.015, 41.005]];
    expect(idx.crossesLand(corner)).toBe(true);
    expect(idx.crossesLand(corner, [], 0.5)).toBe(false);
    expect(idx.crossesLand(corner, [], 0.1)).toBe(true);
    // Straight across the island (60 nm of land) and ending inland: refused whatever the slack.
    expect(idx.crossesLand([[129.5, 40.25], [131.5, 40.25]], [], 0.5)).toBe(true);
    expect(idx.crossesLand([[129.5, 40.25], [130.3, 40.25]], [], 0.5)).toBe(true);
  });

  it('ignores land inside the given discs only', () => {
    // From 3 nm west of the coast, a segment ending 2 nm inland: land within 3 nm of the end is ignored.
    expect(idx.crossesLand([[129.9, 40.5], [130.04, 40.5]], [{ center: [130.04, 40.5], radiusNm: 3 }])).toBe(false);
    expect(idx.crossesLand([[129.9, 40.5], [130.04, 40.5]], [{ center: [130.04, 40.5], radiusNm: 1 }])).toBe(true);
  });
});

describe('landIndex on the committed basemap', () => {
  const idx = landIndex(land);
  const mercY = (lat: number) => (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  // The land projected as the index sees it, for turf's point-in-polygon and line-intersect as the reference.
  const projected = land.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates))
    .map((rings): Polygon => ({ type: 'Polygon', coordinates: rings.map((r) => r.map((p) => [p[0] as number, mercY(p[1] as number)])) }));
  const rings = projected.flatMap((poly) => poly.coordinates).map((ring) => {
    const xs = ring.map((p) => p[0] as number);
    const ys = ring.map((p) => p[1] as number);
    return { line: { type: 'LineString' as const, coordinates: ring }, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
  });
  const rand = mulberry32(7);
  const randomPoint = (): Position => [128 + rand() * 7, 39 + rand() * 6];

  it('agrees with turf’s point-in-polygon at 3,000 random points', () => {
    let land = 0;
    for (let i = 0; i < 3000; i++) {
      const p = randomPoint();
      const expected = projected.some((poly) => booleanPointInPolygon([p[0] as number, mercY(p[1] as number)], poly));
      if (expected) land++;
      expect(idx.isOnLand(p), `${p.join(', ')}`).toBe(expected);
    }
    expect(land).toBeGreaterThan(300); // the sample holds both land and sea
    expect(land).toBeLessThan(2700);
  });

  it('agrees with turf’s line-intersect on 400 random short segments', () => {
    let crossing = 0;
    for (let i = 0; i < 400; i++) {
      const a = randomPoint();
      const b: Position = [(a[0] as number) + (rand() - 0.5) * 0.6, (a[1] as number) + (rand() - 0.5) * 0.6];
      const seg = { type: 'LineString' as const, coordinates: [a, b].map((p) => [p[0] as number, mercY(p[1] as number)]) };
      const endsOnLand = [a, b].some((p) => projected.some((poly) => booleanPointInPolygon([p[0] as number, mercY(p[1] as number)], poly)));
      const [x0, y0, x1, y1] = [Math.min(a[0] as number, b[0] as number), Math.min(mercY(a[1] as number), mercY(b[1] as number)), Math.max(a[0] as number, b[0] as number), Math.max(mercY(a[1] as number), mercY(b[1] as number))];
      const near = rings.filter((r) => r.box[0]! <= x1 && x0 <= r.box[2]! && r.box[1]! <= y1 && y0 <= r.box[3]!);
      const expected = endsOnLand || near.some((r) => lineIntersect(seg, r.line).features.length > 0);
      if (expected) crossing++;
      expect(idx.crossesLand([a, b]), `${a.join(', ')} → ${b.join(', ')}`).toBe(expected);
    }
    expect(crossing).toBeGreaterThan(40);
    expect(crossing).toBeLessThan(360);
  });
});
