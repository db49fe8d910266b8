/**
 * Sea distances for detection, along the basemap's sea graph, fast enough for every gap of a
 * million-fix import. `seaRoute` answers the same question for one pair by testing the sight lines
 * from both ends to every waypoint; detection asks it for each gap's two fixes against every port,
 * so most of those sight lines repeat. Here each end's visible waypoints are found once (and kept,
 * memoised by position), and each target's distance to every waypoint is one Dijkstra over the
 * small graph, kept: a port asked about by thousands of gaps costs one. The answer is the length of
 * the route `seaRoute` would draw (its vertices joined by great circles, as `routeLengthNm` sums them).
 * When no route exists (an end inside the basemap's coarse land, a river berth) the great-circle
 * distance stands in: a lower bound, so a gap's least speed stays a lower bound and no possible
 * dark port call is missed.
 */
import 'server-only';
import { BERTH_TOLERANCE_NM, buildSeaGraph, greatCircleNm, landIndex, type SeaWaypoint } from '@/lib/core/geo';
import type { SeaDistanceNm } from '@/lib/core/track/types';
import { basemapLand, seaWaypointsJson } from '@/lib/server/basemap/basemap';

type XY = [number, number];

interface Graph {
  positions: XY[];
  adj: { to: number; w: number }[][];
  crosses: (a: XY, b: XY) => boolean;
}

let graph: Graph | undefined;
const MEMO_LIMIT = 50_000;
const SIGHT_LINES = 4;
/** Distance fields kept: every port's, and the latest gap ends' (a field is 8 bytes a waypoint). */
const FIELD_LIMIT = 2_000;
const sights = new Map<string, { node: number; nm: number }[]>();
const pairs = new Map<string, number>();
const fields = new Map<string, Float64Array | null>();

function load(): Graph {
  if (graph) return graph;
  const land = basemapLand();
  const g = buildSeaGraph((seaWaypointsJson() as { waypoints: SeaWaypoint[] }).waypoints, land);
  const positions = g.nodes.map((n) => n.position as XY);
  const index = new Map(g.nodes.map((n, i) => [n.id, i]));
  const adj = positions.map(() => [] as { to: number; w: number }[]);
  for (const e of g.edges) {
    const a = index.get(e.from)!;
    const b = index.get(e.to)!;
    adj[a]!.push({ to: b, w: e.lengthNm });
    adj[b]!.push({ to: a, w: e.lengthNm });
  }
  const lands = landIndex(land);
  // As seaRoute does: the first and last BERTH_TOLERANCE_NM of a sight line are its berth approach.
  const crosses = (a: XY, b: XY) =>
    lands.crossesLand([a, b], [
      { center: a, radiusNm: BERTH_TOLERANCE_NM },
      { center: b, radiusNm: BERTH_TOLERANCE_NM },
    ]);
  graph = { positions, adj, crosses };
  return graph;
}

/** A position to 1e-5° (about a metre), as a memo key: integers print faster than toFixed. */
const keyOf = (p: XY) => `${Math.round(p[0] * 1e5)},${Math.round(p[1] * 1e5)}`;

function remember<V>(map: Map<string, V>, key: string, value: V, limit = MEMO_LIMIT): V {
  if (map.size >= limit) map.clear();
  map.set(key, value);
  return value;
}

/**
 * The nearest SIGHT_LINES waypoints visible from `p` without crossing land, with their great-circle
 * distance. Testing every sight line (as seaRoute does) costs a land check each, and a route
 * leaves a position through one of its nearest visible waypoints in all but contrived cases.
 */
function sightsFrom(g: Graph, p: XY): { node: number; nm: number }[] {
  const key = keyOf(p);
  const known = sights.get(key);
  if (known) return known;
  const byDistance = g.positions.map((w, node) => ({ node, nm: greatCircleNm(p, w) })).sort((x, y) => x.nm - y.nm);
  const seen: { node: number; nm: number }[] = [];
  for (const s of byDistance) {
    if (!g.crosses(p, g.positions[s.node]!)) seen.push(s);
    if (seen.length === SIGHT_LINES) break;
  }
  return remember(sights, key, seen);
}

/**
 * Distance by sea from every waypoint to `p`, through the nearest waypoints `p` sees: one Dijkstra
 * per target, kept, so that a target asked about again and again (a port, by every gap near it)
 * costs a lookup per waypoint its partner sees. Null when `p` sees no waypoint.
 */
function fieldTo(g: Graph, p: XY): Float64Array | null {
  const key = keyOf(p);
  const known = fields.get(key);
  if (known !== undefined) return known;
  const to = sightsFrom(g, p);
  if (to.length === 0) return remember(fields, key, null, FIELD_LIMIT);
  const n = g.positions.length;
  const dist = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  for (const s of to) dist[s.node] = Math.min(dist[s.node]!, s.nm);
  // A few dozen nodes: a linear scan beats a heap.
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i]! < Infinity && (u === -1 || dist[i]! < dist[u]!)) u = i;
    if (u === -1) break;
    done[u] = 1;
    for (const { to: v, w } of g.adj[u]!) if (dist[u]! + w < dist[v]!) dist[v] = dist[u]! + w;
  }
  return remember(fields, key, dist, FIELD_LIMIT);
}

function shortest(g: Graph, a: XY, b: XY): number {
  const direct = greatCircleNm(a, b);
  const field = fieldTo(g, b);
  let best = Infinity;
  if (field) for (const s of sightsFrom(g, a)) best = Math.min(best, s.nm + field[s.node]!);
  // No route is shorter than the great circle: a graph route that long needs no sight-line check.
  if (best <= direct * (1 + 1e-9)) return best;
  if (!g.crosses(a, b)) return direct;
  return Number.isFinite(best) ? best : direct;
}

/** Shortest distance by sea between two positions, nautical miles (see above). */
export const seaDistanceNm: SeaDistanceNm = (a, b) => {
  const key = `${keyOf(a)};${keyOf(b)}`;
  const known = pairs.get(key);
  if (known !== undefined) return known;
  return remember(pairs, key, shortest(load(), a, b));
};
