import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { edgeGrid } from './edgeGrid';
import { pointOnSegment } from './segmentsMeet';

/** Land polygons as drawn by the map. */
export type Land = FeatureCollection<Polygon | MultiPolygon>;

/** A disc around a position inside which land is ignored (a berth tolerance). */
export interface IgnoreDisc {
  center: Position;
  radiusNm: number;
}

/** Spatial index over land polygons, in Web Mercator coordinates (see {@link landIndex}). */
export interface LandIndex {
  /**
   * Whether the polyline `coords` ([lon, lat]) passes over land outside the given discs. With
   * `slackNm` > 0, land the line enters no deeper than that (every point of it on land lies within
   * `slackNm` of the coastline) does not count: for recorded tracks against a coarse coastline.
   */
  crossesLand(coords: readonly Position[], ignore?: readonly IgnoreDisc[], slackNm?: number): boolean;
  /** Whether a position is on land (the coastline counts as land). */
  isOnLand(position: Position): boolean;
}

/** Nautical miles per degree of arc on turf's sphere (R = 3440.065 nm). */
const NM_PER_DEG = (3440.065 * Math.PI) / 180;
const cache = new WeakMap<Land, LandIndex>();
/** Side of the edge grid's cells, projected degrees: about 1,000 cells over the region's 17,600 edges hold most of them in a few. */
const CELL_DEG = 0.05;

/** Web Mercator y, in "degrees" so that x = lon keeps the same scale (conformal). */
function mercY(lat: number): number {
  return (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
}

function project(p: Position): [number, number] {
  return [p[0] as number, mercY(p[1] as number)];
}

/**
 * Every ring edge, projected, as [x1, y1, x2, y2] in `edges` (4 numbers each), with the polygon it
 * belongs to in `owner` (holes belong to their polygon, so parity per polygon handles them).
 */
function build(land: Land): { edges: Float64Array; owner: Int32Array; polygons: number } {
  const edges: number[] = [];
  const owner: number[] = [];
  let polygons = 0;
  const add = (rings: Position[][]) => {
    if (!rings[0] || rings[0].length < 4) return;
    for (const ring of rings) {
      const projected = ring.map(project);
      for (let i = 0; i + 1 < projected.length; i++) {
        const a = projected[i] as [number, number];
        const b = projected[i + 1] as [number, number];
        edges.push(a[0], a[1], b[0], b[1]);
        owner.push(polygons);
      }
    }
    polygons += 1;
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
  return { edges: Float64Array.from(edges), owner: Int32Array.from(owner), polygons };
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
 * so "crosses land" means exactly "crosses the drawn land". Segment/edge intersections are found
 * through a grid of the coastline's edges ({@link edgeGrid}) and decided by exact orientation
 * tests (robust-predicates' orient2d; touching the coastline counts); a point is tested by
 * crossing number along a ray through the same grid's row, once per empty grid cell (boundary =
 * land).
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
  const { edges, owner, polygons } = build(land);

  // Segments go through a grid of the edges: a sight line over open water walks empty cells.
  const grid = edgeGrid(edges, CELL_DEG);
  const [minX, , maxX] = grid.box;
  const parity = new Uint8Array(Math.max(1, polygons));

  /**
   * Point in land by crossing number along a horizontal ray (to the nearer side of the land's
   * box), counted per polygon so that overlapping polygons and holes both come out right; a point
   * on an edge is land. The edges the ray may cross are those of its row of grid cells.
   */
  const rayTest = (x: number, y: number): boolean => {
    if (edges.length === 0 || x < minX || x > maxX) return false;
    const right = maxX - x <= x - minX;
    let onEdge = false;
    const touched: number[] = [];
    grid.alongRow(x, y, right, (i) => {
      if (onEdge) return;
      const k = i * 4;
      const x1 = edges[k]!;
      const y1 = edges[k + 1]!;
      const x2 = edges[k + 2]!;
      const y2 = edges[k + 3]!;
      if (pointOnSegment(x, y, x1, y1, x2, y2)) {
        onEdge = true;
        return;
      }
      // Half-open in y, so a ray through a vertex counts it once.
      if (y1 > y !== y2 > y) {
        const cx = x1 + ((y - y1) * (x2 - x1)) / (y2 - y1);
        if (right ? cx > x : cx < x) {
          const poly = owner[i]!;
          if (parity[poly] === 0) touched.push(poly);
          parity[poly] = parity[poly]! ^ 1;
          if (parity[poly] === 0) touched.splice(touched.indexOf(poly), 1);
        }
      }
    });
    const inside = touched.length > 0;
    for (const poly of touched) parity[poly] = 0;
    return onEdge || inside;
  };

  // An empty cell lies wholly on land or wholly at sea: its answer is found once, at its centre.
  const emptyCell = new Int8Array(grid.cells).fill(-1);
  const pointOnLandProjected = (x: number, y: number): boolean => {
    const cell = grid.cellAt(x, y);
    if (cell < 0) return rayTest(x, y);
    if (!grid.isEmpty(cell)) return rayTest(x, y);
    if (emptyCell[cell] === -1) emptyCell[cell] = rayTest(...grid.centreOf(cell)) ? 1 : 0;
    return emptyCell[cell] === 1;
  };

  /**
   * Whether some point of p–q on land lies farther than `slackNm` from the coastline: sampled every
   * half slack along the piece, so land narrower than the step between samples may slip through
   * (a spit under `slackNm` wide, which the slack forgives anyway).
   */
  const deeperThan = (p: [number, number], q: [number, number], slackNm: number): boolean => {
    const midLat = (Math.atan(Math.sinh((((p[1] + q[1]) / 2) * Math.PI) / 180)) * 180) / Math.PI;
    const slack = slackNm / (NM_PER_DEG * Math.cos((midLat * Math.PI) / 180));
    const steps = Math.max(1, Math.ceil(Math.hypot(q[0] - p[0], q[1] - p[1]) / (slack / 2)));
    for (let k = 0; k <= steps; k++) {
      const x = p[0] + ((q[0] - p[0]) * k) / steps;
      const y = p[1] + ((q[1] - p[1]) * k) / steps;
      if (pointOnLandProjected(x, y) && !grid.near(x, y, slack)) return true;
    }
    return false;
  };

  const index: LandIndex = {
    isOnLand(position) {
      const [x, y] = project(position);
      return pointOnLandProjected(x, y);
    },
    crossesLand(coords, ignore = [], slackNm = 0) {
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
          // No edge met: the whole piece lies on one side of the coast, so one end tells which.
          if (!grid.meets(p[0], p[1], q[0], q[1]) && !pointOnLandProjected(p[0], p[1])) continue;
          if (!(slackNm > 0) || deeperThan(p, q, slackNm)) return true;
        }
      }
      return false;
    },
  };
  cache.set(land, index);
  return index;
}
