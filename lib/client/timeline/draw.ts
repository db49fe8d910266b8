/**
 * Draws the timeline on a canvas (CSS pixels; the caller scales for the device pixel ratio): the
 * tick strip, the weekly histogram, one row per vessel with its voyages (the windows shaded, the
 * part certainly under way solid), sightings as ticks, claim periods as brackets, and the brushed
 * range. Only the rows in view and the bars inside the domain are drawn, batched by style, so ten
 * thousand voyages draw in a few milliseconds.
 */
import { COLORS } from '@/lib/core/domain/map-style';
import { type TimeDomain, timeTicks, timeToX } from '@/lib/core/time/scale';
import type { TimelineModel } from '@/lib/core/time/timeline';
import { AXIS_H, HEADER_H, HIST_H, LANE_H, type TimelineLayout, labelY, laneTop } from './layout';

const TIMELINE_STYLE = {
  background: '#ffffff',
  axis: '#f1f3f6',
  grid: '#e6e9ee',
  gridMajor: '#c9ced6',
  text: '#1c2430',
  muted: '#5b6472',
  stripe: '#f7f8fa',
  window: 'rgba(194, 65, 12, 0.28)',
  certain: COLORS.route,
  selected: COLORS.routeSelected,
  hovered: '#1c2430',
  histogram: 'rgba(194, 65, 12, 0.55)',
  sighting: COLORS.port,
  claim: COLORS.border,
  range: '#1d4e89',
  outside: 'rgba(235, 238, 242, 0.72)',
  cursor: '#1d4e89',
  brush: 'rgba(29, 78, 137, 0.18)',
} as const;

export interface DrawOptions {
  width: number;
  height: number;
  labelWidth: number;
  scrollTop: number;
  selectedId?: string | null;
  hoveredId?: string | null;
  /** The brushed filter as instants [start, end). */
  range?: { start: number; end: number } | null;
}

type Ctx = CanvasRenderingContext2D;

function ellipsize(ctx: Ctx, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > max) s = s.slice(0, -1);
  return `${s}…`;
}

function drawAxis(ctx: Ctx, domain: TimeDomain, o: DrawOptions, chartW: number) {
  ctx.fillStyle = TIMELINE_STYLE.axis;
  ctx.fillRect(0, 0, o.width, AXIS_H);
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  for (const tick of timeTicks(domain, chartW)) {
    const x = Math.round(o.labelWidth + timeToX(domain, chartW, tick.t)) + 0.5;
    ctx.fillStyle = tick.major ? TIMELINE_STYLE.gridMajor : TIMELINE_STYLE.grid;
    ctx.fillRect(x - 0.5, AXIS_H, 1, o.height - AXIS_H);
    ctx.fillStyle = TIMELINE_STYLE.muted;
    ctx.fillRect(x - 0.5, AXIS_H - 5, 1, 5);
    ctx.fillStyle = TIMELINE_STYLE.text;
    ctx.fillText(tick.label, x + 3, AXIS_H / 2);
  }
}

function drawHistogram(ctx: Ctx, model: TimelineModel, domain: TimeDomain, o: DrawOptions, chartW: number) {
  ctx.fillStyle = TIMELINE_STYLE.muted;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.fillText(ellipsize(ctx, 'Voyages / week', o.labelWidth - 8), 4, AXIS_H + 4);
  ctx.fillText(`max ${model.maxWeek}`, 4, AXIS_H + 17);
  ctx.fillStyle = TIMELINE_STYLE.histogram;
  ctx.beginPath();
  const base = HEADER_H - 2;
  for (const w of model.weeks) {
    const x0 = timeToX(domain, chartW, w.start);
    const x1 = timeToX(domain, chartW, w.start + 7 * 86_400_000);
    if (x1 < 0 || x0 > chartW || w.count === 0) continue;
    const h = Math.max(1, (w.count / model.maxWeek) * (HIST_H - 8));
    ctx.rect(o.labelWidth + x0, base - h, Math.max(1, x1 - x0 - 1), h);
  }
  ctx.fill();
}

