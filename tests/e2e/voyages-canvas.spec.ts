import { type Page, expect, test } from '@playwright/test';
import { type VoyageMapAnswer, decodeVoyageMap, encodeVoyageMap } from '../../lib/core/domain/voyage-map';
import { steadyMapBox } from './map-box';

type Feature = { properties: { id: string; vessel: { name: string } | null; origin: { id: string }; destination: { id: string } }; geometry: { coordinates: number[][] } };

/** Pixels of the routes' canvas (the overlay pane) that are not transparent. */
const painted = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('.leaflet-overlay-pane canvas')) {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    }
    return n;
  });

/** A voyage alone on its path (no stack: a click selects it at once), and a point in the middle of its route. */
async function lonePoint(page: Page) {
  const geo = (await (await page.request.get('/api/voyages?format=geojson')).json()) as { features: Feature[] };
  const key = (f: Feature) => JSON.stringify([...f.geometry.coordinates].sort());
  const count = new Map<string, number>();
  for (const f of geo.features) count.set(key(f), (count.get(key(f)) ?? 0) + 1);
  const f = geo.features.find((x) => count.get(key(x)) === 1 && x.geometry.coordinates.length > 3)!;
  expect(f, 'a seeded voyage alone on its path').toBeDefined();
  const line = f.geometry.coordinates;
  const k = Math.floor((line.length - 1) / 2);
  return { feature: f, lon: (line[k]![0]! + line[k + 1]![0]!) / 2, lat: (line[k]![1]! + line[k + 1]![1]!) / 2 };
}

test.describe('the routes drawn in one pass', () => {
  test('one canvas holds every route; hovering one names it and highlights it in the list; a click selects it', async ({ page }) => {
    const { feature, lon, lat } = await lonePoint(page);
    await page.goto(`/?lonlat=${lon.toFixed(4)},${lat.toFixed(4)}&z=8`);
    await expect(page.locator('.voyage-item').first()).toBeVisible();
    // No Leaflet layer per route: no SVG paths, and one canvas in the routes' pane.
    await expect(page.locator('.leaflet-overlay-pane canvas')).toHaveCount(1);
    await expect(page.locator('.leaflet-overlay-pane path')).toHaveCount(0);
    await expect.poll(() => painted(page)).toBeGreaterThan(100);

    const box = await steadyMapBox(page);
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(centre.x - 40, centre.y - 60);
    await page.mouse.move(centre.x, centre.y);
    const vessel = feature.properties.vessel?.name ?? 'Unidentified';
    await expect(page.locator('.leaflet-tooltip.route-tip')).toContainText(vessel.split(' ')[0]!);
    await expect(page.locator('.leaflet-tooltip.route-tip')).toContainText('Route inferred, not observed');
    await expect(page.locator(`li.hovered [data-voyage-id="${feature.properties.id}"]`)).toHaveCount(1);
    const before = await painted(page);

    await page.mouse.click(centre.x, centre.y);
    // Routes of other paths may pass here too (near a port they all do): then the chooser offers them all.
    const chooser = page.getByRole('dialog', { name: /voyages here/ });
    // Either comes after the click, not with it: wait for one before looking which.
    await expect
      .poll(async () => (await chooser.isVisible()) || new URL(page.url()).searchParams.get('voyage') === feature.properties.id)
      .toBe(true);
    if (await chooser.isVisible()) {
      await expect(page.locator('.leaflet-tooltip.route-tip')).toHaveCount(0);
      await chooser.locator(`button[data-voyage-id="${feature.properties.id}"]`).click();
    }
    await expect.poll(() => new URL(page.url()).searchParams.get('voyage')).toBe(feature.properties.id);
    await expect(page.locator('.route-label')).toHaveText('Route inferred, not observed');
    // Selected: drawn wider, the others dimmed; the canvas was drawn again.
    await expect.poll(() => painted(page)).not.toBe(before);
    // Off the route, the pointer finds nothing: the tooltip closes and nothing is hovered.
    await page.mouse.move(box.x + 5, box.y + box.height - 5);
    await expect(page.locator('.leaflet-tooltip.route-tip')).toHaveCount(0);
    await expect(page.locator('li.hovered')).toHaveCount(0);
  });

  test('hovering an item of the list highlights its route on the canvas', async ({ page }) => {
    const { feature, lon, lat } = await lonePoint(page);
    await page.goto(`/?lonlat=${lon.toFixed(4)},${lat.toFixed(4)}&z=8`);
    await expect.poll(() => painted(page)).toBeGreaterThan(100);
    const before = await painted(page);
    await page.locator(`[data-voyage-id="${feature.properties.id}"]`).hover();
    // Hovered: drawn 4 px wide instead of 2.5, so more of the canvas is painted.
    await expect.poll(() => painted(page)).toBeGreaterThan(before);
  });

  test('6,000 voyages (more than a page of the list): all counted, all in the map data, the list virtualised and walked with the keyboard', async ({ page }) => {
    // The seeded voyages copied up to 6,000 with new ids, encoded as the server encodes them.
    await page.route('**/api/voyages/map*', async (r) => {
      const res = await r.fetch();
      const fc = decodeVoyageMap<Feature['properties'] & Record<string, unknown>>((await res.json()) as VoyageMapAnswer);
      const n = fc.features.length;
      const features = Array.from({ length: 6000 }, (_, i) => {
        const f = fc.features[i % n]!;
        return { ...f, properties: { ...f.properties, id: `${f.properties.id}-x${i}` } };
      });
      await r.fulfill({ response: res, json: encodeVoyageMap({ ...fc, features }) });
    });
    await page.goto('/');
    await expect(page.locator('#voyage-list-heading .count')).toHaveText('(6000)', { timeout: 30_000 });
    await expect.poll(() => painted(page)).toBeGreaterThan(100);
    // Only the rows in view are in the page, each saying its place in the whole.
    const rendered = await page.locator('.voyage-list .voyage-item').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(100);
    await expect(page.locator('.voyage-list li').first()).toHaveAttribute('aria-setsize', '6000');
    // The keyboard reaches the last voyage, which was not in the page.
    await page.locator('.voyage-list .voyage-item').first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('.voyage-list li[aria-posinset="2"] .voyage-item')).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.locator('.voyage-list li[aria-posinset="6000"] .voyage-item')).toBeFocused();
    await page.keyboard.press('Enter');
    const id = await page.locator('.voyage-list li[aria-posinset="6000"] .voyage-item').getAttribute('data-voyage-id');
    await expect.poll(() => new URL(page.url()).searchParams.get('voyage')).toBe(id);
    await expect(page.locator('.route-label')).toBeVisible();
  });
});
