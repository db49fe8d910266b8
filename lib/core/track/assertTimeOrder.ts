import type { TrackPoint } from './types';

/**
 * Throws unless the points are in time order (equal times allowed), naming the caller and the
 * first offending index, so detection never silently measures backwards.
 *
 * @param points - one vessel's fixes (not mutated)
 * @param fn - the calling function's name, for the message
 * @throws RangeError at the first point earlier than the one before it
 * @example
 * assertTimeOrder([{ t: 2, … }, { t: 1, … }], 'detectGaps');
 * // RangeError: detectGaps: points must be in time order (point 1 is earlier than point 0); sort them by t, or call detectEvents, which sorts a copy
 */
export function assertTimeOrder(points: readonly TrackPoint[], fn: string): void {
  for (let i = 1; i < points.length; i++) {
    if ((points[i] as TrackPoint).t < (points[i - 1] as TrackPoint).t) {
      throw new RangeError(`${fn}: points must be in time order (point ${i} is earlier than point ${i - 1}); sort them by t, or call detectEvents, which sorts a copy`);
    }
  }
}
