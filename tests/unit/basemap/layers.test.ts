// The committed basemap layers (data/basemap/, built by scripts/build-basemap.mjs): their shape,
// their sources, and where they meet.
import fs from 'node:fs';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { feature as topoFeature, mesh as topoMesh } from 'topojson-client';
import { describe, expect, it } from 'vitest';

const read = (name: string) => fs.readFileSync(`data/basemap/${name}`, 'utf8');
const layer = <T extends FeatureCollection>(name: string) => JSON.parse(read(name)) as T;
const land = layer<FeatureCollection<Polygon | MultiPolygon>>('land-region.geojson');
const world = layer<FeatureCollection<MultiPolygon>>('world.geojson');
const borders = layer<FeatureCollection<MultiLineString>>('borders.geojson');
const places = layer<FeatureCollection<Point>>('places.geojson');
const REGION = land.bbox as [number, number, number, number];

type Topo = Parameters<typeof topoMesh>[0];
const topo = JSON.parse(fs.readFileSync('node_modules/world-atlas/countries-10m.json', 'utf8')) as Topo;
const countryObjects = topo.objects.countries as NonNullable<Parameters<typeof topoMesh>[1]>;
const countries = topoFeature(topo, countryObjects) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
const countryShape = (name: string) => countries.features.find((f) => f.properties.name === name)!;

/** Distance in degrees (lon scaled by cos lat) from p to the nearest segment of the lines. */
function distanceToLines(p: Position, lines: Position[][]): number {
  const k = Math.cos(((p[1] ?? 0) * Math.PI) / 180);
  let best = Infinity;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [ax, ay] = [line[i - 1]![0]! * k, line[i - 1]![1]!];
      const [bx, by] = [line[i]![0]! * k, line[i]![1]!];
      const [px, py] = [p[0]! * k, p[1]!];
      const l2 = (bx - ax) ** 2 + (by - ay) ** 2;
      const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / l2));
      best = Math.min(best, Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay))));
    }
  }
  return best;
}

const inRegion = ([x = 0, y = 0]: Position) => x > REGION[0] && x < REGION[2] && y > REGION[1] && y < REGION[3];
const onLand = (p: Position) =>
  [...land.features, ...world.features].some((f) => booleanPointInPolygon(p, f as Feature<Polygon | MultiPolygon>));

describe('borders.geojson', () => {
  const lines = borders.features.flatMap((f) => f.geometry.coordinates);

  it('is land borders between countries from Natural Earth 1:10m', () => {
    expect(borders.features).toHaveLength(1);
    expect(borders.features[0]!.properties).toEqual({ kind: 'border', source: 'naturalearth:countries-10m' });
    expect(lines.length).toBeGreaterThan(100);
  });

  for (const [a, b] of [['China', 'North Korea'], ['China', 'Russia'], ['North Korea', 'Russia']] as const) {
    it(`follows the ${a}–${b} border inside the region vertex for vertex`, () => {
      const names = (g: { properties?: { name?: string } | null }) => g.properties?.name;
      const shared = topoMesh(topo, countryObjects, (x, y) => x !== y && [names(x), names(y)].sort().join('|') === [a, b].sort().join('|'));
      const inside = shared.coordinates.flat().filter(inRegion);
      expect(inside.length).toBeGreaterThan(5);
      for (const p of inside) expect(distanceToLines(p, lines)).toBeLessThan(1e-4);
    });
  }
});

