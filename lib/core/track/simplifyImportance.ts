/**
 * Douglas–Peucker importance of every vertex of a polyline, computed once for every tolerance.
 *
 * Douglas–Peucker at tolerance ε keeps the vertex farthest from the chord of a range when it lies
 * farther than ε, and recurses on both halves. Run once to the end (ε = 0), the vertex each split
 * picks is recorded with its distance, capped by the distances of the splits above it (a vertex
 * is kept only when every split that led to it was kept). Keeping the vertices whose importance
 * exceeds ε² then gives exactly Douglas–Peucker's answer at ε, for any ε, in one O(n) filter
 * ({@link simplifyTrack}): the map simplifies a million fixes once and filters per zoom level.
 *
 * Each range between two `breaks` (the track's gaps) is simplified alone: its ends always stay.
 *
 * @param xy - interleaved `[x0, y0, x1, y1, …]` in a planar projection (not mutated)
 * @param breaks - ascending vertex indices where a new part starts (index 0 need not be listed)
 * @param floorSq - squared distances at or below this are not told apart: a range whose farthest
 *   vertex lies within it has all its vertices given that distance, without recursing. It bounds
 *   the work on runs of identical fixes (a ship at anchor); tolerances at or below √floorSq then
 *   behave as √floorSq.
 * @returns squared importance per vertex (`Infinity` for the ends of each part)
 * @example
 * simplifyImportance(new Float64Array([0, 0, 1, 0.5, 2, 0])); // Float64Array [Infinity, 0.25, Infinity]
 */
export function simplifyImportance(xy: ArrayLike<number>, breaks: ArrayLike<number> = [], floorSq = 0): Float64Array {
  if (xy.length % 2 !== 0) {
    throw new Error(`simplifyImportance: xy must interleave x and y (an even length), got ${xy.length} values`);
  }
  const n = xy.length / 2;
  const importance = new Float64Array(n);
  // An explicit stack (first, last, cap) instead of recursion: a million vertices can nest deeply.
  let stack = new Float64Array(3 * 64);
  let start = 0;
  for (let b = 0; b <= breaks.length; b++) {
    const end = b < breaks.length ? Number(breaks[b]) - 1 : n - 1;
    if (end >= n || end < start - 1) {
      throw new Error(`simplifyImportance: breaks must be ascending vertex indices below ${n}, got ${Array.from(breaks).join(', ')}`);
    }
    if (end < start) continue;
    importance[start] = Infinity;
    importance[end] = Infinity;
    let top = 0;
    if (end - start > 1) {
      stack[0] = start;
      stack[1] = end;
      stack[2] = Infinity;
      top = 3;
    }
    while (top > 0) {
      top -= 3;
      const first = stack[top]!;
      const last = stack[top + 1]!;
      const cap = stack[top + 2]!;
      const ax = xy[2 * first]!;
      const ay = xy[2 * first + 1]!;
      const dx = xy[2 * last]! - ax;
      const dy = xy[2 * last + 1]! - ay;
      const lengthSq = dx * dx + dy * dy;
      let maxSq = -1;
      let index = first + 1;
      for (let i = first + 1; i < last; i++) {
        let px = xy[2 * i]! - ax;
        let py = xy[2 * i + 1]! - ay;
        // Distance to the chord as a segment (not the infinite line): a ship doubling back is kept.
        if (lengthSq > 0) {
          const t = (px * dx + py * dy) / lengthSq;
          if (t > 1) {
            px -= dx;
            py -= dy;
          } else if (t > 0) {
            px -= t * dx;
            py -= t * dy;
          }
        }
        const dSq = px * px + py * py;
        if (dSq > maxSq) {
          maxSq = dSq;
          index = i;
        }
      }
      const value = Math.min(maxSq, cap);
      if (maxSq <= floorSq) {
        for (let i = first + 1; i < last; i++) importance[i] = value;
        continue;
      }
      importance[index] = value;
      if (top + 6 > stack.length) {
        const grown = new Float64Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      if (index - first > 1) {
        stack[top] = first;
        stack[top + 1] = index;
        stack[top + 2] = value;
        top += 3;
      }
      if (last - index > 1) {
        stack[top] = index;
        stack[top + 1] = last;
        stack[top + 2] = value;
        top += 3;
      }
    }
    start = end + 1;
  }
  return importance;
}
