/**
 * "Fit the voyages shown": the frame that shows every route, its arrows, the route and hedge labels
 * and the names of the ports it joins, all inside the map and clear of the furniture drawn over it
 * (the legend at the top right, the scale bar at the bottom left). Pure.
 *
 * Each thing to keep in view is a point with the pixels it needs around it (a port's name on either
 * side, a label above a route's middle). For one scale the points' places are a linear function of
 * the offset, so whether they fit a rectangle is a pair of interval checks; the largest scale that
 * fits is found by bisection, for each way of cutting the furniture out of the map rectangle (left
 * of the legend or below it, right of the scale bar or above it), and the best is kept.
 */
import { hedgedVesselName, hedgeWords } from '@/lib/core/domain/hedges';
import type { Bbox } from '@/lib/core/domain/view-state';
import { type ExportLayout, exportLayout, scaleBarBounds } from './layout';
import { legendSvg } from './legend';
import { measureText } from './metrics';
import { mercX, mercY, unmercY } from './projection';
import type { ComposeInput } from './svg';
import { type Box, textWidth } from './text';

/** A point to keep in view, in Mercator units, and the pixels it needs on each side. */
interface FitItem {
  x: number;
  y: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Never closer than this many degrees across the map's shorter side (a one-port voyage). */
const MIN_SPAN_DEG = 0.6;

const width = (s: string, size: number, bold = false) => Math.max(textWidth(s, size), measureText(s, size, bold));

/** The midpoint by length of a line in Mercator units (where the route's arrow and labels sit). */
function midpoint(points: readonly [number, number][]): [number, number] | null {
  if (points.length === 0) return null;
  const lengths = points.slice(1).map((p, i) => Math.hypot(p[0] - points[i]![0], p[1] - points[i]![1]));
  let half = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    const l = lengths[i]!;
    if (half <= l && l > 0) {
      const [a, b] = [points[i]!, points[i + 1]!];
      return [a[0] + ((b[0] - a[0]) * half) / l, a[1] + ((b[1] - a[1]) * half) / l];
    }
    half -= l;
  }
  return points[0]!;
}

/** What must stay in view: route vertices, active ports with their names, route and hedge labels. */
function fitItems(input: Omit<ComposeInput, 'bbox'>, u: number): FitItem[] {
  const selected = input.voyages.find((v) => v.id === input.selectedId);
  const voyages = selected ? [selected] : input.voyages;
  const items: FitItem[] = [];
  const line = 8 * u;
  for (const v of voyages) {
    for (const [lon = 0, lat = 0] of v.route.coordinates) items.push({ x: mercX(lon), y: mercY(lat), left: line, top: line, right: line, bottom: line });
  }
  if (input.showLabels) {
    const active = new Set(voyages.flatMap((v) => [v.origin.id, v.destination.id]));
    for (const p of input.ports.filter((q) => active.has(q.id))) {
      const size = 14 * u;
      const w = 9 * u + width(`${p.name}${p.approximate ? ' (approx.)' : ''}`, size, true);
      items.push({ x: mercX(p.position[0]), y: mercY(p.position[1]), left: w, right: w, top: size, bottom: size });
    }
  }
  const labelled = selected ?? [...input.voyages].filter((v) => v.routeKind === 'inferred').sort((a, b) => b.metrics.routeNm - a.metrics.routeNm)[0];
  for (const v of new Set([...(labelled?.routeKind === 'inferred' ? [labelled] : []), ...voyages.filter((x) => hedgeWords(x).length > 0)])) {
    const mid = midpoint(v.route.coordinates.map(([lon = 0, lat = 0]) => [mercX(lon), mercY(lat)]));
    if (!mid) continue;
    const w = Math.max(width('Route inferred, not observed', 13 * u, true), width(hedgedVesselName(v.vessel?.name ?? null, v), 12 * u)) / 2;
    items.push({ x: mid[0], y: mid[1], left: w, right: w, top: 14 * u + 13 * u, bottom: 14 * u + 12 * u * 1.3 });
  }
  return items;
}

/** The offset interval along one axis that keeps every item inside [lo, hi] at this scale, or null. */
function offsets(items: readonly FitItem[], s: number, lo: number, hi: number, axis: 'x' | 'y'): [number, number] | null {
  let min = -Infinity;
  let max = Infinity;
  for (const it of items) {
    const p = s * it[axis];
    min = Math.max(min, lo + (axis === 'x' ? it.left : it.top) - p);
    max = Math.min(max, hi - (axis === 'x' ? it.right : it.bottom) - p);
  }
  return min <= max ? [min, max] : null;
}

