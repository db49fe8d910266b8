/**
 * A range of days narrows the voyages as the server's filter does (lib/server/db/voyage-scan.ts and
 * the SQL of voyage-facets.ts): a voyage is in it when its span could touch it, its latest arrival on
 * or after `from` and its earliest departure on or before `to`. The dashboard narrows the whole
 * answer it already holds (the timeline's) with it, rather than asking the server again for every
 * range brushed.
 */
import { facetsQuery } from './facets';

export interface DayRange {
  from?: string;
  to?: string;
}

interface Spans {
  departure: { earliest: string };
  arrival: { latest: string };
}

/**
 * The range to narrow by here: one the server's own query schema accepts (real calendar days, in
 * order). Null when none is set, or for one the server must judge (and refuse, naming the field).
 */
export function rangeToNarrow({ from, to }: DayRange): DayRange | null {
  if (!from && !to) return null;
  return facetsQuery.safeParse({ from, to }).success ? { ...(from ? { from } : {}), ...(to ? { to } : {}) } : null;
}

/** Whether a voyage's span could touch the range (days compared as text, as the server does). */
export function spansRange(p: Spans, { from, to }: DayRange): boolean {
  return !(from && p.arrival.latest < from) && !(to && p.departure.earliest > to);
}

/** The features whose voyage could touch the range, in their order. */
export function narrowToRange<P extends Spans, F extends { properties: P }, C extends { features: F[] }>(fc: C, range: DayRange): C {
  return { ...fc, features: fc.features.filter((f) => spansRange(f.properties, range)) };
}
