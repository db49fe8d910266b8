/**
 * Day windows as people read them: "6 Feb 2024", "4–8 Feb 2024", "28 Jan – 3 Feb 2024",
 * "30 Dec 2023 – 2 Jan 2024".
 */
import type { DayWindow } from '@/lib/core/geo/types';
import { dayStart } from '@/lib/core/time/days';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "6 Feb 2024", as dayLabel writes it, without Intl (a formatter per call costs ~0.3 ms: seconds for 10,000 voyages). */
function dayLabel(d: Date): string {
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export function windowLabel(w: DayWindow): string {
  const a = dayStart(w.earliest);
  const b = dayStart(w.latest);
  if (Number.isNaN(a) || Number.isNaN(b)) return `${w.earliest}–${w.latest}`;
  const da = new Date(a);
  const db = new Date(b);
  if (a === b) return dayLabel(da);
  const sameYear = da.getUTCFullYear() === db.getUTCFullYear();
  if (sameYear && da.getUTCMonth() === db.getUTCMonth()) return `${da.getUTCDate()}–${dayLabel(db)}`;
  const start = `${da.getUTCDate()} ${MONTHS[da.getUTCMonth()]}${sameYear ? '' : ` ${da.getUTCFullYear()}`}`;
  return `${start} – ${dayLabel(db)}`;
}
