import type { Page } from '@playwright/test';

/**
 * How much of the straight line between two [lon, lat] is inked on the tracks' canvas (pane
 * 'tracks'), sampled at `steps` points: Web Mercator at the map's zoom, from its centre in the URL.
 */
export async function canvasSamples(page: Page, from: [number, number], to: [number, number], steps: number) {
  const url = new URL(page.url());
  const [clon, clat] = url.searchParams.get('lonlat')!.split(',').map(Number) as [number, number];
  const zoom = Number(url.searchParams.get('z'));
  return page.locator('.leaflet-container').evaluate(
    (container: HTMLElement, { clon, clat, zoom, from, to, steps }) => {
      const canvas = container.querySelector<HTMLCanvasElement>('.leaflet-tracks-pane canvas');
      if (!canvas) return null;
      const scale = 256 * 2 ** zoom;
      const project = ([lon, lat]: [number, number]) => {
        const s = Math.sin((lat * Math.PI) / 180);
        return { x: ((lon + 180) / 360) * scale, y: (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale };
      };
      const rect = canvas.getBoundingClientRect();
      const c = project([clon, clat]);
      // Leaflet's canvas spans the view padded by a tenth each side, so at rest its middle is the
      // view's centre (the container's own box may have changed size since Leaflet measured it).
      const screen = (p: [number, number]) => {
        const q = project(p);
        return { x: rect.left + rect.width / 2 + q.x - c.x, y: rect.top + rect.height / 2 + q.y - c.y };
      };
      const a = screen(from);
      const b = screen(to);
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const sx = canvas.width / rect.width;
      const sy = canvas.height / rect.height;
      const length = Math.hypot(b.x - a.x, b.y - a.y);
      // Across the line by a pixel either way (the simplified line may sit a pixel off), never along it.
      const nx = -(b.y - a.y) / length;
      const ny = (b.x - a.x) / length;
      let inked = 0;
      for (let i = 0; i <= steps; i++) {
        const f = i / steps;
        const hit = [-1, 0, 1].some((d) => {
          const x = Math.round((a.x + (b.x - a.x) * f + nx * d - rect.left) * sx);
          const y = Math.round((a.y + (b.y - a.y) * f + ny * d - rect.top) * sy);
          return x >= 0 && y >= 0 && x < canvas.width && y < canvas.height && data[(y * canvas.width + x) * 4 + 3]! > 40;
        });
        if (hit) inked++;
      }
      return { inked: inked / (steps + 1), lengthPx: length };
    },
    { clon, clat, zoom, from, to, steps },
  );
}
