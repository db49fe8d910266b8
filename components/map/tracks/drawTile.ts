/**
 * One map tile of the observed tracks: at the tile's zoom the fixes kept for that zoom (model.ts),
 * of those only the chunks crossing the tile, and the gaps crossing it as dotted connectors, all
 * stamped into one anti-aliased coverage mask (lib/core/track/Coverage) that becomes the tile's
 * pixels in the track colour. No Leaflet here: TrackTiles asks for a tile, this draws it.
 *
 * Why tiles: a tile is drawn once and then moved, not redrawn, while the map pans; a Leaflet canvas
 * renderer repaints its whole view at the end of each pan. Why a coverage mask rather than canvas
 * strokes: a route sailed a thousand times puts thousands of overlapping segments in one tile, and
 * the canvas's path raster took over half a second for such a tile on this machine (README,
 * "Tracks on the map"); stamping costs only the pixels each segment touches.
 */
import { Coverage } from '@/lib/core/track/Coverage';
import { type TrackModel, chunkRange, levelAt } from './model';

/**
 * A fix closer than this to the last one stamped (on both axes) is skipped: a ship at its berth
 * sends fixes that wander within a pixel at the zooms that keep them, which add nothing visible.
 */
const MIN_STEP_PX = 0.5;

export interface TileStyle {
  /** `#rrggbb`. */
  color: string;
  weight: number;
  opacity: number;
  /** The gaps' dots: their diameter, and a dot every `gapDotEveryPx` along the connector. */
  gapWeight: number;
  gapDotEveryPx: number;
  /** The map's deepest zoom: the simplification tree is built to it on the first zoom in. */
  finestZoom: number;
}

/** A tile's address: zoom, column, row (Leaflet's, wrapped into the world). */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/**
 * Stamps the tracks crossing tile (z, x, y), `sizePx` CSS pixels a side, into a mask of
 * `sizePx × ratio` device pixels a side. Returns the mask and how many fixes and gaps it stamped.
 */
export function tileCoverage(models: readonly TrackModel[], tile: TileAddress, sizePx: number, ratio: number, style: TileStyle): { mask: Coverage; fixes: number; gaps: number } {
  const side = Math.round(sizePx * ratio);
  const mask = new Coverage(side, side);
  // Normalised Mercator to the mask's device pixels: the map is 256 × 2^z CSS pixels wide at zoom z.
  const scale = 256 * 2 ** tile.z * ratio;
  const originX = tile.x * side;
  const originY = tile.y * side;
  const half = (style.weight * ratio) / 2;
  const dotRadius = (style.gapWeight * ratio) / 2;
  // The tile's extent in normalised Mercator, padded by the widest mark and a pixel.
  const pad = (Math.max(half, dotRadius) + 1) / scale;
  const west = originX / scale - pad;
  const east = (originX + side) / scale + pad;
  const north = originY / scale - pad;
  const south = (originY + side) / scale + pad;
  const minStep = MIN_STEP_PX * ratio;
  let fixes = 0;
  let gaps = 0;
  for (const model of models) {
    const [minX, minY, maxX, maxY] = model.bounds;
    if (minX > east || maxX < west || minY > south || maxY < north) continue;
    const level = levelAt(model, tile.z, style.finestZoom);
    const { xy, partStart } = model;
    const kept = level.kept;
    for (let c = 0; c < level.chunks && kept.length > 0; c++) {
      const b = 4 * c;
      if (level.bounds[b]! > east || level.bounds[b + 2]! < west || level.bounds[b + 1]! > south || level.bounds[b + 3]! < north) continue;
      const [k0, k1] = chunkRange(level, c);
      let lastX = xy[2 * kept[k0]!]! * scale - originX;
      let lastY = xy[2 * kept[k0]! + 1]! * scale - originY;
      // A part of one fix (silent before and after) is a dot, not nothing; later ones are found below.
      if (k0 === 0 && (kept.length === 1 || partStart[kept[1]!] === 1)) mask.disc(lastX, lastY, half);
      for (let k = k0 + 1; k <= k1; k++) {
        const i = kept[k]!;
        const x = xy[2 * i]! * scale - originX;
        const y = xy[2 * i + 1]! * scale - originY;
        if (partStart[i] === 1) {
          const lone = k === kept.length - 1 || partStart[kept[k + 1]!] === 1;
          if (lone) mask.disc(x, y, half);
        } else if (k < k1 && Math.abs(x - lastX) < minStep && Math.abs(y - lastY) < minStep && partStart[kept[k + 1]!] !== 1) {
          continue;
        } else {
          mask.segment(lastX, lastY, x, y, half);
        }
        lastX = x;
        lastY = y;
      }
      fixes += k1 - k0 + 1;
    }
    gaps += stampGaps(mask, model, scale, originX, originY, dotRadius, style.gapDotEveryPx * ratio);
  }
  return { mask, fixes, gaps };
}

