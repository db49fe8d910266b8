/**
 * The one path from a voyage's seed record to what is stored about it (route, route kind,
 * metrics) and from the stored measures to the metrics the API answers. The database layer, the
 * seed and the benchmark all go through here, so a rule changes in one place.
 */
import type { LineString, Position as GeoPosition } from 'geojson';
import { BERTH_TOLERANCE_NM, voyageMetrics, withImpliedSpeed, type Land, type VoyageGeoMetrics, type VoyageMeasures } from '../geo';
import type { VoyageMetrics } from './dto';
import type { LineStringGeometry, Port, Position, RouteKind, VoyageSeed } from './schemas';

/** Draws a sea route between two `[lon, lat]` positions, for a voyage nobody observed. */
export type RouteDrawer = (from: Position, to: Position) => LineString;

/** A route drawer and the land its routes are checked against (the polygons the map draws). */
export interface VoyageRouting {
  drawRoute: RouteDrawer;
  land: Land;
}

/** What is stored about a voyage beyond its seed record. */
export interface AssembledVoyage {
  route: LineStringGeometry;
  routeKind: RouteKind;
  metrics: VoyageGeoMetrics;
}

/** Drawn coordinates are stored to 6 decimals (about 0.1 m): more is noise from the graph search. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function rounded(line: LineString, voyageId: string): LineStringGeometry {
  return {
    type: 'LineString',
    coordinates: line.coordinates.map((p: GeoPosition): Position => {
      const [lon, lat] = p;
      if (lon === undefined || lat === undefined) {
        throw new TypeError(`assembleVoyage: the route drawn for voyage ${voyageId} has a position without [lon, lat]; fix the route drawer`);
      }
      return [round6(lon), round6(lat)];
    }),
  };
}

/**
 * A voyage's stored fields: its observed route as given, or else a sea route drawn between its
 * ports (rounded to 6 decimals); whether the route is observed or inferred; and its metrics from
 * {@link voyageMetrics}, checking land with the seeded ports' berth tolerance.
 *
 * @param voyage - the seed record (not mutated)
 * @param ports - every port the voyage may name, by id
 * @param drawRoute - draws the route when none was observed (not called otherwise)
 * @param land - the land polygons the map draws
 * @returns `{ route, routeKind, metrics }`
 * @throws Error when the voyage names a port not in `ports`; RangeError on invalid windows
 * @example
 * assembleVoyage(seedVoyage, portsById, drawRoute, land);
 * // { route: { type: 'LineString', coordinates: [...] }, routeKind: 'inferred', metrics: { greatCircleNm: 97.4, ... } }
 */
export function assembleVoyage(
  voyage: VoyageSeed,
  ports: ReadonlyMap<string, Port>,
  drawRoute: RouteDrawer,
  land: Land,
): AssembledVoyage {
  const origin = ports.get(voyage.originPortId);
  const destination = ports.get(voyage.destinationPortId);
  if (!origin) throw new Error(`assembleVoyage: voyage ${voyage.id} names unknown origin port ${voyage.originPortId}; add the port or fix originPortId`);
  if (!destination) {
    throw new Error(`assembleVoyage: voyage ${voyage.id} names unknown destination port ${voyage.destinationPortId}; add the port or fix destinationPortId`);
  }
  const route = voyage.observedRoute ?? rounded(drawRoute(origin.position, destination.position), voyage.id);
  return {
    route,
    routeKind: voyage.observedRoute ? 'observed' : 'inferred',
    metrics: voyageMetrics(
      { origin, destination, departure: voyage.departure, arrival: voyage.arrival, route },
      land,
      // Port reference points can sit on a quay or just inland at the land data's resolution.
      { ignoreWithinNmOfEnds: BERTH_TOLERANCE_NM },
    ),
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The metrics the API answers for a voyage, from its stored measures: the implied speed is derived
 * here, and every number is rounded to 0.1 (the measures are spherical, ±0.5%: more is false precision).
 *
 * @param measures - as stored beside the voyage row
 * @returns the API's `VoyageMetrics`
 * @throws RangeError when the stored duration is invalid
 * @example
 * apiVoyageMetrics({ greatCircleNm: 97.44, routeLengthNm: 120, duration: { minHours: 24, maxHours: 72 }, crossesLand: false });
 * // { greatCircleNm: 97.4, routeNm: 120, minHours: 24, maxHours: 72, minKnots: 1.7, maxKnots: 5, crossesLand: false }
 */
export function apiVoyageMetrics(measures: VoyageMeasures): VoyageMetrics {
  const { greatCircleNm, routeLengthNm, duration, impliedSpeed, crossesLand } = withImpliedSpeed(measures);
  return {
    greatCircleNm: round1(greatCircleNm),
    routeNm: round1(routeLengthNm),
    minHours: round1(duration.minHours),
    maxHours: round1(duration.maxHours),
    minKnots: round1(impliedSpeed.minKnots),
    maxKnots: impliedSpeed.maxKnots === null ? null : round1(impliedSpeed.maxKnots),
    crossesLand,
  };
}
