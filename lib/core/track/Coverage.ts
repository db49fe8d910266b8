/**
 * An anti-aliased coverage mask (one byte a pixel, 0–255) that lines and discs are stamped into,
 * the brighter of old and new winning: overlapping strokes of one colour do not darken each other,
 * exactly as one canvas path would not. A tile of observed tracks is drawn this way rather than by
 * the canvas's path raster because a route sailed a thousand times puts thousands of overlapping
 * segments in one tile: the canvas scan-converts all their edges on every row (over half a second
 * a tile on this machine), while stamping costs only the pixels each segment touches.
 *
 * Coverage is a box filter's: a pixel whose centre is `d` from the shape's edge, inside, is covered
 * `clamp(0.5 + d, 0, 1)`. Segments have round caps and so round joins.
 *
 * @example
 * const mask = new Coverage(256, 256);
 * mask.segment(10, 10, 200, 40, 1); // a line 2 px wide
 * mask.disc(128, 128, 1.25);
 * mask.at(10, 10); // 255
 */
export class Coverage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;

  constructor(width: number, height: number) {
    if (!(width > 0 && height > 0 && Number.isInteger(width) && Number.isInteger(height))) {
      throw new Error(`Coverage: width and height must be whole numbers of pixels > 0, got ${width} × ${height}`);
    }
    this.width = width;
    this.height = height;
    this.data = new Uint8Array(width * height);
  }

  /** The coverage (0–255) of the pixel at column x, row y; 0 outside the mask. */
  at(x: number, y: number): number {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return 0;
    return this.data[y * this.width + x]!;
  }

  /** Stamps a line from (ax, ay) to (bx, by), `halfWidth` px either side, round-ended; clipped to the mask. */
  segment(ax: number, ay: number, bx: number, by: number, halfWidth: number): void {
    const reach = halfWidth + 0.5;
    const minY = Math.max(0, Math.floor(Math.min(ay, by) - reach));
    const maxY = Math.min(this.height - 1, Math.ceil(Math.max(ay, by) + reach));
    if (minY > maxY || Math.max(ax, bx) + reach < 0 || Math.min(ax, bx) - reach > this.width) return;
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSq = dx * dx + dy * dy;
    for (let y = minY; y <= maxY; y++) {
      const py = y + 0.5;
      // The part of the segment within reach of this row, then the pixels within reach of that part.
      let t0 = 0;
      let t1 = 1;
      if (dy !== 0) {
        const ta = (py - reach - ay) / dy;
        const tb = (py + reach - ay) / dy;
        t0 = Math.max(0, Math.min(ta, tb));
        t1 = Math.min(1, Math.max(ta, tb));
        if (t0 > t1) continue;
      } else if (Math.abs(py - ay) > reach) continue;
      const xa = ax + t0 * dx;
      const xb = ax + t1 * dx;
      const minX = Math.max(0, Math.floor(Math.min(xa, xb) - reach));
      const maxX = Math.min(this.width - 1, Math.ceil(Math.max(xa, xb) + reach));
      const row = y * this.width;
      for (let x = minX; x <= maxX; x++) {
        const px = x + 0.5;
        let t = lengthSq > 0 ? ((px - ax) * dx + (py - ay) * dy) / lengthSq : 0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = px - ax - t * dx;
        const ey = py - ay - t * dy;
        this.cover(row + x, reach - Math.sqrt(ex * ex + ey * ey));
      }
    }
  }

  /** Stamps a disc of `radius` px centred on (cx, cy); clipped to the mask. */
  disc(cx: number, cy: number, radius: number): void {
    this.segment(cx, cy, cx, cy, radius);
  }

  /** Raises pixel i's coverage to `amount` (0–1, clamped) if it is higher. */
  private cover(i: number, amount: number): void {
    if (amount <= 0) return;
    const value = amount >= 1 ? 255 : Math.round(amount * 255);
    if (value > this.data[i]!) this.data[i] = value;
  }
}
