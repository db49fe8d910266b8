/**
 * The map at the time cursor (issue 11): `at=YYYY-MM-DD` shows which voyages were possibly or
 * certainly under way that day, the rest faded, and for each one under way the stretch of its route
 * where the ship could have been, as a translucent blue band; the legend and the list say so.
 */
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { type VoyageMapAnswer, decodeVoyageMap, encodeVoyageMap } from '../../lib/core/domain/voyage-map';
import { steadyMapBox } from './map-box';

type Geo = {
  features: {
    properties: { id: string; departure: Record<string, unknown>; arrival: Record<string, unknown> };
    geometry: { coordinates: number[][] };
  }[];
};

const FEB_LEG = 'lady-r-rajin-vostochny-2024-02';
const MAR_LEG = 'lady-r-vladivostok-rajin-2024-03';

/** The point at a fraction of a route's length (planar, in degrees: close enough at this scale). */
function pointAlong(line: number[][], fraction: number): [number, number] {
  const seg = line.slice(1).map((p, i) => Math.hypot(p[0]! - line[i]![0]!, p[1]! - line[i]![1]!));
  let left = seg.reduce((a, b) => a + b, 0) * fraction;
  for (let i = 0; i < seg.length; i++) {
    if (left <= seg[i]!) {
      const k = left / seg[i]!;
      return [line[i]![0]! + k * (line[i + 1]![0]! - line[i]![0]!), line[i]![1]! + k * (line[i + 1]![1]! - line[i]![1]!)];
    }
    left -= seg[i]!;
  }
  return [line.at(-1)![0]!, line.at(-1)![1]!];
}

async function route(page: Page, id: string): Promise<number[][]> {
  const geo = (await (await page.request.get('/api/voyages?format=geojson')).json()) as Geo;
  const f = geo.features.find((x) => x.properties.id === id);
  expect(f, id).toBeTruthy();
  return f!.geometry.coordinates;
}

/**
 * What the map's canvases hold: the stretches' (pane 'cursor') pixels of the band's blue, within
 * `radius` CSS pixels of the map's centre or anywhere; the routes' (overlay pane) orange pixels,
 * by opacity.
 */
async function canvasPixels(page: Page, radius: number) {
  const container = (await page.locator('.leaflet-container').boundingBox())!;
  const centre = { x: container.x + container.width / 2, y: container.y + container.height / 2 };
  return page.locator('.leaflet-map-pane').evaluate(
    (mapPane: HTMLElement, { centre, radius }) => {
      const stretches = mapPane.querySelector<HTMLCanvasElement>('.leaflet-cursor-pane > canvas');
      const routes = mapPane.querySelector<HTMLCanvasElement>('.leaflet-overlay-pane > canvas')!;
      const read = (canvas: HTMLCanvasElement) => ({ canvas, rect: canvas.getBoundingClientRect(), data: canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data });
      let blueNear = 0;
      let blue = 0;
      if (stretches) {
        const { canvas, rect, data } = read(stretches);
        const sx = canvas.width / rect.width;
        const cx = (centre.x - rect.left) * sx;
        const cy = (centre.y - rect.top) * (canvas.height / rect.height);
        for (let y = 0; y < canvas.height; y++) {
          for (let x = 0; x < canvas.width; x++) {
            const i = (y * canvas.width + x) * 4;
            // The band, #1d4ed8 at 40 %: blue well above red and green (un-premultiplied).
            if (data[i + 3]! < 20 || data[i + 2]! - data[i]! <= 80 || data[i + 2]! - data[i + 1]! <= 60) continue;
            blue++;
            if (Math.hypot(x - cx, y - cy) <= radius * sx) blueNear++;
          }
        }
      }
      const { data } = read(routes);
      const orangeAlpha: number[] = [];
      for (let i = 0; i < data.length; i += 4) {
        // The routes, #c2410c: red well above blue.
        if (data[i + 3]! >= 20 && data[i]! - data[i + 2]! > 100) orangeAlpha.push(data[i + 3]!);
      }
      orangeAlpha.sort((p, q) => p - q);
      // The 90th percentile: a faded route is translucent along its whole length, not only at its edges.
      const p90 = orangeAlpha.length ? orangeAlpha[Math.floor(orangeAlpha.length * 0.9)]! : 0;
      return { blue, blueNear, orange: orangeAlpha.length, orangeP90: p90 };
    },
    { centre, radius },
  );
}

const item = (page: Page, id: string) => page.locator(`[data-voyage-id="${id}"]`);
const legendEntry = (page: Page, key: string) => page.locator(`.legend li[data-legend="${key}"]`);

