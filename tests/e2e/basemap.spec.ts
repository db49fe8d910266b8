import fs from 'node:fs';
import { type Page, expect, test } from '@playwright/test';

/** The labels drawn on the live map, with their boxes on screen. */
async function mapLabels(page: Page) {
  return page.locator('.leaflet-labels-pane .map-label').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? '', kind: (el as HTMLElement).dataset.kind ?? '', box: [r.left, r.top, r.right, r.bottom] as const };
    }),
  );
}

const overlap = (a: readonly number[], b: readonly number[]) => a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;

function expectNoOverlaps(labels: Awaited<ReturnType<typeof mapLabels>>) {
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      expect(overlap(labels[i]!.box, labels[j]!.box), `${labels[i]!.text} over ${labels[j]!.text}`).toBe(false);
}

test.describe('the basemap', () => {
  test('zoomed out, names the countries, the sea and the towns, draws the borders, and no label covers another', async ({ page }) => {
    await page.goto('/?lonlat=131.5,42.5&z=4.5');
    await expect(page.locator('.map-label', { hasText: 'NORTH KOREA' })).toBeVisible();
    await expect(page.locator('.map-label', { hasText: 'RUSSIA' })).toBeVisible();
    await expect(page.locator('.map-label', { hasText: 'CHINA' })).toBeVisible();
    await expect(page.locator('.map-label', { hasText: 'Sea of Japan (East Sea)' })).toBeVisible();
    await expect(page.locator('.map-label', { hasText: 'Vladivostok' })).toBeVisible();
    const labels = await mapLabels(page);
    expect(labels.filter((l) => l.kind === 'city').length).toBeGreaterThan(3);
    expectNoOverlaps(labels);
    // The border layer is drawn: a dashed path of the border colour in the land pane.
    await expect
      .poll(() => page.locator('.leaflet-land-pane').evaluate((pane) => pane.querySelectorAll('canvas').length))
      .toBeGreaterThan(0);
    const borderPixels = () =>
      page.locator('.leaflet-land-pane canvas').first().evaluate((canvas: HTMLCanvasElement) => {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        // COLORS.border #8e7b93, anti-aliased over the land: thin at this zoom, but there.
        for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - 0x8e) < 30 && Math.abs(data[i + 1]! - 0x7b) < 30 && Math.abs(data[i + 2]! - 0x93) < 30) n++;
        return n;
      });
    await expect.poll(borderPixels).toBeGreaterThan(20);
    await page.screenshot({ path: test.info().outputPath('basemap-z4.5.png') });
  });

  test('at every zoom the labels keep clear of each other, and a click through a label still selects the route', async ({ page }) => {
    for (const z of [6, 8, 9]) {
      await page.goto(`/?lonlat=131.2,42.6&z=${z}`);
      await expect(page.locator('.port-label', { hasText: /^Rajin$/ })).toBeVisible();
      expectNoOverlaps(await mapLabels(page));
      await page.screenshot({ path: test.info().outputPath(`basemap-z${z}.png`) });
    }
    // Labels take no pointer events: whatever is under them gets the click.
    const pointer = await page.locator('.leaflet-labels-pane').evaluate((el) => getComputedStyle(el).pointerEvents);
    expect(pointer).toBe('none');
  });

  test('the exported image names the countries and the sea, with the same borders', async ({ page }) => {
    await page.goto('/?lonlat=131.2,42.6&z=6');
    await expect(page.locator('[data-voyage-id]').first()).toBeVisible();
    await page.getByRole('button', { name: 'Export image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export image' });
    await expect(dialog.getByTestId('export-preview')).toBeVisible();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
    const file = test.info().outputPath(dl.suggestedFilename());
    await dl.saveAs(file);
    const svg = fs.readFileSync(file, 'utf8');
    expect(svg).toContain('<path id="borders" d="M');
    const names = [...svg.matchAll(/<text[^>]*class="place-label place-(\w+)"[^>]*>([^<]*)<\/text>/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(names).toEqual(expect.arrayContaining(['country:RUSSIA', 'country:NORTH KOREA', 'country:CHINA']));
    expect(names.some((n) => n.startsWith('sea:'))).toBe(true);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
    await png.saveAs(test.info().outputPath('export.png'));
  });
});
