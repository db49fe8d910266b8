import { orient2d } from 'robust-predicates';

/** Whether q lies within the bounding box of segment p–r (for a q already known collinear with them). */
function within(px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean {
  return qx >= Math.min(px, rx) && qx <= Math.max(px, rx) && qy >= Math.min(py, ry) && qy <= Math.max(py, ry);
}

/**
 * Whether point (x, y) lies on segment p–r, exactly (orient2d from robust-predicates).
 *
 * @example
 * pointOnSegment(1, 1, 0, 0, 2, 2); // true
 */
export function pointOnSegment(x: number, y: number, px: number, py: number, rx: number, ry: number): boolean {
  return orient2d(px, py, rx, ry, x, y) === 0 && within(px, py, x, y, rx, ry);
}

/**
 * Whether segments a–b and c–d share a point: a crossing, a touch or a collinear overlap. The
 * orientations come from `orient2d` (robust-predicates: exact where rounding would decide), so a
 * segment grazing a coastline vertex is never judged by rounding.
 *
 * @example
 * segmentsMeet(0, 0, 2, 2, 0, 2, 2, 0); // true: they cross at (1, 1)
 * segmentsMeet(0, 0, 1, 1, 2, 2, 3, 3); // false: collinear, apart
 */
export function segmentsMeet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const o1 = orient2d(ax, ay, bx, by, cx, cy);
  const o2 = orient2d(ax, ay, bx, by, dx, dy);
  const o3 = orient2d(cx, cy, dx, dy, ax, ay);
  const o4 = orient2d(cx, cy, dx, dy, bx, by);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return true;
  return (
    (o1 === 0 && within(ax, ay, cx, cy, bx, by)) ||
    (o2 === 0 && within(ax, ay, dx, dy, bx, by)) ||
    (o3 === 0 && within(cx, cy, ax, ay, dx, dy)) ||
    (o4 === 0 && within(cx, cy, bx, by, dx, dy))
  );
}
