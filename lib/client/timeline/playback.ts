/** Playback and the cursor's keys, as pure steps (the component runs them on a clock or on keys). */
import { DAY_MS, addDays, dayOf, dayStart } from '@/lib/core/time/days';

export const SPEEDS = [
  { id: 'day', label: '1 day/s', days: 1 },
  { id: 'week', label: '1 week/s', days: 7 },
  { id: 'month', label: '1 month/s', days: 30 },
] as const;
export type SpeedId = (typeof SPEEDS)[number]['id'];

export function speedDays(id: SpeedId): number {
  return SPEEDS.find((s) => s.id === id)?.days ?? 1;
}

/** The data's first and last day, from the model's extent [start, end). */
export function dataDays(extent: { start: number; end: number } | null): { first: string; last: string } | null {
  return extent ? { first: dayOf(extent.start), last: dayOf(extent.end - 1) } : null;
}

/** Where Play starts: the cursor (or back at the start when it is at the end), else the brushed `from`, else the first day. */
export function playStart(cursorDay: string | null, from: string | undefined, days: { first: string; last: string }): string {
  if (cursorDay && cursorDay < days.last) return cursorDay < days.first ? days.first : cursorDay;
  if (cursorDay) return days.first;
  return from && from >= days.first && from < days.last ? from : days.first;
}

/**
 * One animation frame: the instant `dtMs` of real time later at `days` per second, stopping at
 * 00:00Z of the last day.
 */
export function advance(t: number, dtMs: number, days: number, lastDay: string): { t: number; done: boolean } {
  const end = dayStart(lastDay);
  const next = t + (Math.max(0, Math.min(dtMs, 250)) / 1000) * days * DAY_MS;
  return next >= end ? { t: end, done: true } : { t: next, done: false };
}

/** A reduced-motion step: `days` days on, stopping at the last day. */
export function step(day: string, days: number, lastDay: string): { day: string; done: boolean } {
  const next = addDays(day, days);
  return next >= lastDay ? { day: lastDay, done: true } : { day: next, done: false };
}

/** The keys that move the cursor (keyMove's). */
export const SLIDER_KEYS: ReadonlySet<string> = new Set(['ArrowLeft', 'ArrowDown', 'ArrowRight', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End']);

/** The cursor's move for a key on the slider, or null for a key it does not use. */
export function keyMove(key: string, shift: boolean, day: string, days: { first: string; last: string }): string | null {
  let next: string;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      next = addDays(day, shift ? -7 : -1);
      break;
    case 'ArrowRight':
    case 'ArrowUp':
      next = addDays(day, shift ? 7 : 1);
      break;
    case 'PageDown':
      next = addDays(day, -7);
      break;
    case 'PageUp':
      next = addDays(day, 7);
      break;
    case 'Home':
      return days.first;
    case 'End':
      return days.last;
    default:
      return null;
  }
  return next < days.first ? days.first : next > days.last ? days.last : next;
}
