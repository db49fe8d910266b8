/**
 * The server's route drawer: the sea-waypoint visibility graph over the same land polygons the map
 * draws. Loaded once per process, and only when first asked for: a start with nothing new to seed
 * never pays for it.
 */
import 'server-only';
import { BERTH_TOLERANCE_NM, buildSeaGraph, seaRoute, type Land, type SeaGraph, type SeaWaypoint } from '@/lib/core/geo';
import type { VoyageRouting } from '@/lib/core/domain/voyage';
import { basemapLand, seaWaypointsJson } from './basemap';

let routing: VoyageRouting | undefined;

/**
 * The process-wide route drawer and land. The land is read on the first call; the sea graph is
 * built on the first drawn route (a voyage with an observed route needs only the land).
 */
export function basemapRouting(): VoyageRouting {
  if (routing) return routing;
  const land: Land = basemapLand();
  let graph: SeaGraph | undefined;
  routing = {
    land,
    drawRoute: (from, to) => {
      graph ??= buildSeaGraph((seaWaypointsJson() as { waypoints: SeaWaypoint[] }).waypoints, land);
      // Port reference points can sit on a quay or just inland: the first and last
      // BERTH_TOLERANCE_NM of a route are its berth approach. Everything beyond is at sea.
      return seaRoute(from, to, graph, land, { ignoreWithinNmOfEnds: BERTH_TOLERANCE_NM });
    },
  };
  return routing;
}
