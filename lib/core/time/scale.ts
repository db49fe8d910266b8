/**
 * A linear time scale for the timeline: instants (ms) to pixels and back, zoom about a point,
 * pan, and tick marks at a step that suits the width (days, weeks, months, quarters or years).
 */
import { DAY_MS, WEEK_MS, dayOf, weekStart } from './days';

export interface TimeDomain {
  start: number;
  end: number;
}

/** The narrowest and widest spans the timeline shows. */
export const MIN_SPAN_MS = 7 * DAY_MS;
const MAX_SPAN_MS = 30 * 365 * DAY_MS;

export function timeToX(d: TimeDomain, width: number, t: number): number {
  return ((t - d.start) / (d.end - d.start)) * width;
}

export function xToTime(d: TimeDomain, width: number, x: number): number {
  return d.start + (x / Math.max(1, width)) * (d.end - d.start);
}

/** The span between MIN_SPAN_MS and MAX_SPAN_MS, keeping `anchor` at the same fraction of the width. */
function withSpan(d: TimeDomain, span: number, anchor: number): TimeDomain {
  const s = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, span));
  const f = (anchor - d.start) / (d.end - d.start);
  const start = anchor - f * s;
  return { start, end: start + s };
}

/** Zoom by `factor` (> 1 zooms in) about the instant `anchor`, which stays where it is on screen. */
export function zoomAt(d: TimeDomain, factor: number, anchor: number): TimeDomain {
  if (!(factor > 0) || !Number.isFinite(factor)) return d;
  return withSpan(d, (d.end - d.start) / factor, anchor);
}

/** Moves the view by `dt` ms (positive: later). */
export function pan(d: TimeDomain, dt: number): TimeDomain {
  return { start: d.start + dt, end: d.end + dt };
}

/** The domain that shows [start, end) with a margin of `pad` of its span on each side. */
export function fitDomain(start: number, end: number, pad = 0.03): TimeDomain {
  const mid = (start + end) / 2;
  const span = Math.max(MIN_SPAN_MS, (end - start) * (1 + 2 * pad));
  return withSpan({ start: mid - span / 2, end: mid + span / 2 }, span, mid);
}

export interface Tick {
  t: number;
  label: string;
  /** A month or year boundary (drawn stronger). */
  major: boolean;
}

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';
const UNIT_MS: Record<Unit, number> = { day: DAY_MS, week: WEEK_MS, month: 30.44 * DAY_MS, quarter: 91.3 * DAY_MS, year: 365.25 * DAY_MS };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function nextTick(t: number, unit: Unit): number {
  if (unit === 'day') return t + DAY_MS;
  if (unit === 'week') return t + WEEK_MS;
  const d = new Date(t);
  const months = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
}

function firstTick(t: number, unit: Unit): number {
  if (unit === 'day') return Math.ceil(t / DAY_MS) * DAY_MS;
  if (unit === 'week') {
    const w = weekStart(t);
    return w < t ? w + WEEK_MS : w;
  }
  const d = new Date(t);
  const step = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  const m = Math.floor(d.getUTCMonth() / step) * step;
  const first = Date.UTC(d.getUTCFullYear(), m, 1);
  return first < t ? nextTick(first, unit) : first;
}

function label(t: number, unit: Unit): string {
  const d = new Date(t);
  const month = MONTHS[d.getUTCMonth()]!;
  if (unit === 'year') return String(d.getUTCFullYear());
  if (unit === 'month' || unit === 'quarter') return d.getUTCMonth() === 0 ? `${month} ${d.getUTCFullYear()}` : month;
  return d.getUTCDate() === 1 || unit === 'week' ? `${d.getUTCDate()} ${month}` : String(d.getUTCDate());
}

/** Ticks across the domain, at the finest unit that keeps them `minGap` px apart. */
export function timeTicks(d: TimeDomain, width: number, minGap = 64): Tick[] {
  const pxPerMs = width / (d.end - d.start);
  const unit = (['day', 'week', 'month', 'quarter', 'year'] as const).find((u) => UNIT_MS[u] * pxPerMs >= minGap) ?? 'year';
  const ticks: Tick[] = [];
  for (let t = firstTick(d.start, unit); t <= d.end && ticks.length < 500; t = nextTick(t, unit)) {
    const date = new Date(t);
    ticks.push({ t, label: label(t, unit), major: date.getUTCDate() === 1 && (unit !== 'month' || date.getUTCMonth() === 0) });
  }
  return ticks;
}

/** A dragged range [t0, t1] (either order) as whole days for the filter: `from` to `to` inclusive. */
export function rangeToDays(t0: number, t1: number): { from: string; to: string } {
  const lo = Math.min(t0, t1);
  const hi = Math.max(t0, t1);
  const from = dayOf(lo);
  // The day the drag ended in, unless it ended exactly at midnight (then the day before).
  const to = dayOf(Math.max(Math.floor(lo / DAY_MS) * DAY_MS, hi - 1));
  return { from, to };
}
