import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { lineIntersect } from '@turf/line-intersect';
import type { FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';

/** Land polygons as drawn by the map. */
export type Land = FeatureCollection<Polygon | MultiPolygon>;

/** A disc around a position inside which land is ignored (a berth tolerance). */
export interface IgnoreDisc {
  center: Position;
  radiusNm: number;
}

/** Spatial index over land polygons, in Web Mercator coordinates (see {@link landIndex}). */
export interface LandIndex {
  /** Whether the polyline `coords` ([lon, lat]) passes over land outside the given discs. */
  crossesLand(coords: readonly Position[], ignore?: readonly IgnoreDisc[]): boolean;
  /** Whether a position is on land (the coastline counts as land). */
  isOnLand(position: Position): boolean;
}

type Box = [number, number, number, number];
interface Chunk {
  box: Box;
  line: LineString;
}
interface PolygonEntry {
  box: Box;
  polygon: Polygon;
  chunks: Chunk[];
}

/** Nautical miles per degree of arc on turf's sphere (R = 3440.065 nm). */
const NM_PER_DEG = (3440.065 * Math.PI) / 180;
const CHUNK_EDGES = 16;
const cache = new WeakMap<Land, LandIndex>();

/** Web Mercator y, in "degrees" so that x = lon keeps the same scale (conformal). */
function mercY(lat: number): number {
  return (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
}

function project(p: Position): [number, number] {
  return [p[0] as number, mercY(p[1] as number)];
}

function boxOf(coords: readonly (readonly number[])[]): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of coords) {
    const x = c[0] as number;
    const y = c[1] as number;
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}

const overlaps = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const contains = (b: Box, x: number, y: number) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

function build(land: Land): PolygonEntry[] {
  const entries: PolygonEntry[] = [];
  const add = (rings: Position[][]) => {
    const projected = rings.map((ring) => ring.map(project));
    const chunks: Chunk[] = [];
    for (const ring of projected) {
      for (let i = 0; i < ring.length - 1; i += CHUNK_EDGES) {
        const coords = ring.slice(i, Math.min(ring.length, i + CHUNK_EDGES + 1));
        if (coords.length >= 2) chunks.push({ box: boxOf(coords), line: { type: 'LineString', coordinates: coords } });
      }
    }
    const outer = projected[0];
    if (outer && outer.length >= 4) entries.push({ box: boxOf(outer), polygon: { type: 'Polygon', coordinates: projected }, chunks });
  };
  for (const f of land.features) {
    const g = f.geometry;
    if (!g) continue;
    switch (g.type) {
      case 'Polygon':
        add(g.coordinates);
        break;
      case 'MultiPolygon':
        for (const p of g.coordinates) add(p);
        break;
      default: {
        const never: never = g;
        throw new TypeError(`landIndex: unsupported geometry ${JSON.stringify((never as { type: string }).type)}`);
      }
    }
  }
  return entries;
}

/** Parameter intervals [t0, t1] ⊂ [0, 1] of segment a→b (projected) lying outside all discs. */
function outsideIntervals(a: [number, number], b: [number, number], discs: readonly { c: [number, number]; r: number }[]): [number, number][] {
  const inside: [number, number][] = [];
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const qa = dx * dx + dy * dy;
  for (const { c, r } of discs) {
    const ex = a[0] - c[0];
    const ey = a[1] - c[1];
    const qc = ex * ex + ey * ey - r * r;
    if (qa === 0) {
      if (qc <= 0) inside.push([0, 1]);
      continue;
    }
    const qb = 2 * (dx * ex + dy * ey);
    const disc = qb * qb - 4 * qa * qc;
    if (disc <= 0) continue;
    const s = Math.sqrt(disc);
    const t0 = Math.max(0, (-qb - s) / (2 * qa));
    const t1 = Math.min(1, (-qb + s) / (2 * qa));
    if (t0 < t1) inside.push([t0, t1]);
  }
  inside.sort((p, q) => p[0] - q[0]);
  const out: [number, number][] = [];
  let t = 0;
  for (const [s, e] of inside) {
    if (s > t) out.push([t, s]);
    if (e > t) t = e;
  }
  if (t < 1) out.push([t, 1]);
  return out;
}

/**
 * Builds (once per land object, cached) an index for land-crossing checks.
 *
 * All tests run in Web Mercator (x = lon, y = Mercator northing): a segment between two vertices
 * is the straight line Leaflet draws on the map, and coastline edges are the edges the map draws,
 * so "crosses land" means exactly "crosses the drawn land". Segment/edge intersections use
 * `@turf/line-intersect` on chunks of 16 coastline edges with a bbox prefilter per polygon and per
 * chunk; vertices and piece ends are tested with `@turf/boolean-point-in-polygon` (boundary = land).
 *
 * Discs to ignore are circles of `radiusNm` on the map around their centre (Mercator is conformal;
 * the scale is taken at the centre's latitude, which is exact to < 0.1% for radii of a few nm).
 *
 * @param land - land polygons (not mutated)
 * @returns the index
 * @example
 * landIndex(land).crossesLand([[129.5, 40.5], [128.5, 40.0]]); // true: over North Korea
 */
export function landIndex(land: Land): LandIndex {
  const hit = cache.get(land);
  if (hit) return hit;
  const entries = build(land);

  const pointOnLandProjected = (x: number, y: number): boolean => {
    for (const e of entries) {
      if (contains(e.box, x, y) && booleanPointInPolygon([x, y], e.polygon)) return true;
    }
    return false;
  };

  const segmentCrossesEdges = (a: [number, number], b: [number, number]): boolean => {
    const box: Box = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
    const seg: LineString = { type: 'LineString', coordinates: [a, b] };
    for (const e of entries) {
      if (!overlaps(box, e.box)) continue;
      for (const chunk of e.chunks) {
        if (overlaps(box, chunk.box) && lineIntersect(seg, chunk.line).features.length > 0) return true;
      }
    }
    return false;
  };

  const index: LandIndex = {
    isOnLand(position) {
      const [x, y] = project(position);
      return pointOnLandProjected(x, y);
    },
    crossesLand(coords, ignore = []) {
      const discs = ignore
        .filter((d) => d.radiusNm > 0)
        .map((d) => ({ c: project(d.center), r: d.radiusNm / (NM_PER_DEG * Math.cos(((d.center[1] as number) * Math.PI) / 180)) }));
      const pts = coords.map(project);
      if (pts.length === 1) {
        const only = pts[0] as [number, number];
        return outsideIntervals(only, only, discs).length > 0 && pointOnLandProjected(only[0], only[1]);
      }
      for (let i = 1; i < pts.length; i++) {
        const a = pts[i - 1] as [number, number];
        const b = pts[i] as [number, number];
        for (const [t0, t1] of outsideIntervals(a, b, discs)) {
          const p: [number, number] = [a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0];
          const q: [number, number] = [a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1];
          if (pointOnLandProjected(p[0], p[1]) || pointOnLandProjected(q[0], q[1])) return true;
          if (segmentCrossesEdges(p, q)) return true;
        }
      }
      return false;
    },
  };
  cache.set(land, index);
  return index;
}
