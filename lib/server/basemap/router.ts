/**
 * The server's route drawer: the sea-waypoint visibility graph over the same land polygons the map
 * draws. Built once per process, and only when a route is first drawn: a start with nothing new to
 * seed never pays for it.
 */
import type { LineStringGeometry, Position } from '@/lib/core/domain/schemas';
import { BERTH_TOLERANCE_NM, buildSeaGraph, routeCrossesLand, seaRoute } from '@/lib/core/geo';
import type { SeaGraph, SeaWaypoint } from '@/lib/core/geo/types';
import { basemapLand, seaWaypointsJson } from './basemap';
import type { Router } from '../db/voyages';

type Land = ReturnType<typeof basemapLand>;
let cached: Router | undefined;
let basemap: { land: Land; graph: SeaGraph } | undefined;

function loaded(): { land: Land; graph: SeaGraph } {
  if (!basemap) {
    const land = basemapLand();
    const { waypoints } = seaWaypointsJson() as { waypoints: SeaWaypoint[] };
    basemap = { land, graph: buildSeaGraph(waypoints, land) };
  }
  return basemap;
}

export function basemapRouter(): Router {
  if (cached) return cached;
  // Port reference points can sit on a quay or just inland at the land data's resolution: the
  // first and last BERTH_TOLERANCE_NM of a route are its berth approach. Everything beyond is at sea.
  const options = { ignoreWithinNmOfEnds: BERTH_TOLERANCE_NM };
  const asGeometry = (coords: Position[]): LineStringGeometry => ({
    type: 'LineString',
    coordinates: coords.map(([lon, lat]) => [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6] as Position),
  });
  cached = {
    route: (from, to) => {
      const { land, graph } = loaded();
      return asGeometry(seaRoute(from.position, to.position, graph, land, options).coordinates as Position[]);
    },
    crossesLand: (line) => routeCrossesLand(line, loaded().land, options),
  };
  return cached;
}
