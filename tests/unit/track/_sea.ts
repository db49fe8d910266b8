// Sea distances for the lib/core/track tests (not a test file itself).
import { BERTH_TOLERANCE_NM, buildSeaGraph, greatCircleNm, routeLengthNm, seaRoute } from '@/lib/core/geo';
import type { SeaDistanceNm } from '@/lib/core/track/types';
import { land, waypoints } from '../geo/_load';

/** The great-circle distance: a lower bound of the sea distance, for tests that need no land. */
export const greatCircleSeaNm: SeaDistanceNm = (a, b) => greatCircleNm(a, b);

let graph: ReturnType<typeof buildSeaGraph> | undefined;
/**
 * The app's own sea distance: the length of seaRoute over the sea graph of data/basemap, with the
 * berth tolerance of the seeded ports; Infinity when seaRoute finds no route.
 */
export const seaGraphNm: SeaDistanceNm = (a, b) => {
  graph ??= buildSeaGraph(waypoints, land);
  try {
    return routeLengthNm(seaRoute(a, b, graph, land, { ignoreWithinNmOfEnds: BERTH_TOLERANCE_NM }));
  } catch {
    return Infinity;
  }
};
