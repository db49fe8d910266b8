/** What lies under a point of the timeline's canvas (CSS pixels from its top-left corner). */
import type { TimeDomain } from '@/lib/core/time/scale';
import { timeToX } from '@/lib/core/time/scale';
import type { TimelineModel } from '@/lib/core/time/timeline';
import { AXIS_H, HEADER_H, LANE_H, type TimelineLayout, laneTop, rowAt } from './layout';

export type TimelineHit =
  | { kind: 'axis' }
  | { kind: 'histogram' }
  | { kind: 'label'; row: number }
  | { kind: 'bar'; row: number; id: string }
  | { kind: 'row'; row: number }
  | { kind: 'none' };

export interface HitGeometry {
  width: number;
  labelWidth: number;
  /** How far the rows are scrolled. */
  scrollTop: number;
}

/** Bars narrower than this many pixels are hit as if this wide. */
const MIN_HIT_PX = 6;

export function hitTest(model: TimelineModel, layout: TimelineLayout, domain: TimeDomain, g: HitGeometry, x: number, y: number): TimelineHit {
  if (y < AXIS_H) return { kind: 'axis' };
  if (y < HEADER_H) return x < g.labelWidth ? { kind: 'none' } : { kind: 'histogram' };
  const row = rowAt(layout, y - HEADER_H + g.scrollTop);
  if (row < 0) return { kind: 'none' };
  if (x < g.labelWidth) return { kind: 'label', row };
  const r = model.rows[row]!;
  const rl = layout.rows[row]!;
  const chartW = g.width - g.labelWidth;
  const yIn = y - HEADER_H + g.scrollTop;
  for (let i = r.bars.length - 1; i >= 0; i--) {
    const b = r.bars[i]!;
    const top = laneTop(rl, rl.lanes[i]!);
    if (yIn < top || yIn >= top + LANE_H) continue;
    const x0 = g.labelWidth + timeToX(domain, chartW, b.d1);
    const x1 = g.labelWidth + timeToX(domain, chartW, b.a2);
    const pad = Math.max(0, (MIN_HIT_PX - (x1 - x0)) / 2);
    if (x >= x0 - pad && x <= x1 + pad) return { kind: 'bar', row, id: b.id };
  }
  return { kind: 'row', row };
}
