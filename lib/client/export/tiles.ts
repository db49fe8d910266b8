/**
 * Which raster tiles cover an export frame, and where they go in it. Pure: fetching them (and
 * finding out whether the tile server allows it) is the caller's business.
 */
import type { Frame } from './projection';

/** A fetched tile, as a data URL, at its place in the image. */
export interface TileImage {
  href: string;
  x: number;
  y: number;
  size: number;
}

export interface TileRequest {
  url: string;
  x: number;
  y: number;
  size: number;
}

export const MAX_TILES = 96;

const mercY = (lat: number) => {
  const r = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
};

/** Tiles at the zoom closest to the frame's scale (capped at `maxZoom`), at most MAX_TILES. */
export function tilesFor(frame: Frame, template: string, maxZoom: number): TileRequest[] {
  let z = Math.max(0, Math.min(maxZoom, Math.round(Math.log2(frame.scale / 256))));
  const [w, s, e, n] = frame.bbox;
  for (;;) {
    const count = 2 ** z;
    const x0 = Math.floor(((w + 180) / 360) * count);
    const x1 = Math.floor(((e + 180) / 360) * count);
    const y0 = Math.max(0, Math.floor(mercY(n) * count));
    const y1 = Math.min(count - 1, Math.floor(mercY(s) * count));
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES && z > 0) {
      z -= 1;
      continue;
    }
    const size = frame.scale / count;
    const out: TileRequest[] = [];
    for (let tx = x0; tx <= x1; tx++) {
      for (let ty = y0; ty <= y1; ty++) {
        const lon = (tx / count) * 360 - 180;
        const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / count))) * 180) / Math.PI;
        const [px, py] = frame.project(lon, lat);
        const wrapped = ((tx % count) + count) % count;
        out.push({
          url: template.replace('{s}', 'a').replace('{z}', String(z)).replace('{x}', String(wrapped)).replace('{y}', String(ty)),
          x: px,
          y: py,
          size,
        });
      }
    }
    return out;
  }
}

/** Pairs fetched images with their places. */
export function placeTiles(requests: readonly TileRequest[], hrefs: ReadonlyMap<string, string>): TileImage[] {
  return requests.flatMap((r) => {
    const href = hrefs.get(r.url);
    return href ? [{ href, x: r.x, y: r.y, size: r.size }] : [];
  });
}
