'use client';
import type { LatLngTuple, Point } from 'leaflet';
import { arrowFractions, arrowheads, type XY } from '@/lib/core/geo/arrowheads';
import type { View } from './RoutesRenderer';

/** How one route is drawn: VoyagesLayer's styles (selection, hover, time cursor) as plain values. */
export interface Look {
  color: string;
  weight: number;
  opacity: number;
  dashed: boolean;
  /** Drawing order: 0 under 1 under 2 (the hovered and the selected route go on top). */
  layer: 0 | 1 | 2;
}

export interface SceneRoute {
  id: string;
  /** The line drawn (shared by every route of a lane or a path: drawn once per look). */
  drawn: LatLngTuple[];
  /** The same line in the direction of travel (the arrows point along it). */
  latlngs: LatLngTuple[];
  /** Where the arrows sit (arrowFractionsFor). */
  arrowAt: number;
}

/** A line projected at one zoom, in absolute pixels, with its box and length. */
export interface Projected {
  points: XY[];
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  length: number;
}

/** Each distinct line projected once per zoom (lines are told apart by reference). */
export class ProjectedLines {
  private zoom = Number.NaN;
  private readonly lines = new Map<LatLngTuple[], Projected>();

  constructor(private readonly project: (ll: LatLngTuple, zoom: number) => Point) {}

  at(zoom: number): (line: LatLngTuple[]) => Projected {
    if (zoom !== this.zoom) {
      this.lines.clear();
      this.zoom = zoom;
    }
    return (line) => {
      let p = this.lines.get(line);
      if (!p) this.lines.set(line, (p = projectLine(line, (ll) => this.project(ll, zoom))));
      return p;
    };
  }
}

function projectLine(line: readonly LatLngTuple[], project: (ll: LatLngTuple) => XY): Projected {
  const points = line.map((ll) => {
    const p = project(ll);
    return { x: p.x, y: p.y };
  });
  let [minX, minY, maxX, maxY, length] = [Infinity, Infinity, -Infinity, -Infinity, 0];
  points.forEach((p, i) => {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
    if (i > 0) length += Math.hypot(p.x - points[i - 1]!.x, p.y - points[i - 1]!.y);
  });
  return { points, minX, minY, maxX, maxY, length };
}

/**
 * Arrows of one look on one line fall into slots, each drawn once: an eighth of the line (so a
 * long route's arrows at a quarter, half and three quarters keep their places, and a stack of
 * thousands of voyages shows at most nine arrows per lane and direction), and never closer than
 * three arrow lengths.
 */
const slotPx = (line: Projected, arrowSize: number) => Math.max(3 * arrowSize, line.length / 8);

/** Routes of one look: their distinct lines, and per line in the direction of travel its arrow slots. */
export interface Batch {
  look: Look;
  lines: Set<Projected>;
  arrows: Map<Projected, Set<number>>;
}

/**
 * Groups the routes by look, each distinct line once per look (800 voyages on one lane in one
 * look are one line), with the arrows one per slot along a line and look (slotPx: a stack of
 * thousands of voyages shows a few arrows along its path, never off it).
 * Made once per zoom and look change; every redraw after a pan reuses it.
 */
export function batchRoutes(
  routes: readonly SceneRoute[],
  lookOf: (route: SceneRoute) => { key: string; look: Look },
  project: (line: LatLngTuple[]) => Projected,
  arrowSize = ARROW_SIZE,
): Batch[] {
  const batches = new Map<string, Batch>();
  for (const r of routes) {
    const { key, look } = lookOf(r);
    let b = batches.get(key);
    if (!b) batches.set(key, (b = { look, lines: new Set(), arrows: new Map() }));
    b.lines.add(project(r.drawn));
    const travel = project(r.latlngs);
    if (travel.length < arrowSize * 3) continue;
    let slots = b.arrows.get(travel);
    if (!slots) b.arrows.set(travel, (slots = new Set()));
    const slot = slotPx(travel, arrowSize);
    for (const f of arrowFractions(travel.length, r.arrowAt)) slots.add(Math.round((f * travel.length) / slot));
  }
  return [...batches.values()].sort((a, b) => a.look.layer - b.look.layer);
}

const ARROW_SIZE = 11;
const PAD = 20;
const outside = (l: Projected, v: View) => l.maxX < v.minX - PAD || l.minX > v.maxX + PAD || l.maxY < v.minY - PAD || l.minY > v.maxY + PAD;

/** Arrows of one layer closer than this many arrow lengths, pointing the same way, are drawn once. */
const ARROW_GAP = 2;
type Placed = { x: number; y: number; ux: number; uy: number };

