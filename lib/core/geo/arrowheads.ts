/**
 * Direction arrows along a route, computed in screen space so they keep their size at every zoom.
 * Pure: the caller passes the map's projection for the current zoom.
 */
export interface XY {
  x: number;
  y: number;
}

/**
 * Triangles (three points each, tip first) pointing along the polyline at the given fractions of
 * its projected length. `size` is the arrow's length in pixels.
 */
export function arrowheads(points: readonly XY[], fractions: readonly number[], size = 11): XY[][] {
  if (points.length < 2) return [];
  const cumulative = [0];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as XY;
    const b = points[i] as XY;
    cumulative.push((cumulative[i - 1] as number) + Math.hypot(b.x - a.x, b.y - a.y));
  }
  const total = cumulative[cumulative.length - 1] as number;
  if (total < size * 3) return [];
  const out: XY[][] = [];
  for (const f of fractions) {
    // Only on the line: a fraction outside it would extend the first or last segment off the route.
    if (!(f >= 0 && f <= 1)) continue;
    const target = total * f;
    let i = 1;
    while (i < points.length - 1 && (cumulative[i] as number) < target) i++;
    const a = points[i - 1] as XY;
    const b = points[i] as XY;
    const segment = (cumulative[i] as number) - (cumulative[i - 1] as number);
    if (segment === 0) continue;
    const t = (target - (cumulative[i - 1] as number)) / segment;
    const ux = (b.x - a.x) / segment;
    const uy = (b.y - a.y) / segment;
    const tip = { x: a.x + (b.x - a.x) * t + (ux * size) / 2, y: a.y + (b.y - a.y) * t + (uy * size) / 2 };
    const back = { x: tip.x - ux * size, y: tip.y - uy * size };
    const half = size * 0.45;
    out.push([tip, { x: back.x - uy * half, y: back.y + ux * half }, { x: back.x + uy * half, y: back.y - ux * half }]);
  }
  return out;
}

/** Where to put arrows: one at `middle` (a fraction of the length), three on long routes, all on the route. */
export function arrowFractions(lengthPx: number, middle = 0.5): number[] {
  const m = Math.min(0.75, Math.max(0.25, middle));
  return lengthPx > 600 ? [m - 0.25, m, m + 0.25] : [m];
}
