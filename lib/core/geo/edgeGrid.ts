import { segmentsMeet } from './segmentsMeet';

/** A uniform grid of cells over a set of edges (see {@link edgeGrid}). */
export interface EdgeGrid {
  /** Whether segment a–b meets any of the edges (a crossing, a touch or an overlap). */
  meets(ax: number, ay: number, bx: number, by: number): boolean;
  /**
   * Calls `visit` once for every edge bucketed in the row of cells holding `y`, from the column of
   * `x` to the grid's east end (`east`) or west end: the edges a horizontal ray from (x, y) may cross.
   */
  alongRow(x: number, y: number, east: boolean, visit: (edge: number) => void): void;
  /** The grid's extent: [minX, minY, maxX, maxY] of all the edges. */
  readonly box: readonly [number, number, number, number];
  /** Whether some edge passes within distance `r` of (x, y) (r in the edges' units). */
  near(x: number, y: number, r: number): boolean;
  /** The cell holding (x, y), or −1 outside the grid (where there is no edge). */
  cellAt(x: number, y: number): number;
  /** Whether a cell holds no edge: then no edge passes through it, and all of it lies on one side. */
  isEmpty(cell: number): boolean;
  /** The centre of a cell. */
  centreOf(cell: number): [number, number];
  /** How many cells the grid has. */
  readonly cells: number;
}

/** Squared distance from (x, y) to segment a–b. */
function squaredDistanceToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
  const ex = ax + t * dx - x;
  const ey = ay + t * dy - y;
  return ex * ex + ey * ey;
}

/**
 * Buckets edges into a uniform grid (each edge into every cell its box touches), so that a segment
 * is tested only against the edges in the cells it passes through: a sight line across open water
 * costs a walk over empty cells, however long it is. The walk is a supercover (every cell the
 * segment touches, with a margin of a millionth of a cell for rounding), so no edge is missed, and
 * the test itself is exact ({@link segmentsMeet}). Each edge is tested at most once per query.
 *
 * @param edges - [x1, y1, x2, y2] per edge, flat (not mutated; kept by the grid)
 * @param cellSize - cell side, in the edges' units (> 0)
 * @returns the grid
 * @throws RangeError when cellSize is not positive
 * @example
 * const grid = edgeGrid(Float64Array.of(0, 0, 1, 1), 0.5);
 * grid.meets(0, 1, 1, 0); // true: crosses at (0.5, 0.5)
 */
