/**
 * The server's route drawer: the sea-waypoint visibility graph over the same land polygons the map
 * draws, built once per process.
 */
import type { LineStringGeometry, Position } from '@/lib/domain/schemas';
import { BERTH_TOLERANCE_NM, buildSeaGraph, routeCrossesLand, seaRoute } from '@/lib/geo';
import type { SeaWaypoint } from '@/lib/geo/types';
import { basemapLand, seaWaypointsJson } from './basemap';
import type { Router } from './voyages';

let cached: Router | undefined;

export function basemapRouter(): Router {
  if (cached) return cached;
  const land = basemapLand();
  const { waypoints } = seaWaypointsJson() as { waypoints: SeaWaypoint[] };
  const graph = buildSeaGraph(waypoints, land);
  // Port reference points can sit on a quay or just inland at the land data's resolution: the
  // first and last BERTH_TOLERANCE_NM of a route are its berth approach. Everything beyond is at sea.
  const options = { ignoreWithinNmOfEnds: BERTH_TOLERANCE_NM };
  const asGeometry = (coords: Position[]): LineStringGeometry => ({
    type: 'LineString',
    coordinates: coords.map(([lon, lat]) => [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6] as Position),
  });
  cached = {
    route: (from, to) => asGeometry(seaRoute(from.position, to.position, graph, land, options).coordinates as Position[]),
    crossesLand: (line) => routeCrossesLand(line, land, options),
  };
  return cached;
}
