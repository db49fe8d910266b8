/**
 * Routes that share a line: which ones are stacked, how far apart to draw them, and which routes
 * a click lands on. Pure screen geometry (points are pixels, `[x, y]`), so the map layer only
 * projects and unprojects.
 *
 * Telling stacked routes apart: legs with the same path (Rajin ⇄ Vostochny four times) are drawn
 * as parallel lines a few pixels apart, in screen pixels at every zoom, side by side across the
 * shared path (lane offsets centred on the true line, so the stack stays on the path). Routes that
 * only share part of a path are not moved; a click there still offers every route under it.
 */
import { canonicalLine } from './canonicalLine';

type Px = readonly [number, number];

/** Pixels between two neighbouring lanes of a stack. */
const LANE_PX = 4;
/** Beyond this many lanes a stack wraps (a band wider than ~20 px would no longer read as one path). */
const MAX_LANES = 5;

/** A stacked route's lane: its offset in pixels and a key shared by every route in the same lane. */
export interface Lane {
  offset: number;
  /** Routes with the same key are drawn on the very same line (draw it once, share it). */
  key: string;
}

/**
 * The lane of every route that shares its whole path with another (offset in pixels, + to the
 * left of the line run west to east); routes alone on their path are not in the map. Paths count
 * as the same when their vertices agree to 1e-4° (about 10 m).
 *
 * @example
 * stackOffsets([{ id: 'a', coordinates: line }, { id: 'b', coordinates: [...line].reverse() }]);
 * // Map { 'a' => { offset: -2, key: '0:-2' }, 'b' => { offset: 2, key: '0:2' } }
 */
export function stackOffsets(
  routes: readonly { id: string; coordinates: readonly (readonly number[])[] }[],
  lanePx = LANE_PX,
  maxLanes = MAX_LANES,
): Map<string, Lane> {
  const groups = new Map<string, string[]>();
  // Voyages decoded from the map's answer share one coordinates array per path: one key each.
  const keys = new Map<readonly (readonly number[])[], string>();
  for (const r of routes) {
    let key = keys.get(r.coordinates);
    if (key === undefined) {
      key = canonicalLine(r.coordinates)
        .map(([x = 0, y = 0]) => `${x.toFixed(4)},${y.toFixed(4)}`)
        .join(';');
      keys.set(r.coordinates, key);
    }
    const group = groups.get(key);
    if (group) group.push(r.id);
    else groups.set(key, [r.id]);
  }
  const out = new Map<string, Lane>();
  let group = 0;
  for (const ids of groups.values()) {
    if (ids.length < 2) continue;
    const lanes = Math.min(ids.length, maxLanes);
    ids.forEach((id, i) => {
      const offset = ((i % lanes) - (lanes - 1) / 2) * lanePx;
      out.set(id, { offset, key: `${group}:${offset}` });
    });
    group++;
  }
  return out;
}

/**
 * A polyline moved sideways by `d` pixels (+ to the left of its direction of travel, in screen
 * coordinates where y grows downwards), with mitred joins; a mitre longer than 2·|d| is cut to
 * that length so a sharp turn never throws a spike. Repeated points are dropped.
 */
export function offsetLine(points: readonly Px[], d: number): [number, number][] {
  const pts = points.filter((p, i) => i === 0 || p[0] !== points[i - 1]![0] || p[1] !== points[i - 1]![1]);
  if (d === 0 || pts.length < 2) return pts.map(([x, y]) => [x, y]);
  // Left normal of each segment (screen y down: left of (dx, dy) is (dy, -dx)).
  const normals = pts.slice(1).map((p, i) => {
    const dx = p[0] - pts[i]![0];
    const dy = p[1] - pts[i]![1];
    const len = Math.hypot(dx, dy);
    return [dy / len, -dx / len] as const;
  });
  return pts.map(([x, y], i) => {
    const a = normals[Math.max(0, i - 1)]!;
    const b = normals[Math.min(normals.length - 1, i)]!;
    let mx = a[0] + b[0];
    let my = a[1] + b[1];
    const mlen = Math.hypot(mx, my);
    if (mlen < 1e-9) return [x + a[0] * d, y + a[1] * d];
    mx /= mlen;
    my /= mlen;
    // The mitre's length so that both offset segments keep their distance d, cut at 2·|d|.
    const scale = Math.min(2, 1 / Math.max(1e-9, mx * a[0] + my * a[1]));
    return [x + mx * d * scale, y + my * d * scale];
  });
}

function distanceToSegment(p: Px, a: Px, b: Px): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** The shortest distance from a point to a polyline, in pixels. */
export function distanceToLine(p: Px, line: readonly Px[]): number {
  if (line.length === 1) return Math.hypot(p[0] - line[0]![0], p[1] - line[0]![1]);
  let best = Infinity;
  for (let i = 1; i < line.length; i++) best = Math.min(best, distanceToSegment(p, line[i - 1]!, line[i]!));
  return best;
}

/**
 * The routes a click at `p` lands on: every line within its own tolerance (half its stroke plus the
 * renderer's click tolerance, as the canvas renderer tests), nearest first, ties in input order.
 */
export function routesNear(p: Px, lines: readonly { id: string; points: readonly Px[]; tolerance: number }[]): string[] {
  const hits: { id: string; d: number; i: number }[] = [];
  lines.forEach((l, i) => {
    if (l.points.length === 0) return;
    const d = distanceToLine(p, l.points);
    if (d <= l.tolerance) hits.push({ id: l.id, d, i });
  });
  return hits.sort((a, b) => a.d - b.d || a.i - b.i).map((h) => h.id);
}
