import { assertTimeOrder } from './assertTimeOrder';
import type { DetectionParams, GapEvent, SeaDistanceNm, TrackPoint } from './types';

/**
 * AIS gaps of one vessel: every silence between consecutive fixes longer than `gapMinHours`
 * (strictly), with the fixes on either side, its length, the sea distance between them and the
 * least average speed that distance implies (`seaDistanceNm / hours`; Infinity when no sea route
 * joins them, which usually means a bad fix). A silence inside a port is a gap too.
 *
 * @param points - one vessel's fixes in time order (not mutated)
 * @param params - `gapMinHours`
 * @param seaDistanceNm - shortest distance by sea, nautical miles (Infinity when none)
 * @returns the gaps in time order
 * @throws RangeError when the points are not in time order
 * @example
 * detectGaps(points, { gapMinHours: 6 }, seaDistanceNm);
 * // [{ kind: 'gap', from: { t, lon: 130.52, lat: 42.02 }, to: { t, lon: 132.95, lat: 42.6 }, hours: 20, seaDistanceNm: 118.4, minSpeedKnots: 5.92 }]
 */
export function detectGaps(points: readonly TrackPoint[], params: Pick<DetectionParams, 'gapMinHours'>, seaDistanceNm: SeaDistanceNm): GapEvent[] {
  assertTimeOrder(points, 'detectGaps');
  const gaps: GapEvent[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as TrackPoint;
    const b = points[i] as TrackPoint;
    const hours = (b.t - a.t) / 3_600_000;
    if (!(hours > params.gapMinHours)) continue;
    const distanceNm = seaDistanceNm([a.lon, a.lat], [b.lon, b.lat]);
    gaps.push({
      kind: 'gap',
      from: { t: a.t, lon: a.lon, lat: a.lat },
      to: { t: b.t, lon: b.lon, lat: b.lat },
      hours,
      seaDistanceNm: distanceNm,
      minSpeedKnots: distanceNm / hours,
    });
  }
  return gaps;
}
