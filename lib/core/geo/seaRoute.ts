import { greatCircleNm } from './greatCircleNm';
import { landIndex, type Land } from './landIndex';
import type { BerthToleranceOptions, SeaGraph } from './types';
import type { LineString, Position } from 'geojson';

/**
 * Shortest sea route between two positions over a {@link buildSeaGraph} visibility graph.
 *
 * The start and end connect to every waypoint visible from them (segment clear of land, ignoring
 * land within `ignoreWithinNmOfEnds` of the start and of the end: the berth tolerance, default 0),
 * or directly to each other when that segment is clear; Dijkstra then runs on great-circle edge
 * lengths. Segments are straight on the map (Web Mercator), exactly as `routeCrossesLand` checks
 * them, so the result satisfies
 * `routeCrossesLand(route, land, { ignoreWithinNmOfEnds }) === false` by construction.
 *
 * @param from - start `[lon, lat]`; the route's first coordinate is exactly this
 * @param to - end `[lon, lat]`; the route's last coordinate is exactly this
 * @param graph - sea waypoint graph built on the same `land`
 * @param land - land polygons the map draws (not mutated)
 * @param options - `{ ignoreWithinNmOfEnds }` berth tolerance in nautical miles
 * @returns a GeoJSON LineString
 * @throws Error when no route exists (e.g. an end sees no waypoint: raise the tolerance or add one)
 * @example
 * seaRoute([130.3, 42.233333], [132.3375, 42.88028], graph, land, { ignoreWithinNmOfEnds: 1.5 });
 * // { type: 'LineString', coordinates: [[130.3, 42.233333], [130.229, 42.153], ..., [132.3375, 42.88028]] }
 */
export function seaRoute(
  from: Position,
  to: Position,
  graph: SeaGraph,
  land: Land,
  options: BerthToleranceOptions = {},
): LineString {
  const radiusNm = options.ignoreWithinNmOfEnds ?? 0;
  if (!(radiusNm >= 0)) throw new RangeError(`seaRoute: ignoreWithinNmOfEnds must be ≥ 0, got ${radiusNm}`);
  const start: Position = [from[0] as number, from[1] as number];
  const end: Position = [to[0] as number, to[1] as number];
  const index = landIndex(land);
  const ignore = radiusNm > 0 ? [{ center: start, radiusNm }, { center: end, radiusNm }] : [];
  const clear = (a: Position, b: Position) => !index.crossesLand([a, b], ignore);

  if (clear(start, end)) return { type: 'LineString', coordinates: [start, end] };

  // Node 0 = start, 1 = end, 2.. = waypoints.
  const positions: Position[] = [start, end, ...graph.nodes.map((n) => n.position)];
  const idToNode = new Map(graph.nodes.map((n, i) => [n.id, i + 2]));
  const adj: { to: number; w: number }[][] = positions.map(() => []);
  const link = (a: number, b: number, w: number) => {
    adj[a]?.push({ to: b, w });
    adj[b]?.push({ to: a, w });
  };
  for (const e of graph.edges) {
    const a = idToNode.get(e.from);
    const b = idToNode.get(e.to);
    if (a === undefined || b === undefined) throw new Error(`seaRoute: edge ${e.from}–${e.to} names an unknown waypoint`);
    link(a, b, e.lengthNm);
  }
  let startLinks = 0;
  let endLinks = 0;
  for (let i = 2; i < positions.length; i++) {
    const p = positions[i] as Position;
    if (clear(start, p)) {
      link(0, i, greatCircleNm(start, p));
      startLinks++;
    }
    if (clear(p, end)) {
      link(i, 1, greatCircleNm(p, end));
      endLinks++;
    }
  }
  const where = (p: Position) => `[${p.join(', ')}]`;
  if (startLinks === 0 || endLinks === 0) {
    const which = startLinks === 0 ? `start ${where(start)}` : `end ${where(end)}`;
    throw new Error(
      `seaRoute: no sea route from ${where(start)} to ${where(end)}: the ${which} sees no sea waypoint without crossing land (ignoreWithinNmOfEnds = ${radiusNm} nm); raise the berth tolerance or add a waypoint near it`,
    );
  }

  // Dijkstra (the graph has a few dozen nodes: a linear scan beats a heap).
  const n = positions.length;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  dist[0] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && (dist[i] as number) < Infinity && (u === -1 || (dist[i] as number) < (dist[u] as number))) u = i;
    if (u === -1 || u === 1) break;
    done[u] = 1;
    for (const { to: v, w } of adj[u] ?? []) {
      const d = (dist[u] as number) + w;
      if (d < (dist[v] as number)) {
        dist[v] = d;
        prev[v] = u;
      }
    }
  }
  if (dist[1] === Infinity) {
    throw new Error(`seaRoute: no sea route from ${where(start)} to ${where(end)}: the waypoint graph does not connect them`);
  }
  const path: Position[] = [];
  for (let v = 1; v !== -1; v = prev[v] as number) path.push(positions[v] === start || positions[v] === end ? (positions[v] as Position) : [...(positions[v] as Position)]);
  path.reverse();
  return { type: 'LineString', coordinates: path };
}