describe('places.geojson', () => {
  const byKind = (kind: string) => places.features.filter((f) => f.properties?.kind === kind);

  it('gives every name a source and a zoom range', () => {
    for (const f of places.features) {
      const p = f.properties!;
      expect(['country', 'sea', 'city']).toContain(p.kind);
      expect(p.name).toMatch(/\S/);
      expect(p.minZoom).toBeLessThan(p.maxZoom);
      const source = { country: /^naturalearth:countries-10m$/, sea: /^https:\/\/[a-z]{2}\.wikipedia\.org\/wiki\/\S+$/, city: /^geonames:\d+$/ }[p.kind as 'city'];
      expect(p.source, p.name).toMatch(source);
    }
  });

  it('names the countries of the region, each inside its own land at every scale', () => {
    const labels = byKind('country');
    const names = new Set(labels.map((f) => f.properties!.name));
    for (const name of ['China', 'North Korea', 'Russia', 'South Korea', 'Japan']) expect(names).toContain(name);
    for (const f of labels) expect(booleanPointInPolygon(f.geometry.coordinates, countryShape(f.properties!.name)), f.properties!.name).toBe(true);
    // The three neighbours at the Tumen are named at the closest scale too.
    const close = new Set(labels.filter((f) => f.properties!.minZoom >= 8).map((f) => f.properties!.name));
    expect([...close].sort()).toEqual(['China', 'North Korea', 'Russia']);
  });

  it('puts every sea and bay name at sea', () => {
    const seas = byKind('sea');
    expect(seas.map((f) => f.properties!.name)).toEqual(expect.arrayContaining(['Sea of Japan (East Sea)', 'Peter the Great Gulf', 'Posyet Bay', 'Amur Bay', 'Ussuri Bay']));
    for (const f of seas) expect(onLand(f.geometry.coordinates), f.properties!.name).toBe(false);
  });

  it('names the towns of the story from GeoNames', () => {
    const towns = new Map(byKind('city').map((f) => [f.properties!.name, f]));
    for (const name of ['Vladivostok', 'Nakhodka', 'Rajin', 'Chongjin', 'Hunchun', 'Ussuriysk']) expect(towns.has(name), name).toBe(true);
    expect(towns.get('Vladivostok')!.properties!.source).toBe('geonames:2013348');
    expect(towns.get('Vladivostok')!.properties!.minZoom).toBe(4);
  });
});

describe('world.geojson', () => {
  it('leaves the region to the detailed land', () => {
    for (const f of world.features) for (const p of f.geometry.coordinates.flat(2)) expect(inRegion(p), `${p}`).toBe(false);
  });

  it('meets the regional coast where a coast crosses the region edge: within a kilometre, under 3 px at zoom 9', () => {
    const crossings = (fc: FeatureCollection<Polygon | MultiPolygon>, onEdge: (p: Position) => boolean) => {
      const out: Position[] = [];
      for (const f of fc.features) {
        const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
        for (const ring of polys.flat()) for (let i = 1; i < ring.length; i++) if (onEdge(ring[i - 1]!) !== onEdge(ring[i]!)) out.push(onEdge(ring[i]!) ? ring[i]! : ring[i - 1]!);
      }
      return out;
    };
    const [w, s, e] = REGION;
    // The region's south edge meets the Korean east coast; its east edge the Primorye coast.
    for (const [edge, near] of [[(p: Position) => p[1] === s && p[0]! > w && p[0]! < e, [128.4, s]], [(p: Position) => p[0] === e && p[1]! > s, [e, 44.45]]] as const) {
      const ours = crossings(world, edge).filter((p) => Math.hypot(p[0]! - near[0]!, p[1]! - near[1]!) < 0.3);
      const theirs = crossings(land, edge);
      expect(ours.length).toBeGreaterThan(0);
      for (const p of ours) {
        const km = Math.min(...theirs.map((q) => Math.hypot((p[0]! - q[0]!) * Math.cos((p[1]! * Math.PI) / 180), p[1]! - q[1]!) * 111.2));
        expect(km).toBeLessThan(1.2);
      }
    }
  });
});

describe('layer sizes', () => {
  it('keeps each layer small enough for the map to load fast', () => {
    expect(read('world.geojson').length).toBeLessThan(150_000);
    expect(read('borders.geojson').length).toBeLessThan(60_000);
    expect(read('places.geojson').length).toBeLessThan(50_000);
  });
});
