import { simplifyImportance } from './simplifyImportance';

/**
 * Simplifies a polyline (Douglas–Peucker): the indices of the vertices to draw at a tolerance.
 *
 * Every vertex left out lies within `tolerance` of the segment drawn across it; the ends of the
 * line (and of each part, with `importance` computed over breaks) are always kept; a smaller
 * tolerance keeps a superset. With `importance` from {@link simplifyImportance}, computed once,
 * each call is a single pass: the map calls this once per zoom level on a million fixes.
 *
 * Why not simplify-js: it takes one `{x, y}` object per point and recomputes from scratch for each
 * tolerance; here the fixes stay in one typed array and the tree of splits is computed once.
 *
 * @param xy - interleaved `[x0, y0, x1, y1, …]` in a planar projection (not mutated)
 * @param tolerance - in the units of `xy` (≥ 0)
 * @param importance - from `simplifyImportance(xy, …)`; computed here when omitted
 * @returns ascending vertex indices
 * @example
 * simplifyTrack(new Float64Array([0, 0, 1, 0.1, 2, 0]), 0.5); // Uint32Array [0, 2]
 */
export function simplifyTrack(xy: ArrayLike<number>, tolerance: number, importance?: Float64Array): Uint32Array {
  if (!(tolerance >= 0)) {
    throw new Error(`simplifyTrack: tolerance must be a number ≥ 0 in the units of xy, got ${tolerance}`);
  }
  const n = xy.length / 2;
  const scores = importance ?? simplifyImportance(xy);
  if (scores.length !== n) {
    throw new Error(`simplifyTrack: importance must hold one value per vertex (${n}), got ${scores.length}: compute it from the same xy`);
  }
  const toleranceSq = tolerance * tolerance;
  let kept = 0;
  for (let i = 0; i < n; i++) if (scores[i]! > toleranceSq) kept++;
  const out = new Uint32Array(kept);
  let k = 0;
  for (let i = 0; i < n; i++) if (scores[i]! > toleranceSq) out[k++] = i;
  return out;
}
