// Douglas-Peucker with a tolerance per vertex, for the basemap build (scripts/build-basemap.mjs):
// a vertex whose tolerance is 0 is never dropped, so detail can be kept where it matters (near the
// ports, along the edges where two layers meet) and thinned elsewhere.

/** Distance (degrees, lon scaled by cos lat) from p to segment ab. */
function segDistance(p, a, b) {
  const k = Math.cos((p[1] * Math.PI) / 180);
  const ax = a[0] * k, ay = a[1], bx = b[0] * k, by = b[1], px = p[0] * k, py = p[1];
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Marks in `keep` the vertices of line[s..e] to keep: the split point is the vertex with the largest
 * deviation/tolerance ratio, so vertices with tolerance 0 are kept whenever they deviate at all.
 */
function markKept(line, tol, keep, first, last) {
  const stack = [[first, last]];
  while (stack.length) {
    const [s, e] = stack.pop();
    let best = -1;
    let bestScore = 1;
    for (let i = s + 1; i < e; i++) {
      const d = segDistance(line[i], line[s], line[e]);
      const score = tol[i] === 0 ? (d > 0 ? Infinity : 0) : d / tol[i];
      if (score > bestScore || (score === Infinity && best === -1)) {
        best = i;
        bestScore = score;
      }
    }
    if (best !== -1) {
      keep[best] = 1;
      stack.push([s, best], [best, e]);
    }
  }
}

/**
 * A closed ring, thinned; `toleranceAt([lon, lat])` gives each vertex's tolerance in degrees. A ring
 * that thins to less than a triangle is kept whole, or dropped (null) when `dropCollapsed`.
 */
export function simplifyRing(ring, toleranceAt, dropCollapsed = false) {
  const n = ring.length;
  if (n <= 4) return ring;
  const tol = ring.map(toleranceAt);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  // A closed ring: split at the vertex farthest from the start so both halves are proper polylines.
  let far = 1;
  let farD = -1;
  for (let i = 1; i < n - 1; i++) {
    const d = Math.hypot(ring[i][0] - ring[0][0], ring[i][1] - ring[0][1]);
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  keep[far] = 1;
  markKept(ring, tol, keep, far, n - 1);
  markKept(ring, tol, keep, 0, far);
  const out = ring.filter((_, i) => keep[i]);
  if (out.length >= 4) return out;
  return dropCollapsed ? null : ring;
}

/** An open line, thinned; its two ends are always kept. */
export function simplifyLine(line, toleranceAt) {
  const n = line.length;
  if (n <= 2) return line;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  markKept(line, line.map(toleranceAt), keep, 0, n - 1);
  return line.filter((_, i) => keep[i]);
}

/** Coordinates rounded to `decimals`, consecutive duplicates dropped. */
export function roundLine(line, decimals) {
  const f = 10 ** decimals;
  const out = [];
  for (const [x, y] of line) {
    const p = [Math.round(x * f) / f, Math.round(y * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}