function drawRows(ctx: Ctx, model: TimelineModel, layout: TimelineLayout, domain: TimeDomain, o: DrawOptions, chartW: number) {
  const top = o.scrollTop;
  const bottom = o.scrollTop + o.height - HEADER_H;
  const windows = new Path2D();
  const certain = new Path2D();
  const sightings = new Path2D();
  const claims = new Path2D();
  const X = (t: number) => o.labelWidth + timeToX(domain, chartW, t);
  const labels: { text: string; y: number; count: number; room: number }[] = [];
  let emphasised: { x0: number; x1: number; c0: number; c1: number; y: number; selected: boolean }[] = [];
  for (let i = 0; i < model.rows.length; i++) {
    const rl = layout.rows[i]!;
    if (rl.y + rl.height < top) continue;
    if (rl.y > bottom) break;
    const row = model.rows[i]!;
    const y0 = HEADER_H + rl.y - top;
    if (i % 2 === 1) {
      ctx.fillStyle = TIMELINE_STYLE.stripe;
      ctx.fillRect(0, y0, o.width, rl.height);
    }
    const ly = labelY(y0, rl.height, HEADER_H, o.height);
    if (ly !== null) labels.push({ text: row.label, y: ly, count: row.bars.length, room: Math.min(y0 + rl.height, o.height) - ly });
    for (let b = 0; b < row.bars.length; b++) {
      const bar = row.bars[b]!;
      const x0 = X(bar.d1);
      const x1 = Math.max(x0 + 1, X(bar.a2));
      if (x1 < o.labelWidth || x0 > o.width) continue;
      const y = HEADER_H + laneTop(rl, rl.lanes[b]!) - top + 2;
      const c0 = X(bar.d2);
      const c1 = X(bar.a1);
      if (bar.id === o.selectedId || bar.id === o.hoveredId) {
        emphasised.push({ x0, x1, c0, c1, y, selected: bar.id === o.selectedId });
        continue;
      }
      windows.rect(x0, y, x1 - x0, LANE_H - 4);
      if (bar.d2 < bar.a1) certain.rect(c0, y + 2, Math.max(1, c1 - c0), LANE_H - 8);
    }
    for (const s of row.sightings) {
      const x = X((s.start + s.end) / 2);
      if (x < o.labelWidth || x > o.width) continue;
      sightings.rect(x - 1, y0 + 1, 2, rl.height - 2);
    }
    for (const c of row.claims) {
      const x0 = X(c.start);
      const x1 = Math.max(x0 + 2, X(c.end));
      if (x1 < o.labelWidth || x0 > o.width) continue;
      const yb = y0 + rl.height - 2;
      claims.moveTo(x0, yb - 4);
      claims.lineTo(x0, yb);
      claims.lineTo(x1, yb);
      claims.lineTo(x1, yb - 4);
    }
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(o.labelWidth, HEADER_H, o.width - o.labelWidth, o.height - HEADER_H);
  ctx.clip();
  ctx.fillStyle = TIMELINE_STYLE.window;
  ctx.fill(windows);
  ctx.fillStyle = TIMELINE_STYLE.certain;
  ctx.fill(certain);
  ctx.fillStyle = TIMELINE_STYLE.sighting;
  ctx.fill(sightings);
  ctx.strokeStyle = TIMELINE_STYLE.claim;
  ctx.lineWidth = 1.5;
  ctx.stroke(claims);
  // The selected and hovered voyages last, over everything else, as the map and the list show them.
  emphasised = emphasised.sort((a, b) => Number(a.selected) - Number(b.selected));
  for (const e of emphasised) {
    ctx.fillStyle = e.selected ? 'rgba(124, 45, 18, 0.45)' : TIMELINE_STYLE.window;
    ctx.fillRect(e.x0, e.y, e.x1 - e.x0, LANE_H - 4);
    ctx.fillStyle = e.selected ? TIMELINE_STYLE.selected : TIMELINE_STYLE.certain;
    if (e.c0 < e.c1) ctx.fillRect(e.c0, e.y + 2, Math.max(1, e.c1 - e.c0), LANE_H - 8);
    ctx.strokeStyle = e.selected ? TIMELINE_STYLE.selected : TIMELINE_STYLE.hovered;
    ctx.lineWidth = 2;
    ctx.strokeRect(e.x0 - 1, e.y - 1, e.x1 - e.x0 + 2, LANE_H - 2);
  }
  ctx.restore();
  ctx.fillStyle = TIMELINE_STYLE.background;
  ctx.fillRect(0, HEADER_H, o.labelWidth - 2, o.height - HEADER_H);
  ctx.textBaseline = 'middle';
  for (const l of labels) {
    ctx.fillStyle = TIMELINE_STYLE.text;
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillText(ellipsize(ctx, l.text, o.labelWidth - 10), 4, l.y);
    // A row of many lanes says how many voyages it holds, where there is room under its name.
    if (l.count < 2 || l.room < 28) continue;
    ctx.fillStyle = TIMELINE_STYLE.muted;
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillText(ellipsize(ctx, `${l.count.toLocaleString('en')} voyages`, o.labelWidth - 10), 4, l.y + 14);
  }
}

function drawRange(ctx: Ctx, domain: TimeDomain, o: DrawOptions, chartW: number) {
  if (!o.range) return;
  const x0 = Math.max(o.labelWidth, o.labelWidth + timeToX(domain, chartW, o.range.start));
  const x1 = Math.min(o.width, o.labelWidth + timeToX(domain, chartW, o.range.end));
  ctx.fillStyle = TIMELINE_STYLE.outside;
  if (x0 > o.labelWidth) ctx.fillRect(o.labelWidth, AXIS_H, x0 - o.labelWidth, o.height - AXIS_H);
  if (x1 < o.width) ctx.fillRect(Math.max(x1, o.labelWidth), AXIS_H, o.width - Math.max(x1, o.labelWidth), o.height - AXIS_H);
  if (x1 <= x0) return;
  ctx.fillStyle = TIMELINE_STYLE.range;
  ctx.fillRect(x0, AXIS_H, x1 - x0, 3);
  ctx.fillRect(x0, AXIS_H, 1.5, o.height - AXIS_H);
  ctx.fillRect(x1 - 1.5, AXIS_H, 1.5, o.height - AXIS_H);
}

/** The whole timeline but the cursor and a brush being dragged (drawOverlay). */
export function drawTimeline(ctx: Ctx, model: TimelineModel, layout: TimelineLayout, domain: TimeDomain, o: DrawOptions): void {
  const chartW = Math.max(1, o.width - o.labelWidth);
  ctx.fillStyle = TIMELINE_STYLE.background;
  ctx.fillRect(0, 0, o.width, o.height);
  drawAxis(ctx, domain, o, chartW);
  drawHistogram(ctx, model, domain, o, chartW);
  drawRows(ctx, model, layout, domain, o, chartW);
  drawRange(ctx, domain, o, chartW);
  ctx.fillStyle = TIMELINE_STYLE.gridMajor;
  ctx.fillRect(0, HEADER_H - 1, o.width, 1);
  ctx.fillRect(o.labelWidth - 1, AXIS_H, 1, o.height - AXIS_H);
}

export interface OverlayOptions {
  width: number;
  height: number;
  labelWidth: number;
  /** The cursor's instant, or null. */
  cursor: number | null;
  /** A brush being dragged, as instants. */
  brush?: { t0: number; t1: number } | null;
}

/** The time cursor (a line with a handle in the tick strip) and the brush being dragged. */
export function drawOverlay(ctx: Ctx, domain: TimeDomain, o: OverlayOptions): void {
  ctx.clearRect(0, 0, o.width, o.height);
  const chartW = Math.max(1, o.width - o.labelWidth);
  const X = (t: number) => o.labelWidth + timeToX(domain, chartW, t);
  if (o.brush) {
    const a = Math.max(o.labelWidth, Math.min(X(o.brush.t0), X(o.brush.t1)));
    const b = Math.min(o.width, Math.max(X(o.brush.t0), X(o.brush.t1)));
    ctx.fillStyle = TIMELINE_STYLE.brush;
    ctx.fillRect(a, AXIS_H, Math.max(0, b - a), o.height - AXIS_H);
  }
  if (o.cursor === null) return;
  const x = X(o.cursor);
  if (x < o.labelWidth || x > o.width) return;
  ctx.fillStyle = TIMELINE_STYLE.cursor;
  ctx.fillRect(x - 1, 0, 2, o.height);
  ctx.beginPath();
  ctx.moveTo(x - 6, 0);
  ctx.lineTo(x + 6, 0);
  ctx.lineTo(x + 6, AXIS_H - 8);
  ctx.lineTo(x, AXIS_H - 2);
  ctx.lineTo(x - 6, AXIS_H - 8);
  ctx.closePath();
  ctx.fill();
}
