/**
 * The voyage index's columns (voyage-index.ts) and the scan that filters them: plain arrays in
 * list order, walked once per new filter.
 */
import 'server-only';
import type { Confidence } from '@/lib/core/domain/schemas';

/** The filters a scan applies (VoyageFilter's, without the page). */
interface ScanFilter {
  vessel?: string;
  port?: string;
  from?: string;
  to?: string;
  confidence?: Confidence;
}

/** Every voyage a reader may see, as columns, in list order (earliest departure, then id). */
export interface Ordered {
  ids: string[];
  departureEarliest: string[];
  arrivalLatest: string[];
  vessel: (string | null)[];
  origin: string[];
  destination: string[];
  confidence: string[];
}

/** Positions into `Ordered` of the voyages that match one filter; null: all of them. */
export type Matches = Int32Array | null;

/**
 * SQLite aggregates a subquery's rows in the order they come, which is the index's; should a
 * future query plan not keep it, sort here rather than page in the wrong order.
 */
export function inListOrder(o: Ordered): Ordered {
  const before = (a: number, b: number) => {
    const [da, db] = [o.departureEarliest[a]!, o.departureEarliest[b]!];
    return da < db || (da === db && o.ids[a]! < o.ids[b]!);
  };
  let sorted = true;
  for (let i = 1; i < o.ids.length && sorted; i++) sorted = before(i - 1, i);
  if (sorted) return o;
  const order = o.ids.map((_, i) => i).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const pick = <T>(xs: T[]) => order.map((i) => xs[i]!);
  return {
    ids: pick(o.ids),
    departureEarliest: pick(o.departureEarliest),
    arrivalLatest: pick(o.arrivalLatest),
    vessel: pick(o.vessel),
    origin: pick(o.origin),
    destination: pick(o.destination),
    confidence: pick(o.confidence),
  };
}

const DAY_TEXT = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * A day 'YYYY-MM-DD' as a count of days in months of 31 (ordered as the text is, and a difference
 * of two is a span in days give or take three); NaN for any other text.
 */
function dayNumber(day: string): number {
  const m = DAY_TEXT.exec(day);
  return m ? Number(m[1]) * 372 + (Number(m[2]) - 1) * 31 + Number(m[3]) - 1 : Number.NaN;
}

interface Days {
  departure: Int32Array;
  arrival: Int32Array;
  /** The longest span, latest arrival less earliest departure, as numbers: no voyage ends later after its start. */
  maxSpan: number;
  /** Whether departures ascend (the list's order): then a date filter walks only the part of the list it can match. */
  ascending: boolean;
}

/** The departure and arrival days as numbers, made once per list order; null if some day is not 'YYYY-MM-DD' (then the text is compared). */
const dayKeys = new WeakMap<Ordered, Days | null>();

function daysOf(o: Ordered): Days | null {
  if (!dayKeys.has(o)) {
    const departure = new Int32Array(o.ids.length);
    const arrival = new Int32Array(o.ids.length);
    let [ok, ascending, maxSpan] = [true, true, 0];
    for (let i = 0; i < o.ids.length && ok; i++) {
      const [d, a] = [dayNumber(o.departureEarliest[i]!), dayNumber(o.arrivalLatest[i]!)];
      ok = Number.isInteger(d) && Number.isInteger(a);
      departure[i] = d;
      arrival[i] = a;
      maxSpan = Math.max(maxSpan, a - d);
      if (i > 0 && d < departure[i - 1]!) ascending = false;
    }
    dayKeys.set(o, ok ? { departure, arrival, maxSpan, ascending } : null);
  }
  return dayKeys.get(o)!;
}

/** The first position whose departure is above `day` (`or equal`: at or above it), in ascending departures. */
function firstAfter(departure: Int32Array, day: number, orEqual: boolean): number {
  let [lo, hi] = [0, departure.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (departure[mid]! < day || (!orEqual && departure[mid] === day)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The positions of the voyages that pass the filter, as the SQL conditions did (voyage-facets.ts).
 * Dates are compared as numbers where every day allows it, and in list order (by departure) a
 * date filter walks only the voyages that depart between `from` less the longest span and `to`:
 * a week's filter over 100,000 voyages took about 1 ms as a walk of all of them, most of a map
 * answer's time once its parts are kept.
 */
export function scan(f: ScanFilter, o: Ordered): Matches {
  const { vessel, port, from, to, confidence } = f;
  if (!vessel && !port && !from && !to && !confidence) return null;
  const days = from || to ? daysOf(o) : null;
  const [fromDay, toDay] = [from ? dayNumber(from) : Number.NaN, to ? dayNumber(to) : Number.NaN];
  const byNumber = days !== null && (!from || Number.isInteger(fromDay)) && (!to || Number.isInteger(toDay));
  let [start, end] = [0, o.ids.length];
  if (byNumber && days.ascending) {
    if (from) start = firstAfter(days.departure, fromDay - days.maxSpan, true);
    if (to) end = firstAfter(days.departure, toDay, false);
  }
  const out = new Int32Array(Math.max(end - start, 0));
  let n = 0;
  for (let i = start; i < end; i++) {
    if (byNumber) {
      if (from && days.arrival[i]! < fromDay) continue;
      if (to && days.departure[i]! > toDay) continue;
    } else {
      if (from && o.arrivalLatest[i]! < from) continue;
      if (to && o.departureEarliest[i]! > to) continue;
    }
    if (vessel && o.vessel[i] !== vessel) continue;
    if (port && o.origin[i] !== port && o.destination[i] !== port) continue;
    if (confidence && o.confidence[i] !== confidence) continue;
    out[n++] = i;
  }
  return out.slice(0, n);
}
