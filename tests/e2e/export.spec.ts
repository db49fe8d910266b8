import fs from 'node:fs';
import { type Page, expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import seedVoyages from '../../data/seed/voyages.json';

const ROUTE_COLOURS = [
  [0xc2, 0x41, 0x0c],
  [0x7c, 0x2d, 0x12],
];

async function openExport(page: Page, url = '/') {
  await page.goto(url);
  await expect(page.locator('[data-voyage-id]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Export image' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('export-preview')).toBeVisible();
  return dialog;
}

async function download(page: Page, button: string): Promise<{ name: string; file: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const file = test.info().outputPath(dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), file };
}

const isRouteColour = (png: PNG, x: number, y: number) => {
  const i = (png.width * y + x) << 2;
  return ROUTE_COLOURS.some(([r, g, b]) => Math.abs(png.data[i]! - r!) < 40 && Math.abs(png.data[i + 1]! - g!) < 40 && Math.abs(png.data[i + 2]! - b!) < 40);
};

/** Points along the route paths of the exported SVG, in its pixel coordinates. */
function routePoints(svg: string): [number, number][] {
  const group = svg.match(/<g id="routes"[^>]*>([\s\S]*?)<\/g>/)?.[1] ?? '';
  const points: [number, number][] = [];
  for (const [, d] of group.matchAll(/ d="([^"]+)"/g)) {
    const nums = [...d!.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
    for (let i = 1; i < nums.length; i++) {
      const [ax, ay] = nums[i - 1]!;
      const [bx, by] = nums[i]!;
      for (let t = 0; t < 1; t += 0.05) points.push([ax + (bx - ax) * t, ay + (by - ay) * t]);
    }
  }
  return points;
}

function checkImage(file: string, width: number, height: number, svg?: string) {
  const png = PNG.sync.read(fs.readFileSync(file));
  expect([png.width, png.height]).toEqual([width, height]);
  // Not blank: many colours, and a good share of pixels that are neither white nor the sea.
  const colours = new Set<number>();
  let painted = 0;
  for (let i = 0; i < png.data.length; i += 4 * 7) {
    const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    colours.add((r << 16) | (g << 8) | b);
    if (r + g + b < 700) painted++;
  }
  expect(colours.size).toBeGreaterThan(100);
  // A blank image paints nothing; the white title and footer bands take up to about a third of a
  // 1200×675 image when the credits wrap to three lines, so the map's sea and routes paint > 25%.
  expect(painted / (png.data.length / 28)).toBeGreaterThan(0.25);
  if (svg) {
    // Along the routes the image holds the route colour (dashes leave gaps of about half the length).
    const pts = routePoints(svg);
    expect(pts.length).toBeGreaterThan(20);
    const near = (x: number, y: number) => {
      for (let dx = -3; dx <= 3; dx++)
        for (let dy = -3; dy <= 3; dy++) {
          const px = Math.round(x + dx);
          const py = Math.round(y + dy);
          if (px >= 0 && py >= 0 && px < png.width && py < png.height && isRouteColour(png, px, py)) return true;
        }
      return false;
    };
    const hits = pts.filter(([x, y]) => near(x, y)).length;
    expect(hits / pts.length).toBeGreaterThan(0.35);
  }
}

test.describe('exporting the map', () => {
  test('saves a 1200×675 PNG that is the size asked for, not blank, with the routes drawn', async ({ page }) => {
    const dialog = await openExport(page);
    await expect(dialog.getByLabel('Width')).toHaveValue('1200');
    await expect(dialog.getByLabel('Height')).toHaveValue('675');
    const svg = await download(page, 'Download SVG');
    const png = await download(page, 'Download PNG');
    expect(png.name).toMatch(/^wakeline-[a-z0-9-]+-\d{4}-\d{2}-\d{4}-\d{2}\.png$/);
    checkImage(png.file, 1200, 675, fs.readFileSync(svg.file, 'utf8'));
    await expect(dialog.getByTestId('export-status')).toContainText(`Saved ${png.name}`);
  });

  test('saves a 3000×2000 print PNG', async ({ page }) => {
    const dialog = await openExport(page);
    await dialog.getByLabel('Size').selectOption({ label: 'Print (3000 × 2000)' });
    await expect(dialog.getByLabel('Width')).toHaveValue('3000');
    const svg = await download(page, 'Download SVG');
    const png = await download(page, 'Download PNG');
    checkImage(png.file, 3000, 2000, fs.readFileSync(svg.file, 'utf8'));
  });

  test('saves an SVG with vector routes, ports, coastline and the title as text', async ({ page }) => {
    const dialog = await openExport(page);
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Rajin to Russia: what the sources say');
    const { name, file } = await download(page, 'Download SVG');
    expect(name).toMatch(/\.svg$/);
    const svg = fs.readFileSync(file, 'utf8');
    expect(svg).toMatch(/^<svg [^>]*width="1200" height="675"/);
    expect(svg).toContain('<path id="land" d="M');
    expect(svg).toMatch(/<g id="routes"[^>]*>\s*<path d="M/);
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toMatch(/<text[^>]*>Rajin to Russia: what the sources say<\/text>/);
    expect(svg).toContain('Route inferred, not observed');
    // The credits wrap over several <text> lines as the sources grow: read them as one text.
    const footer = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    expect(footer).toContain('© OpenStreetMap contributors');
  });

  test('saves the data behind the image as GeoJSON', async ({ page }) => {
    await openExport(page);
    const { name, file } = await download(page, 'Download GeoJSON');
    expect(name).toMatch(/\.geojson$/);
    const fc = JSON.parse(fs.readFileSync(file, 'utf8'));
    const lines = fc.features.filter((f: { geometry: { type: string } }) => f.geometry.type === 'LineString');
    expect(lines).toHaveLength(seedVoyages.length);
  });

  test('saves the voyages behind the image as KML and GPX, one feature each', async ({ page }) => {
    await openExport(page);
    const kml = await download(page, 'Download KML');
    expect(kml.name).toMatch(/\.kml$/);
    expect(fs.readFileSync(kml.file, 'utf8').match(/<Placemark>/g)).toHaveLength(seedVoyages.length);
    const gpx = await download(page, 'Download GPX');
    expect(gpx.name).toMatch(/\.gpx$/);
    expect(fs.readFileSync(gpx.file, 'utf8').match(/<trk>/g)).toHaveLength(seedVoyages.length);
  });

  test('a permalink reproduces the same view and the same export in a new browser', async ({ page, browser }) => {
    const dialog = await openExport(page, '/?vessel=lady-r');
    await dialog.getByLabel('Size').selectOption({ label: 'Square (1080 × 1080)' });
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Lady R, 2024–2025');
    await dialog.getByRole('checkbox', { name: 'Legend' }).uncheck();
    await expect(page).toHaveURL(/x=1/);
    const first = fs.readFileSync((await download(page, 'Download SVG')).file, 'utf8');
    const url = page.url();

    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto(url);
    const again = other.getByRole('dialog', { name: 'Export image' });
    await expect(again).toBeVisible();
    await expect(again.getByLabel('Width')).toHaveValue('1080');
    await expect(again.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Lady R, 2024–2025');
    await expect(again.getByRole('checkbox', { name: 'Legend' })).not.toBeChecked();
    await expect(again.getByTestId('export-preview')).toBeVisible();
    const second = fs.readFileSync((await download(other, 'Download SVG')).file, 'utf8');
    expect(second).toBe(first);
    expect(second).not.toContain('id="legend"');
    await context.close();
  });

  test('works from the keyboard: focus stays inside, Escape closes and returns focus', async ({ page }) => {
    const dialog = await openExport(page);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Export image' })).toBeFocused();
  });

  test('refuses a size over 6000 px and keeps the last valid one', async ({ page }) => {
    const dialog = await openExport(page);
    await dialog.getByLabel('Width').fill('7000');
    await expect(dialog.getByText('A whole number from 1 to 6000.')).toBeVisible();
    await expect(dialog.getByText('1200 × 675 px')).toBeVisible();
    await dialog.getByLabel('Width').fill('1600');
    await expect(dialog.getByText('1600 × 675 px')).toBeVisible();
  });

  test('works on a phone', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const dialog = await openExport(page);
    await expect(dialog.getByRole('button', { name: 'Download PNG' })).toBeEnabled();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: test.info().outputPath('phone-export.png') });
    await context.close();
  });
});
