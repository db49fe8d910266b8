import type { DayWindow, Duration } from './types';

const HOUR_MS = 3_600_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function dayStart(day: string, label: string): number {
  const t = DAY_RE.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(t) || !new Date(t).toISOString().startsWith(day)) {
    throw new RangeError(`windowDuration: ${label} is not a calendar day YYYY-MM-DD: ${JSON.stringify(day)}`);
  }
  return t;
}

function bounds(w: DayWindow, label: string): { start: number; end: number } {
  const start = dayStart(w.earliest, `${label}.earliest`);
  const end = dayStart(w.latest, `${label}.latest`) + 24 * HOUR_MS;
  if (end - start < 24 * HOUR_MS) {
    throw new RangeError(`windowDuration: ${label}.earliest (${w.earliest}) is after ${label}.latest (${w.latest})`);
  }
  return { start, end };
}

/**
 * Shortest and longest possible voyage duration from a departure and an arrival window of whole
 * UTC days (a window spans 00:00Z of `earliest` to 24:00Z of `latest`).
 *
 * - `minHours` = max(0, start of arrival.earliest − end of departure.latest)
 * - `maxHours` = end of arrival.latest − start of departure.earliest
 *
 * @param departure - departure window
 * @param arrival - arrival window
 * @returns `{ minHours, maxHours }`
 * @throws RangeError when a day is malformed, a window is reversed, or the arrival window ends
 *   before the departure window begins
 * @example
 * windowDuration({ earliest: '2023-09-07', latest: '2023-09-07' }, { earliest: '2023-09-08', latest: '2023-09-09' });
 * // { minHours: 0, maxHours: 72 }
 */
export function windowDuration(departure: DayWindow, arrival: DayWindow): Duration {
  const dep = bounds(departure, 'departure');
  const arr = bounds(arrival, 'arrival');
  if (arr.end <= dep.start) {
    throw new RangeError(
      `windowDuration: arrival window (${arrival.earliest}..${arrival.latest}) ends before the departure window (${departure.earliest}..${departure.latest}) begins`,
    );
  }
  return {
    minHours: Math.max(0, (arr.start - dep.end) / HOUR_MS),
    maxHours: (arr.end - dep.start) / HOUR_MS,
  };
}
