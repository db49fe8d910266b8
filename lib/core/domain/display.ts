/**
 * How dates, distances and durations read in the interface. Pure; UTC throughout.
 */
import type { DateWindow } from './schemas';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-09-07" → [2023, 'Sep', 7]. */
export function dayParts(day: string): [number, string, number] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [y, MONTHS[m - 1] ?? '?', d];
}

/** "2023-09-07" → "7 Sep 2023". */
export function formatDay(day: string): string {
  const [y, m, d] = dayParts(day);
  return `${d} ${m} ${y}`;
}

function lastDayOfMonth(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === d;
}

/**
 * A window as a reader says it: "8 Feb 2024", "7 Sep – 1 Oct 2023", "Feb 2024", "Feb – Mar 2024".
 * Month precision over whole months is written in months.
 */
export function formatWindow(w: Pick<DateWindow, 'earliest' | 'latest' | 'precision'>): string {
  const [y1, m1, d1] = dayParts(w.earliest);
  const [y2, m2, d2] = dayParts(w.latest);
  if (w.precision === 'year' && w.earliest.endsWith('-01-01') && w.latest.endsWith('-12-31')) {
    return y1 === y2 ? `${y1}` : `${y1} – ${y2}`;
  }
  if (w.precision !== 'day' && d1 === 1 && lastDayOfMonth(w.latest)) {
    if (y1 === y2 && m1 === m2) return `${m1} ${y1}`;
    return y1 === y2 ? `${m1} – ${m2} ${y1}` : `${m1} ${y1} – ${m2} ${y2}`;
  }
  if (w.earliest === w.latest) return formatDay(w.earliest);
  if (y1 !== y2) return `${d1} ${m1} ${y1} – ${d2} ${m2} ${y2}`;
  if (m1 !== m2) return `${d1} ${m1} – ${d2} ${m2} ${y1}`;
  return `${d1}–${d2} ${m1} ${y1}`;
}

export function formatNm(nm: number): string {
  return `${nm < 10 ? nm.toFixed(1) : Math.round(nm).toLocaleString('en-GB')} nm`;
}

export function formatKm(nm: number): string {
  const km = nm * 1.852;
  return `${km < 10 ? km.toFixed(1) : Math.round(km).toLocaleString('en-GB')} km`;
}

function hoursText(h: number): string {
  if (h < 48) return `${Math.round(h)} h`;
  const d = h / 24;
  return `${d < 10 ? d.toFixed(1) : Math.round(d)} days`;
}

/** "between 2 and 6 days", "up to 25 days" when the shortest passage the windows allow is ~0. */
export function formatDurationRange(minHours: number, maxHours: number): string {
  if (minHours <= 0) return `up to ${hoursText(maxHours)}`;
  if (Math.abs(maxHours - minHours) < 0.5) return hoursText(minHours);
  return `between ${hoursText(minHours)} and ${hoursText(maxHours)}`;
}

/** "at least 0.4 kn", "0.4 – 6.1 kn". A null maximum means the windows do not bound it. */
export function formatSpeedRange(minKnots: number | null, maxKnots: number | null): string {
  const f = (k: number) => (k < 10 ? k.toFixed(1) : Math.round(k).toString());
  if (minKnots === null) return 'not known';
  if (maxKnots === null) return `at least ${f(minKnots)} kn (no upper bound from the dates)`;
  return `${f(minKnots)} – ${f(maxKnots)} kn`;
}
