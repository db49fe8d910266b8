/**
 * Where everything sits on the timeline's canvas: a tick strip at the top, the weekly histogram
 * under it, then one row per vessel. Voyages of one vessel whose spans overlap go on separate
 * lanes of its row, so no bar hides another.
 */
import type { TimelineBar, TimelineModel } from '@/lib/core/time/timeline';

export const AXIS_H = 24;
export const HIST_H = 40;
export const HEADER_H = AXIS_H + HIST_H;
export const LANE_H = 14;
const ROW_PAD = 4;

export interface RowLayout {
  /** Top of the row, from the top of the rows area (not of the canvas). */
  y: number;
  height: number;
  /** The lane of each bar, in the row's bar order. */
  lanes: number[];
}

export interface TimelineLayout {
  rows: RowLayout[];
  /** The height of all the rows. */
  rowsHeight: number;
}

function lanesOf(bars: readonly TimelineBar[]): number[] {
  const ends: number[] = [];
  return bars.map((b) => {
    let lane = ends.findIndex((end) => end <= b.d1);
    if (lane < 0) lane = ends.length;
    ends[lane] = b.a2;
    return lane;
  });
}

export function layoutTimeline(model: TimelineModel): TimelineLayout {
  let y = 0;
  const rows = model.rows.map((r) => {
    const lanes = lanesOf(r.bars);
    const height = (Math.max(0, ...lanes) + 1) * LANE_H + 2 * ROW_PAD;
    const row = { y, height, lanes };
    y += height;
    return row;
  });
  return { rows, rowsHeight: y };
}

/** The top of a bar's lane inside its row. */
export function laneTop(row: RowLayout, lane: number): number {
  return row.y + ROW_PAD + lane * LANE_H;
}

/** Half a label's line: a label keeps this far inside its row and the view. */
const LABEL_HALF = 8;

/**
 * Where a row's label sits (canvas y of its middle), or null when none of the row is in view.
 * A row that fits in the view has it in the middle; a taller one (a vessel with many voyages at
 * once: at 100,000 voyages, hundreds of lanes) has it by its first lane, not thousands of pixels
 * down, and once that has scrolled away, at the top of the part still in view: the vessel stays
 * named while any of its row shows.
 */
export function labelY(rowTop: number, rowHeight: number, viewTop: number, viewBottom: number): number | null {
  const top = Math.max(rowTop, viewTop);
  const bottom = Math.min(rowTop + rowHeight, viewBottom);
  if (bottom - top < 2 * LABEL_HALF) return null;
  const anchor = rowTop + (rowHeight <= viewBottom - viewTop ? rowHeight / 2 : ROW_PAD + LANE_H / 2);
  return Math.min(Math.max(anchor, top + LABEL_HALF), bottom - LABEL_HALF);
}

/** The width of the row labels' gutter, narrower on a phone. */
export function labelWidth(width: number): number {
  return width < 520 ? 76 : 124;
}

/** The index of the row at `y` in the rows area (binary search), or -1. */
export function rowAt(layout: TimelineLayout, y: number): number {
  let lo = 0;
  let hi = layout.rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = layout.rows[mid]!;
    if (y < r.y) hi = mid - 1;
    else if (y >= r.y + r.height) lo = mid + 1;
    else return mid;
  }
  return -1;
}
