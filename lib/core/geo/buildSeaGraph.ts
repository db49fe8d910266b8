import { greatCircleNm } from './greatCircleNm';
import { landIndex, type Land } from './landIndex';
import type { SeaGraph, SeaWaypoint } from './types';

/**
 * Builds the visibility graph over hand-placed sea waypoints: an edge joins every pair whose
 * straight segment (as drawn on the map, i.e. straight in Web Mercator) does not touch land,
 * weighted by its great-circle length in nautical miles. Edges are never hand-written.
 *
 * @param waypoints - open-water waypoints (not mutated)
 * @param land - the land polygons the map draws
 * @returns `{ nodes, edges }`, edges listed once per pair in waypoint order
 * @throws Error when a waypoint lies on land or two waypoints share an id
 * @example
 * const graph = buildSeaGraph(waypointsJson.waypoints, land);
 * graph.edges[0]; // { from: 'rajin-approach', to: 'rajin-offing', lengthNm: 4.1 }
 */
export function buildSeaGraph(waypoints: readonly SeaWaypoint[], land: Land): SeaGraph {
  const index = landIndex(land);
  const seen = new Set<string>();
  for (const w of waypoints) {
    if (seen.has(w.id)) throw new Error(`buildSeaGraph: duplicate waypoint id ${JSON.stringify(w.id)}`);
    seen.add(w.id);
    if (index.isOnLand(w.position)) {
      throw new Error(`buildSeaGraph: waypoint ${JSON.stringify(w.id)} at [${w.position.join(', ')}] lies on land`);
    }
  }
  const edges: SeaGraph['edges'] = [];
  for (let i = 0; i < waypoints.length; i++) {
    for (let j = i + 1; j < waypoints.length; j++) {
      const a = waypoints[i] as SeaWaypoint;
      const b = waypoints[j] as SeaWaypoint;
      if (!index.crossesLand([a.position, b.position])) {
        edges.push({ from: a.id, to: b.id, lengthNm: greatCircleNm(a.position, b.position) });
      }
    }
  }
  return { nodes: waypoints.map((w) => ({ ...w, position: [w.position[0], w.position[1]] })), edges };
}
