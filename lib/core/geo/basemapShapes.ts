/**
 * The basemap's land as one shape and its coast as one line set, for the live map and the export
 * alike. The world layer is cut around the region, where the detailed land takes over: drawn as
 * separate shapes, the two would leave a hairline along the cut (each edge anti-aliased on its own),
 * the rectangle that showed when zoomed out. One shape has no inner edge to show. Pure.
 */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { coastline } from './coastline';

type LandLayer = FeatureCollection<Polygon | MultiPolygon>;

const WORLD_EDGES = [-180, -90, 180, 90] as const;

/** Lakes and ponds smaller than this (degrees across) are not drawn: at the map's scales they are specks. */
const MIN_LAKE_DEG = 0.03;

const extent = (ring: Position[]) => {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of ring) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return Math.max(e - w, n - s);
};

function polygonsOf(fc: FeatureCollection | undefined): Position[][][] {
  const out: Position[][][] = [];
  for (const f of fc?.features ?? []) {
    const g = f.geometry;
    const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
    for (const [outer, ...holes] of polys) if (outer) out.push([outer, ...holes.filter((h) => extent(h) >= MIN_LAKE_DEG)]);
  }
  return out;
}

/** The layer with its specks of lakes left out (the land data keeps them, for the route checks). */
const drawn = (fc: FeatureCollection): LandLayer => ({
  ...fc,
  features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polygonsOf(fc) } }],
});

/** World and region land as one MultiPolygon (they do not overlap: the world is cut around the region). */
export function landShape(land: FeatureCollection | undefined, world: FeatureCollection | undefined): Feature<MultiPolygon> {
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [...polygonsOf(world), ...polygonsOf(land)] } };
}

/** The coast of both layers, without the straight edges either was cut along. */
export function coastShape(land: FeatureCollection | undefined, world: FeatureCollection | undefined): Feature<MultiLineString> {
  const lines: Position[][] = [];
  if (land?.features.length) lines.push(...coastline(drawn(land)).geometry.coordinates);
  if (world?.features.length) {
    const region = land?.bbox;
    const cuts = region?.length === 4 ? [region as [number, number, number, number], WORLD_EDGES] : [WORLD_EDGES];
    lines.push(...coastline(drawn(world), cuts).geometry.coordinates);
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: lines } };
}
