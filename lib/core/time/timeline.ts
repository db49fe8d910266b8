/**
 * The timeline's model, from the voyages, sightings and claims: one row per vessel (voyages as
 * bars from the earliest possible departure to the latest possible arrival, sightings as ticks,
 * claim periods as brackets), and the number of voyages possibly under way in each week.
 */
import type { DayWindow } from '@/lib/core/geo/types';
import { WEEK_MS, windowSpan, weekStart } from './days';
import { type VoyageTimes, voyageTimes } from './possibleProgress';

export interface TimelineVoyageInput {
  id: string;
  vesselId: string | null;
  /** The vessel as the list names it (hedged: "believed to be Angara"). */
  vesselLabel: string;
  departure: DayWindow;
  arrival: DayWindow;
}

export interface TimelineMarkInput {
  id: string;
  vesselIds: readonly string[];
  window: DayWindow;
  label: string;
}

export interface TimelineBar extends VoyageTimes {
  id: string;
}

export interface TimelineMark {
  id: string;
  start: number;
  end: number;
  label: string;
}

export interface TimelineRow {
  /** The vessel id, or `unidentified`. */
  key: string;
  label: string;
  bars: TimelineBar[];
  sightings: TimelineMark[];
  claims: TimelineMark[];
}

export interface WeekBin {
  start: number;
  count: number;
}

export interface TimelineModel {
  rows: TimelineRow[];
  weeks: WeekBin[];
  /** The earliest and latest instant anything on the timeline covers; null when it is empty. */
  extent: { start: number; end: number } | null;
  /** The largest weekly count (at least 1), for the histogram's height. */
  maxWeek: number;
}

const UNIDENTIFIED = 'unidentified';

/**
 * Builds the rows (ordered by each vessel's first possible departure) and the weekly histogram.
 * Voyages whose windows cannot be read are left out (they are not on the timeline, only listed).
 */
export function timelineModel(
  voyages: readonly TimelineVoyageInput[],
  sightings: readonly TimelineMarkInput[] = [],
  claims: readonly TimelineMarkInput[] = [],
): TimelineModel {
  const rows = new Map<string, TimelineRow>();
  let start = Infinity;
  let end = -Infinity;
  for (const v of voyages) {
    let times: VoyageTimes;
    try {
      times = voyageTimes(v.departure, v.arrival);
    } catch {
      continue;
    }
    const key = v.vesselId ?? UNIDENTIFIED;
    let row = rows.get(key);
    if (!row) {
      row = { key, label: v.vesselId ? v.vesselLabel : 'Unidentified vessels', bars: [], sightings: [], claims: [] };
      rows.set(key, row);
    }
    row.bars.push({ id: v.id, ...times });
    start = Math.min(start, times.d1);
    end = Math.max(end, times.a2);
  }
  const marks = (list: readonly TimelineMarkInput[], field: 'sightings' | 'claims') => {
    for (const m of list) {
      const span = windowSpan(m.window);
      if (Number.isNaN(span.start) || Number.isNaN(span.end)) continue;
      for (const id of m.vesselIds) rows.get(id)?.[field].push({ id: m.id, ...span, label: m.label });
    }
  };
  marks(sightings, 'sightings');
  marks(claims, 'claims');
  const ordered = [...rows.values()];
  // Plain code-unit order on ties (ids are ASCII slugs): localeCompare costs far more at 10,000.
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const r of ordered) r.bars.sort((a, b) => a.d1 - b.d1 || a.a2 - b.a2 || byText(a.id, b.id));
  ordered.sort((a, b) => (a.key === UNIDENTIFIED ? 1 : 0) - (b.key === UNIDENTIFIED ? 1 : 0) || a.bars[0]!.d1 - b.bars[0]!.d1 || byText(a.label, b.label));
  const weeks = weeklyCounts(ordered.flatMap((r) => r.bars));
  return {
    rows: ordered,
    weeks,
    extent: Number.isFinite(start) ? { start, end } : null,
    maxWeek: Math.max(1, ...weeks.map((w) => w.count)),
  };
}

/** For each ISO week (Monday 00:00Z) from the first to the last, the voyages possibly under way in it. */
export function weeklyCounts(bars: readonly VoyageTimes[]): WeekBin[] {
  if (!bars.length) return [];
  const first = weekStart(Math.min(...bars.map((b) => b.d1)));
  const last = weekStart(Math.max(...bars.map((b) => b.a2)) - 1);
  const n = Math.round((last - first) / WEEK_MS) + 1;
  // A difference array: +1 in a voyage's first week, −1 after its last; then running sums.
  const diff = new Int32Array(n + 1);
  for (const b of bars) {
    diff[Math.round((weekStart(b.d1) - first) / WEEK_MS)]! += 1;
    diff[Math.round((weekStart(b.a2 - 1) - first) / WEEK_MS) + 1]! -= 1;
  }
  const weeks: WeekBin[] = [];
  let running = 0;
  for (let i = 0; i < n; i++) {
    running += diff[i]!;
    weeks.push({ start: first + i * WEEK_MS, count: running });
  }
  return weeks;
}