/** The largest scale at which the items fit `rect`, and the centred offsets at that scale. */
function fitInRect(items: readonly FitItem[], rect: Box, maxScale: number): { s: number; ox: number; oy: number } | null {
  const fits = (s: number) => offsets(items, s, rect[0], rect[2], 'x') !== null && offsets(items, s, rect[1], rect[3], 'y') !== null;
  if (!fits(0)) return null;
  let lo = 0;
  let hi = maxScale;
  if (fits(hi)) lo = hi;
  for (let i = 0; i < 60 && hi - lo > lo * 1e-9; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  const x = offsets(items, lo, rect[0], rect[2], 'x');
  const y = offsets(items, lo, rect[1], rect[3], 'y');
  return x && y && lo > 0 ? { s: lo, ox: (x[0] + x[1]) / 2, oy: (y[0] + y[1]) / 2 } : null;
}

/** The four ways to keep a rectangle clear of an obstacle inside it: left of, right of, above or below it. */
function cuts(rect: Box, b: Box): Box[] {
  const [l, t, r, bt] = rect;
  if (b[2] <= l || b[0] >= r || b[3] <= t || b[1] >= bt) return [rect];
  const out: Box[] = [
    [l, t, Math.min(r, b[0]), bt],
    [Math.max(l, b[2]), t, r, bt],
    [l, t, r, Math.min(bt, b[1])],
    [l, Math.max(t, b[3]), r, bt],
  ];
  return out.filter((x) => x[2] > x[0] && x[3] > x[1]);
}

/** The boxes drawn over the map: the legend (as large as it can be) and the scale bar (as long as it can be). */
export function furnitureBoxes(input: Omit<ComposeInput, 'bbox'>, layout: ExportLayout): Box[] {
  const boxes: Box[] = [];
  if (input.parts.has('legend')) {
    const selected = input.voyages.find((v) => v.id === input.selectedId);
    // With a time cursor the legend may explain every cursor state: keep clear of the largest it can be.
    const cursor = input.cursor ? { cursor: { day: '2024-09-30', possible: 1, certain: 1, stretches: 1 } } : {};
    const legendInput = { voyages: input.voyages, selected, ports: input.ports, showGeofences: input.showGeofences, hasPins: Boolean(input.pins?.length), hasTiles: false, ...cursor };
    boxes.push(legendSvg(legendInput, layout.width, layout.map.top, layout.u).box);
  }
  if (input.parts.has('scale')) boxes.push(scaleBarBounds(layout));
  return boxes;
}

/**
 * The frame for "fit the voyages shown" (the selected one alone when one is selected): the largest
 * that keeps every route, its labels and its ports' names inside the map and clear of the
 * furniture; null when there is no route.
 */
export function fitVoyagesBbox(input: Omit<ComposeInput, 'bbox'>): Bbox | null {
  const layout = exportLayout({ ...input, bbox: [0, 0, 1, 1] });
  const items = fitItems(input, layout.u);
  if (!input.voyages.some((v) => v.route.coordinates.length > 0)) return null;
  const { width: W, map, pad } = layout;
  const margin = pad * 0.5;
  let rects: Box[] = [[margin, map.top + margin, W - margin, map.bottom - margin]];
  for (const b of furnitureBoxes(input, layout)) rects = rects.flatMap((r) => cuts(r, [b[0] - 2, b[1] - 2, b[2] + 2, b[3] + 2]));
  const maxScale = Math.min(W, map.height) / (MIN_SPAN_DEG / 360);
  let best: { s: number; ox: number; oy: number } | null = null;
  for (const r of rects) {
    const fit = fitInRect(items, r, maxScale);
    if (fit && (!best || fit.s > best.s)) best = fit;
  }
  // With no room anywhere (a tiny image), fall back to the whole map rectangle.
  best ??= fitInRect(items, [0, map.top, W, map.bottom], maxScale);
  if (!best) return null;
  const { s, ox, oy } = best;
  return [((0 - ox) / s) * 360 - 180, unmercY((map.bottom - oy) / s), ((W - ox) / s) * 360 - 180, unmercY((map.top - oy) / s)];
}