/**
 * The arrows each batch draws (triangles, tip first), thinned to one per place: the lanes of a
 * stack of identical routes are a few pixels apart, and each would put its arrows beside its
 * neighbours' (at 100,000 voyages, clusters of a dozen at every slot). Within a drawing layer, an
 * arrow within ARROW_GAP lengths of one already placed and pointing the same way (within 60°) is
 * left out; the more prominent look places first (opaque before faded, wide before thin). Arrows
 * the other way along a two-way stack, and those of the hovered and the selected route, stay.
 */
export function thinArrows(batches: readonly Batch[], arrowSize = ARROW_SIZE): XY[][][] {
  const out = batches.map((): XY[][] => []);
  const cell = arrowSize * ARROW_GAP;
  const grids = new Map<number, Map<string, Placed[]>>();
  const order = batches
    .map((_, i) => i)
    .sort((a, b) => {
      const [la, lb] = [batches[a]!.look, batches[b]!.look];
      return la.layer - lb.layer || lb.opacity - la.opacity || lb.weight - la.weight;
    });
  for (const i of order) {
    const { look, arrows } = batches[i]!;
    let grid = grids.get(look.layer);
    if (!grid) grids.set(look.layer, (grid = new Map()));
    for (const [line, slots] of arrows) {
      const slot = slotPx(line, arrowSize);
      const fractions = [...slots].map((s) => Math.min(1, Math.max(0, (s * slot) / line.length)));
      for (const tri of arrowheads(line.points, fractions, arrowSize)) {
        const [tip, left, right] = tri as [XY, XY, XY];
        const ux = (tip.x - (left.x + right.x) / 2) / arrowSize;
        const uy = (tip.y - (left.y + right.y) / 2) / arrowSize;
        const cx = Math.floor(tip.x / cell);
        const cy = Math.floor(tip.y / cell);
        let taken = false;
        for (let dx = -1; dx <= 1 && !taken; dx++) {
          for (let dy = -1; dy <= 1 && !taken; dy++) {
            taken = (grid.get(`${cx + dx},${cy + dy}`) ?? []).some((p) => Math.hypot(p.x - tip.x, p.y - tip.y) < cell && p.ux * ux + p.uy * uy > 0.5);
          }
        }
        if (taken) continue;
        const key = `${cx},${cy}`;
        const placed = grid.get(key);
        if (placed) placed.push({ x: tip.x, y: tip.y, ux, uy });
        else grid.set(key, [{ x: tip.x, y: tip.y, ux, uy }]);
        out[i]!.push(tri);
      }
    }
  }
  return out;
}

/** thinArrows once per set of batches (a zoom and its looks): every redraw after a pan reuses it. */
const thinned = new WeakMap<readonly Batch[], XY[][][]>();

/**
 * Draws the batches in one pass: each batch is one path and one stroke, then its arrows (thinned:
 * thinArrows) one path and one fill. Lines and arrows outside `view` (absolute pixels) are skipped.
 */
export function drawBatches(ctx: CanvasRenderingContext2D, batches: readonly Batch[], view: View, arrowSize = ARROW_SIZE): void {
  ctx.lineCap = 'butt';
  ctx.lineJoin = 'round';
  for (const { look, lines } of batches) {
    ctx.globalAlpha = look.opacity;
    ctx.strokeStyle = look.color;
    ctx.lineWidth = look.weight;
    ctx.setLineDash(look.dashed ? [8, 7] : []);
    ctx.beginPath();
    for (const line of lines) {
      if (outside(line, view)) continue;
      line.points.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.lineWidth = 1;
  let arrows = thinned.get(batches);
  if (!arrows) thinned.set(batches, (arrows = thinArrows(batches, arrowSize)));
  batches.forEach(({ look }, i) => {
    ctx.globalAlpha = look.opacity;
    ctx.fillStyle = look.color;
    ctx.strokeStyle = look.color;
    ctx.beginPath();
    for (const [tip, left, right] of arrows[i]!) {
      if (tip!.x < view.minX - PAD || tip!.x > view.maxX + PAD || tip!.y < view.minY - PAD || tip!.y > view.maxY + PAD) continue;
      ctx.moveTo(tip!.x, tip!.y);
      ctx.lineTo(left!.x, left!.y);
      ctx.lineTo(right!.x, right!.y);
      ctx.closePath();
    }
    ctx.fill();
    ctx.stroke();
  });
  ctx.globalAlpha = 1;
}
