import type { Duration, SpeedRange } from './types';

/**
 * Range of average speeds implied by a distance and a duration range.
 *
 * `minKnots` = distance / maxHours; `maxKnots` = distance / minHours, or null when minHours is 0
 * (the windows allow an arbitrarily short passage, so no upper bound is implied).
 *
 * @param distanceNm - distance sailed, nautical miles (≥ 0)
 * @param duration - `{ minHours, maxHours }` from {@link windowDuration}
 * @returns `{ minKnots, maxKnots }`
 * @throws RangeError on a negative or non-finite distance, or an invalid duration
 * @example
 * impliedSpeedKnots(120, { minHours: 24, maxHours: 72 }); // { minKnots: 1.6667, maxKnots: 5 }
 */
export function impliedSpeedKnots(distanceNm: number, duration: Duration): SpeedRange {
  const { minHours, maxHours } = duration;
  if (!Number.isFinite(distanceNm) || distanceNm < 0) {
    throw new RangeError(`impliedSpeedKnots: distance must be a finite number ≥ 0, got ${distanceNm}`);
  }
  if (!(minHours >= 0) || !(maxHours > 0) || minHours > maxHours || !Number.isFinite(maxHours)) {
    throw new RangeError(`impliedSpeedKnots: need 0 ≤ minHours ≤ maxHours, maxHours > 0; got ${minHours}, ${maxHours}`);
  }
  return {
    minKnots: distanceNm / maxHours,
    maxKnots: minHours === 0 ? null : distanceNm / minHours,
  };
}
