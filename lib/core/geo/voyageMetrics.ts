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

/** Computed metrics of one voyage (never typed in). Distances are spherical (±0.5% vs WGS84). */
export interface VoyageMetrics {
  greatCircleNm: number;
  routeLengthNm: number;
  duration: Duration;
  /** Implied average speed over the route length. */
  impliedSpeed: SpeedRange;
  crossesLand: boolean;
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
export function voyageMetrics(voyage: VoyageMetricsInput, land: Land, options: BerthToleranceOptions = {}): VoyageMetrics {
  const lengthNm = routeLengthNm(voyage.route);
  const duration = windowDuration(voyage.departure, voyage.arrival);
  return {
    greatCircleNm: greatCircleNm(voyage.origin.position, voyage.destination.position),
    routeLengthNm: lengthNm,
    duration,
    impliedSpeed: impliedSpeedKnots(lengthNm, duration),
    crossesLand: routeCrossesLand(voyage.route, land, options),
  };
}
