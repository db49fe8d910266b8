/**
 * Whole UTC days as `YYYY-MM-DD` and as instants (ms since the epoch). A day `D` is the interval
 * [00:00Z of D, 24:00Z of D); a window `{earliest, latest}` is [00:00Z of earliest, 24:00Z of latest).
 */
import type { DayWindow } from '@/lib/core/geo/types';

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Days already read: a timeline of 10,000 voyages reads 40,000 windows' ends, most of them alike. */
const known = new Map<string, number>();

/** 00:00Z of a real calendar day, or NaN when `day` is not one ("2024-02-30" is not). */
export function dayStart(day: string): number {
  const hit = known.get(day);
  if (hit !== undefined) return hit;
  let t = Number.NaN;
  if (DAY_RE.test(day)) {
    const y = Number(day.slice(0, 4));
    const m = Number(day.slice(5, 7));
    const d = Number(day.slice(8, 10));
    const u = Date.UTC(y, m - 1, d);
    const back = new Date(u);
    // Date.UTC rolls 30 Feb over into March and reads years below 100 as 19xx: both are refused.
    if (back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d) t = u;
  }
  if (known.size >= 100_000) known.clear();
  known.set(day, t);
  return t;
}

/** The UTC day an instant falls on. */
export function dayOf(t: number): string {
  return new Date(Math.floor(t / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (before, for a negative n). */
export function addDays(day: string, n: number): string {
  return dayOf(dayStart(day) + n * DAY_MS);
}

/** A window as instants: [start, end), end exclusive (24:00Z of `latest`). */
export function windowSpan(w: DayWindow): { start: number; end: number } {
  return { start: dayStart(w.earliest), end: dayStart(w.latest) + DAY_MS };
}

/** 00:00Z of the Monday of the ISO week an instant falls in. */
export function weekStart(t: number): number {
  const day = Math.floor(t / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays.
  const sinceMonday = (((Math.floor(day / DAY_MS) + 3) % 7) + 7) % 7;
  return day - sinceMonday * DAY_MS;
}
