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

/**
 * Each bar on the first lane free when it starts (bars come by start): a lane is free once its
 * last bar has ended. The first free lane is found in a tree of the lanes' latest ends, each node
 * the earliest end below it, so a row of n bars costs n log n rather than n × lanes: at 100,000
 * voyages a vessel's row has hundreds of lanes, and this ran between the map's data arriving and
 * its routes being drawn. Lanes not used yet are free from the start (their end -Infinity), so the
 * first free lane is a new one exactly when every lane in use is still busy.
 */
function lanesOf(bars: readonly TimelineBar[]): number[] {
  let size = 1;
  while (size < bars.length) size *= 2;
  const earliest = new Float64Array(2 * size).fill(-Infinity);
  return bars.map((b) => {
    let i = 1;
    while (i < size) i = earliest[2 * i]! <= b.d1 ? 2 * i : 2 * i + 1;
    const lane = i - size;
    earliest[i] = b.a2;
    for (i >>= 1; i >= 1; i >>= 1) earliest[i] = Math.min(earliest[2 * i]!, earliest[2 * i + 1]!);
    return lane;
  });
}

export function layoutTimeline(model: TimelineModel): TimelineLayout {
  let y = 0;
  const rows = model.rows.map((r) => {
    const lanes = lanesOf(r.bars);
    let top = 0;
    for (const lane of lanes) top = Math.max(top, lane);
    const height = (top + 1) * LANE_H + 2 * ROW_PAD;
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
