import type { Page } from '@playwright/test';

type LonLat = [number, number];

/** Normalised Web Mercator (x east, y south, both in [0, 1]) of a [lon, lat]. */
function mercator([lon, lat]: LonLat): [number, number] {
  const s = Math.sin((lat * Math.PI) / 180);
  return [lon / 360 + 0.5, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}

/**
 * Whether the tracks' canvas tiles (pane 'tracks', each canvas marked `data-tile="z/x/y"` and
 * `data-size`, its side in CSS pixels) are
 * inked at each point, or within `reachPx` of it, read in tile space rather than on the screen:
 * the answer does not depend on where the map's container sits or whether it has moved since.
 * Points are Mercator pixels at the tiles' zoom, which is the map's zoom rounded (Leaflet's
 * GridLayer); `offsets` are tried around each point ([dx, dy] in those pixels).
 */
async function inkAt(page: Page, points: [number, number][], offsets: [number, number][]): Promise<boolean[] | null> {
  return page.locator('.leaflet-container').evaluate(
    (container: HTMLElement, { points, offsets }) => {
      const tiles = new Map<string, { data: Uint8ClampedArray; width: number; ratio: number }>();
      let size = 256;
      for (const canvas of container.querySelectorAll<HTMLCanvasElement>('.leaflet-tracks-pane canvas[data-tile]')) {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        size = Number(canvas.dataset.size);
        tiles.set(canvas.dataset.tile!, { data, width: canvas.width, ratio: canvas.width / size });
      }
      if (tiles.size === 0) return null;
      const z = Math.max(...[...tiles.keys()].map((k) => Number(k.split('/')[0])));
      const at = (gx: number, gy: number) => {
        const tx = Math.floor(gx / size);
        const ty = Math.floor(gy / size);
        const tile = tiles.get(`${z}/${tx}/${ty}`);
        if (!tile) return false;
        const x = Math.floor((gx - tx * size) * tile.ratio);
        const y = Math.floor((gy - ty * size) * tile.ratio);
        return tile.data[(y * tile.width + x) * 4 + 3]! > 40;
      };
      return points.map(([gx, gy]) => offsets.some(([dx, dy]) => at(gx + dx, gy + dy)));
    },
    { points, offsets },
  );
}

/** The zoom of the tracks' tiles now (the map's, from its URL, rounded as Leaflet's GridLayer does). */
function tileZoom(page: Page): { tileZoom: number; zoom: number } {
  const zoom = Number(new URL(page.url()).searchParams.get('z'));
  return { tileZoom: Math.round(zoom), zoom };
}

/**
 * How much of the straight line (in Mercator, as drawn) between two [lon, lat] is inked, sampled
 * at the given fractions of its length, each within a pixel across the line (the simplified line
 * may sit a pixel off), never along it; and the line's length on the screen. Null if no tile is drawn.
 */
export async function canvasSamples(page: Page, from: LonLat, to: LonLat, steps: number, fractions?: number[]) {
  const { tileZoom: z, zoom } = tileZoom(page);
  const scale = 256 * 2 ** z;
  const [ax, ay] = mercator(from).map((v) => v * scale) as [number, number];
  const [bx, by] = mercator(to).map((v) => v * scale) as [number, number];
  const length = Math.hypot(bx - ax, by - ay);
  const nx = -(by - ay) / length;
  const ny = (bx - ax) / length;
  const at = fractions ?? Array.from({ length: steps + 1 }, (_, i) => i / steps);
  const hits = await inkAt(
    page,
    at.map((f) => [ax + (bx - ax) * f, ay + (by - ay) * f]),
    [-1, 0, 1].map((d) => [nx * d, ny * d]),
  );
  if (!hits) return null;
  return { inked: hits.filter(Boolean).length / hits.length, lengthPx: length * 2 ** (zoom - z) };
}