export function edgeGrid(edges: Float64Array, cellSize: number): EdgeGrid {
  if (!(cellSize > 0)) throw new RangeError(`edgeGrid: cellSize must be > 0, got ${cellSize}`);
  const count = edges.length / 4;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let k = 0; k < edges.length; k += 2) {
    minX = Math.min(minX, edges[k]!);
    maxX = Math.max(maxX, edges[k]!);
    minY = Math.min(minY, edges[k + 1]!);
    maxY = Math.max(maxY, edges[k + 1]!);
  }
  if (count === 0) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  const nx = Math.max(1, Math.floor((maxX - minX) / cellSize) + 1);
  const ny = Math.max(1, Math.floor((maxY - minY) / cellSize) + 1);
  const column = (x: number) => Math.min(nx - 1, Math.max(0, Math.floor((x - minX) / cellSize)));
  const row = (y: number) => Math.min(ny - 1, Math.max(0, Math.floor((y - minY) / cellSize)));

  // Compressed rows: the edges of cell c are items[start[c] .. start[c + 1]).
  const start = new Int32Array(nx * ny + 1);
  const eachCell = (e: number, visit: (cell: number) => void) => {
    const k = e * 4;
    const c0 = column(Math.min(edges[k]!, edges[k + 2]!));
    const c1 = column(Math.max(edges[k]!, edges[k + 2]!));
    const r0 = row(Math.min(edges[k + 1]!, edges[k + 3]!));
    const r1 = row(Math.max(edges[k + 1]!, edges[k + 3]!));
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * nx + c);
  };
  for (let e = 0; e < count; e++) eachCell(e, (cell) => start[cell + 1]!++);
  for (let c = 0; c < nx * ny; c++) start[c + 1]! += start[c]!;
  const items = new Int32Array(start[nx * ny]!);
  const fill = start.slice(0, nx * ny);
  for (let e = 0; e < count; e++) eachCell(e, (cell) => (items[fill[cell]!++] = e));

  const stamp = new Uint32Array(count);
  let query = 0;
  // A new query's stamp: an edge bucketed in several cells is visited once per query.
  const nextQuery = () => {
    query = (query + 1) >>> 0;
    if (query === 0) {
      stamp.fill(0);
      query = 1;
    }
  };
  const eps = 1e-6;

  const meetsIn = (cell: number, ax: number, ay: number, bx: number, by: number): boolean => {
    for (let i = start[cell]!; i < start[cell + 1]!; i++) {
      const e = items[i]!;
      if (stamp[e] === query) continue;
      stamp[e] = query;
      const k = e * 4;
      if (segmentsMeet(ax, ay, bx, by, edges[k]!, edges[k + 1]!, edges[k + 2]!, edges[k + 3]!)) return true;
    }
    return false;
  };

  return {
    cells: nx * ny,
    box: [minX, minY, maxX, maxY],
    alongRow(x, y, east, visit) {
      if (count === 0 || y < minY || y > maxY) return;
      nextQuery();
      const r = row(y);
      const [c0, c1] = east ? [column(x), nx - 1] : [0, column(x)];
      for (let c = c0; c <= c1; c++) {
        const cell = r * nx + c;
        for (let i = start[cell]!; i < start[cell + 1]!; i++) {
          const e = items[i]!;
          if (stamp[e] === query) continue;
          stamp[e] = query;
          visit(e);
        }
      }
    },
    meets(ax, ay, bx, by) {
      if (count === 0) return false;
      const x0 = Math.min(ax, bx);
      const x1 = Math.max(ax, bx);
      if (x1 < minX || x0 > maxX || Math.max(ay, by) < minY || Math.min(ay, by) > maxY) return false;
      nextQuery();
      const slope = bx === ax ? 0 : (by - ay) / (bx - ax);
      const yAt = (x: number) => (bx === ax ? ay : ay + (x - ax) * slope);
      for (let c = column(x0); c <= column(x1); c++) {
        // The part of the segment inside column c, and the rows it spans.
        const left = Math.max(x0, minX + c * cellSize);
        const right = Math.min(x1, minX + (c + 1) * cellSize);
        const [ya, yb] = bx === ax ? [Math.min(ay, by), Math.max(ay, by)] : [yAt(left), yAt(right)];
        const r0 = row(Math.min(ya, yb) - eps * cellSize);
        const r1 = row(Math.max(ya, yb) + eps * cellSize);
        const cLo = Math.max(0, c - (left - (minX + c * cellSize) < eps * cellSize ? 1 : 0));
        const cHi = Math.min(nx - 1, c + (minX + (c + 1) * cellSize - right < eps * cellSize ? 1 : 0));
        for (let r = r0; r <= r1; r++) for (let cc = cLo; cc <= cHi; cc++) if (meetsIn(r * nx + cc, ax, ay, bx, by)) return true;
      }
      return false;
    },
    near(x, y, r) {
      if (count === 0) return false;
      const r2 = r * r;
      for (let row_ = row(y - r); row_ <= row(y + r); row_++) {
        for (let c = column(x - r); c <= column(x + r); c++) {
          const cell = row_ * nx + c;
          for (let i = start[cell]!; i < start[cell + 1]!; i++) {
            const k = items[i]! * 4;
            if (squaredDistanceToSegment(x, y, edges[k]!, edges[k + 1]!, edges[k + 2]!, edges[k + 3]!) <= r2) return true;
          }
        }
      }
      return false;
    },
    cellAt(x, y) {
      if (count === 0 || x < minX || x > maxX || y < minY || y > maxY) return -1;
      return row(y) * nx + column(x);
    },
    isEmpty: (cell) => start[cell] === start[cell + 1],
    centreOf: (cell) => [minX + ((cell % nx) + 0.5) * cellSize, minY + (Math.floor(cell / nx) + 0.5) * cellSize],
  };
}