/** Draws a tile's tracks into its canvas context: the coverage mask in the track colour at the track opacity. */
export function drawTile(ctx: CanvasRenderingContext2D, models: readonly TrackModel[], tile: TileAddress, sizePx: number, ratio: number, style: TileStyle): { fixes: number; gaps: number } {
  const { mask, fixes, gaps } = tileCoverage(models, tile, sizePx, ratio, style);
  if (fixes === 0 && gaps === 0) return { fixes, gaps };
  const image = ctx.createImageData(mask.width, mask.height);
  const rgb = Number.parseInt(style.color.slice(1), 16);
  const [r, g, b] = [(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255];
  const pixels = image.data;
  const cover = mask.data;
  for (let i = 0; i < cover.length; i++) {
    const c = cover[i]!;
    if (c === 0) continue;
    pixels[4 * i] = r;
    pixels[4 * i + 1] = g;
    pixels[4 * i + 2] = b;
    pixels[4 * i + 3] = Math.round(c * style.opacity);
  }
  ctx.putImageData(image, 0, 0);
  return { fixes, gaps };
}

/**
 * The model's gaps crossing the mask as dotted connectors from the last fix before each silence to
 * the next: a dot every `every` px from the last fix on, only those on the mask, so that each dot
 * sits where it falls on the whole connector and the dots line up across tile edges.
 */
function stampGaps(mask: Coverage, model: TrackModel, scale: number, originX: number, originY: number, radius: number, every: number): number {
  const { xy, gaps } = model;
  const box = { west: -radius, north: -radius, east: mask.width + radius, south: mask.height + radius };
  let drawn = 0;
  for (const gap of gaps) {
    const a = 2 * gap.from;
    const x0 = xy[a]! * scale - originX;
    const y0 = xy[a + 1]! * scale - originY;
    const x1 = xy[a + 2]! * scale - originX;
    const y1 = xy[a + 3]! * scale - originY;
    const t = clipSegment(x0, y0, x1, y1, box);
    if (!t) continue;
    const lengthPx = Math.hypot(x1 - x0, y1 - y0);
    const first = Math.max(0, Math.ceil((t[0] * lengthPx) / every));
    const last = Math.floor((t[1] * lengthPx) / every);
    for (let k = first; k <= last; k++) {
      const f = lengthPx > 0 ? (k * every) / lengthPx : 0;
      mask.disc(x0 + f * (x1 - x0), y0 + f * (y1 - y0), radius);
    }
    drawn++;
  }
  return drawn;
}

/** The part of segment (x0, y0)–(x1, y1) inside the box (Liang–Barsky) as [t0, t1] along it, or null if none is. */
function clipSegment(x0: number, y0: number, x1: number, y1: number, box: { west: number; north: number; east: number; south: number }): [number, number] | null {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x0 - box.west],
    [dx, box.east - x0],
    [-dy, y0 - box.north],
    [dy, box.south - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return null;
  }
  return [t0, t1];
}
