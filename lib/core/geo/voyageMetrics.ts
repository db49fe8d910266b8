import { greatCircleNm } from './greatCircleNm';
import { impliedSpeedKnots } from './impliedSpeedKnots';
import type { Land } from './landIndex';
import { routeCrossesLand } from './routeCrossesLand';
import { routeLengthNm } from './routeLengthNm';
import type { BerthToleranceOptions, DayWindow, Duration, SpeedRange } from './types';
import { windowDuration } from './windowDuration';
import type { LineString, Position } from 'geojson';

/** What {@link voyageMetrics} needs about one voyage. */
export interface VoyageMetricsInput {
  origin: { position: Position };
  destination: { position: Position };
  departure: DayWindow;
  arrival: DayWindow;
  route: LineString;
}

/**
 * What is measured on a voyage's geometry and windows: stored beside a voyage row, so that reads
 * derive the rest ({@link withImpliedSpeed}) without redoing geometry.
 */
export interface VoyageMeasures {
  greatCircleNm: number;
  routeLengthNm: number;
  duration: Duration;
  crossesLand: boolean;
}

/**
 * Computed metrics of one voyage (never typed in). Distances are spherical (±0.5% vs WGS84).
 * Named apart from the API's rounded `VoyageMetrics` (lib/core/domain/dto), which is built from it.
 */
export interface VoyageGeoMetrics extends VoyageMeasures {
  /** Implied average speed over the route length. */
  impliedSpeed: SpeedRange;
}

/**
 * Metrics of one voyage: great-circle distance between the ports, route length, shortest and
 * longest possible duration from the windows, implied speed range over the route length, and
 * whether the route crosses land (with the berth tolerance given in `options`, default strict).
 *
 * @param voyage - ports, windows and route (not mutated)
 * @param land - land polygons the map draws
 * @param options - `{ ignoreWithinNmOfEnds }` passed to {@link routeCrossesLand}
 * @returns the metrics
 * @throws RangeError when the windows are invalid or the arrival precedes the departure
 * @example
 * voyageMetrics({ origin: rajin, destination: dunai, departure, arrival, route }, land, { ignoreWithinNmOfEnds: 1.5 });
 * // { greatCircleNm: 97.4, routeLengthNm: 104.9, duration: { minHours: 24, maxHours: 96 }, impliedSpeed: {...}, crossesLand: false }
 */
export function voyageMetrics(voyage: VoyageMetricsInput, land: Land, options: BerthToleranceOptions = {}): VoyageGeoMetrics {
  return withImpliedSpeed({
    greatCircleNm: greatCircleNm(voyage.origin.position, voyage.destination.position),
    routeLengthNm: routeLengthNm(voyage.route),
    duration: windowDuration(voyage.departure, voyage.arrival),
    crossesLand: routeCrossesLand(voyage.route, land, options),
  });
}

/**
 * Adds the implied speed range to a voyage's measures: the speed is over the route length (what
 * the vessel would have sailed), not the great-circle distance.
 *
 * @param measures - stored or freshly computed measures (not mutated)
 * @returns the measures with `impliedSpeed`
 * @throws RangeError when the duration is invalid (see {@link impliedSpeedKnots})
 * @example
 * withImpliedSpeed({ greatCircleNm: 97.4, routeLengthNm: 120, duration: { minHours: 24, maxHours: 72 }, crossesLand: false }).impliedSpeed;
 * // { minKnots: 1.6667, maxKnots: 5 }
 */
export function withImpliedSpeed(measures: VoyageMeasures): VoyageGeoMetrics {
  return { ...measures, impliedSpeed: impliedSpeedKnots(measures.routeLengthNm, measures.duration) };
}
