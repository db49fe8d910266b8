/**
 * Where a ship could have been at a given time, from its departure and arrival windows.
 *
 * A voyage left at some instant `dep` in its departure window [d1, d2] and arrived at some `arr` in
 * its arrival window [a1, a2] (whole UTC days: d1 is 00:00Z of the first day, d2 is 24:00Z of the
 * last). Assuming steady speed along the route, its progress at time t is
 *
 *     p(t) = (t − dep) / (arr − dep), clipped to [0, 1].
 *
 * p falls as `dep` rises and as `arr` rises (for dep ≤ t), so over every departure and arrival the
 * windows allow, p(t) lies between
 *
 *     lowest  = (t − d2) / (a2 − d2)   (left as late as possible, arrived as late as possible)
 *     highest = (t − d1) / (a1 − d1)   (left as early as possible, arrived as early as possible)
 *
 * each clipped to [0, 1]. Windows that contradict each other are first made consistent: a ship
 * cannot leave after the latest arrival (d2 ≤ a2) nor arrive before the earliest departure
 * (a1 ≥ d1). A zero denominator (both windows end on the same day, or start on the same day) is a
 * step: the ship may cover the whole route in an instant, so the bound is 0 before that instant
 * and 1 from it on.
 *
 * The voyage is **certainly under way** when it has certainly left and certainly not arrived
 * (d2 ≤ t < a1), **possibly under way** when t lies in [d1, a2) otherwise, and not under way before
 * d1 or from a2 on.
 */
import type { DayWindow } from '@/lib/core/geo/types';
import { DAY_MS, dayStart, windowSpan } from './days';

/** A voyage's times as instants (ms), made consistent: d1 ≤ d2 ≤ a2 and d1 ≤ a1 ≤ a2. */
export interface VoyageTimes {
  d1: number;
  d2: number;
  a1: number;
  a2: number;
}

export type UnderWay = 'before' | 'possible' | 'certain' | 'after';

export interface PossibleProgress {
  /** Before departure, possibly or certainly under way, or arrived. */
  state: UnderWay;
  /** The lowest and highest fraction of the route (0 = origin, 1 = destination) it could have covered. */
  from: number;
  to: number;
}

/** A voyage's windows as consistent instants. Throws RangeError on a day that is not a real day. */
export function voyageTimes(departure: DayWindow, arrival: DayWindow): VoyageTimes {
  const dep = windowSpan(departure);
  const arr = windowSpan(arrival);
  if (Number.isNaN(dep.start + dep.end + arr.start + arr.end)) {
    const bad = Number.isNaN(dep.start) ? 'departure.earliest' : Number.isNaN(dep.end) ? 'departure.latest' : Number.isNaN(arr.start) ? 'arrival.earliest' : 'arrival.latest';
    throw new RangeError(`voyageTimes: ${bad} is not a calendar day YYYY-MM-DD`);
  }
  if (dep.start >= dep.end || arr.start >= arr.end) throw new RangeError('voyageTimes: a window ends before it starts');
  if (arr.end <= dep.start) throw new RangeError('voyageTimes: the arrival window ends before the departure window starts');
  return { d1: dep.start, d2: Math.min(dep.end, arr.end), a1: Math.max(arr.start, dep.start), a2: arr.end };
}

const clip = (x: number) => Math.min(1, Math.max(0, x));

/** (t − start) / (end − start), clipped to [0, 1]; a zero-length span is a step at `start`. */
function fraction(t: number, start: number, end: number): number {
  if (end <= start) return t >= start ? 1 : 0;
  return clip((t - start) / (end - start));
}

/** Whether the voyage was under way at instant `t`, and the stretch of its route it could have been on. */
export function possibleProgress(v: VoyageTimes, t: number): PossibleProgress {
  if (t < v.d1) return { state: 'before', from: 0, to: 0 };
  if (t >= v.a2) return { state: 'after', from: 1, to: 1 };
  const state: UnderWay = t >= v.d2 && t < v.a1 ? 'certain' : 'possible';
  return { state, from: fraction(t, v.d2, v.a2), to: fraction(t, v.d1, v.a1) };
}

/**
 * The same over a whole UTC day (the cursor `at=YYYY-MM-DD`): the union of every instant of the
 * day. Both bounds only grow with time, so the stretch runs from the lowest bound at 00:00Z to the
 * highest just before 24:00Z. Certainly under way means all day long; possibly, at some time that day.
 */
export function possibleProgressOnDay(v: VoyageTimes, day: string): PossibleProgress {
  const start = dayStart(day);
  if (Number.isNaN(start)) throw new RangeError(`possibleProgressOnDay: not a calendar day: ${JSON.stringify(day)}`);
  const end = start + DAY_MS;
  if (end <= v.d1) return { state: 'before', from: 0, to: 0 };
  if (start >= v.a2) return { state: 'after', from: 1, to: 1 };
  const state: UnderWay = start >= v.d2 && end <= v.a1 ? 'certain' : 'possible';
  // The last instant of the day: the highest bound is taken just before 24:00Z.
  return { state, from: fraction(start, v.d2, v.a2), to: fraction(end - 1, v.d1, v.a1) };
}