test.describe('the map at the time cursor', () => {
  test('at=2024-02-06: the Lady R Rajin → Vostochny leg possibly under way, its stretch drawn, the rest faded', async ({ page, browser }) => {
    const line = await route(page, FEB_LEG);
    const [lon, lat] = pointAlong(line, 0.5);
    const url = `/?lonlat=${lon.toFixed(4)},${lat.toFixed(4)}&z=8&at=2024-02-06`;
    await page.goto(url);

    // The list: the leg says so, in its accessible name; a voyage of another year does not.
    await expect(item(page, FEB_LEG)).toContainText('Possibly under way on 6 Feb 2024');
    await expect(page.getByRole('button', { name: /Possibly under way on 6 Feb 2024/ })).toHaveCount(1);
    await expect(item(page, 'angara-rajin-dunai-2023-09')).not.toContainText('under way');
    // The legend: possible, faded and the stretch, with the day; nothing certain that day.
    await expect(legendEntry(page, 'cursor-possible')).toHaveText('Possibly under way on 6 Feb 2024');
    await expect(legendEntry(page, 'cursor-stretch')).toHaveText('Where the ship could have been on 6 Feb 2024');
    await expect(legendEntry(page, 'cursor-faded')).toContainText('Not under way on 6 Feb 2024');
    await expect(legendEntry(page, 'cursor-certain')).toHaveCount(0);

    // The map: the band's blue on the canvas around the leg's middle (the map's centre)…
    await expect.poll(async () => (await canvasPixels(page, 12)).blueNear).toBeGreaterThan(50);
    // …and hovering it says whose stretch it is, and on what day.
    const box = await steadyMapBox(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // The vessel's name as hedged everywhere else ("Lady R (inferred by team)").
    const tip = page.locator('.leaflet-tooltip', { hasText: /^Lady R\b.* could have been on this stretch on 6 Feb 2024 \(possibly under way\)$/ });
    await expect(tip).toBeVisible();
    // Inside the map, not cut off by its edge.
    const tipBox = (await tip.boundingBox())!;
    expect(tipBox.x).toBeGreaterThanOrEqual(box.x);
    expect(tipBox.x + tipBox.width).toBeLessThanOrEqual(box.x + box.width);
    // The stretches' canvas lets the pointer through: the routes under it still answer (four Lady R legs share this path).
    await expect(page.locator('.leaflet-tooltip', { hasText: /\d+ voyages here: click to choose/ })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('time-map-2024-02-06.png') });

    // Accessibility of the page with the cursor's entries.
    const context = await browser.newContext();
    const fresh = await context.newPage();
    await fresh.goto(url);
    await expect(item(fresh, FEB_LEG)).toContainText('Possibly under way');
    const axe = await new AxeBuilder({ page: fresh }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await context.close();
  });

  test('a voyage certainly under way on a day is drawn and named as certain', async ({ page }) => {
    // No seed voyage is ever certainly under way (every one's earliest arrival comes before its
    // latest departure), so the answer is given one with a day between: left 5–6 Mar, arrived
    // 12–13 Mar 2024, certainly at sea on 10 Mar, somewhere between 3/7 and 6/7 of its route.
    const line = await route(page, MAR_LEG);
    await page.route('**/api/voyages/map*', async (r) => {
      const res = await r.fetch();
      const geo = decodeVoyageMap((await res.json()) as VoyageMapAnswer) as unknown as Geo;
      for (const f of geo.features) {
        if (f.properties.id !== MAR_LEG) continue;
        f.properties.departure = { ...f.properties.departure, earliest: '2024-03-05', latest: '2024-03-06' };
        f.properties.arrival = { ...f.properties.arrival, earliest: '2024-03-12', latest: '2024-03-13' };
      }
      await r.fulfill({ response: res, json: encodeVoyageMap(geo as unknown as Parameters<typeof encodeVoyageMap>[0]) });
    });
    const [lon, lat] = pointAlong(line, 0.65);
    await page.goto(`/?lonlat=${lon.toFixed(4)},${lat.toFixed(4)}&z=8&at=2024-03-10`);
    await expect(item(page, MAR_LEG)).toContainText('Certainly under way on 10 Mar 2024');
    await expect(legendEntry(page, 'cursor-certain')).toContainText('Certainly under way on 10 Mar 2024');
    await expect.poll(async () => (await canvasPixels(page, 12)).blueNear).toBeGreaterThan(50);
    const box = await steadyMapBox(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.locator('.leaflet-tooltip', { hasText: 'could have been on this stretch on 10 Mar 2024 (certainly under way)' })).toBeVisible();
    // The stretch is only part of the route: its ends (the ports) have no band.
    await page.goto(`/?lonlat=${line[0]![0]!.toFixed(4)},${line[0]![1]!.toFixed(4)}&z=8&at=2024-03-10`);
    await expect(item(page, MAR_LEG)).toContainText('Certainly under way');
    await expect.poll(async () => (await canvasPixels(page, 60)).orange).toBeGreaterThan(50);
    expect((await canvasPixels(page, 60)).blueNear).toBe(0);
    await page.screenshot({ path: test.info().outputPath('time-map-certain.png') });
  });

  test('a day nothing was under way fades every route; without at= nothing changes', async ({ page }) => {
    await page.goto('/?lonlat=131.2,42.6&z=7');
    await expect(item(page, FEB_LEG)).toBeVisible();
    await expect.poll(async () => (await canvasPixels(page, 0)).orange).toBeGreaterThan(200);
    const plain = await canvasPixels(page, 0);
    expect(plain.blue).toBe(0);
    expect(plain.orangeP90).toBeGreaterThan(200);
    await expect(page.locator('[data-at-cursor]')).toHaveCount(0);
    await expect(page.locator('.legend li[data-legend^="cursor-"]')).toHaveCount(0);

    await page.goto('/?lonlat=131.2,42.6&z=7&at=2030-01-01');
    await expect(legendEntry(page, 'cursor-faded')).toContainText('Not under way on 1 Jan 2030');
    await expect.poll(async () => (await canvasPixels(page, 0)).orangeP90).toBeLessThan(120);
    const faded = await canvasPixels(page, 0);
    // Faded, not hidden: the routes are still there.
    expect(faded.orange).toBeGreaterThan(200);
    expect(faded.blue).toBe(0);
    await expect(page.locator('[data-at-cursor]')).toHaveCount(0);
  });

  test('at 390 px wide the list says which voyages were under way', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto('/?at=2024-02-06');
    await expect(item(page, FEB_LEG)).toContainText('Possibly under way on 6 Feb 2024');
    await page.screenshot({ path: test.info().outputPath('time-map-390.png') });
    await item(page, FEB_LEG).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('time-map-390-list.png') });
    await context.close();
  });

  test('playback with 2,000 voyages: frames per second while the stretches move', async ({ page }) => {
    // The seed's 8 voyages, 250 times over, each copy's windows a few days later: at any instant
    // of Feb–Mar 2024 dozens are under way, each with its stretch moving at every frame.
    const shift = (day: unknown, n: number) => new Date(Date.parse(`${String(day)}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    await page.route('**/api/voyages/map*', async (r) => {
      const res = await r.fetch();
      const geo = decodeVoyageMap((await res.json()) as VoyageMapAnswer) as unknown as Geo;
      const features = Array.from({ length: 250 }, (_, k) =>
        geo.features.map((f) => {
          const p = f.properties;
          const at = (w: Record<string, unknown>) => ({ ...w, earliest: shift(w.earliest, k % 40), latest: shift(w.latest, k % 40) });
          return { ...f, properties: { ...p, id: `${p.id}~${k}`, departure: at(p.departure), arrival: at(p.arrival) } };
        }),
      ).flat();
      await r.fulfill({ response: res, json: encodeVoyageMap({ ...geo, features } as unknown as Parameters<typeof encodeVoyageMap>[0]) });
    });
    await page.goto('/?lonlat=131.2,42.6&z=7&at=2024-02-06');
    await expect(page.locator('.legend li[data-legend="cursor-stretch"]')).toBeVisible({ timeout: 30_000 });
    const fps = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let frames = 0;
            const start = performance.now();
            const tick = () => {
              frames++;
              const elapsed = performance.now() - start;
              if (elapsed < 3000) requestAnimationFrame(tick);
              else resolve((frames / elapsed) * 1000);
            };
            requestAnimationFrame(tick);
          }),
      );
    const idle = await fps();
    await page.getByRole('button', { name: 'Play' }).click();
    const playing = await fps();
    await page.screenshot({ path: test.info().outputPath('time-map-playing-2000.png') });
    await page.getByRole('button', { name: 'Pause' }).click();
    // The cursor moved (about a week a second): the URL's day is past the 6th.
    await expect.poll(() => new URL(page.url()).searchParams.get('at')).not.toBe('2024-02-06');
    const figures = `2,000 voyages: ${idle.toFixed(1)} frames/s at rest, ${playing.toFixed(1)} frames/s playing`;
    test.info().annotations.push({ type: 'measure', description: figures });
    console.log(figures);
    // The aim is ≥ 30 (issue 11) and it is NOT reached yet: measured 7.3 frames/s on the shared
    // 2-core test machine (2.2 before the routes were memoised, 3.1 with the stretches on the
    // routes' canvas). This bound only guards against falling back; raise it as playback gets faster.
    expect(playing).toBeGreaterThan(5);
  });
});
