import fs from 'node:fs';
import { type Page, expect, test } from '@playwright/test';

/**
 * The voyage downloads beside the list: each link keeps the view's filters, and the KML and GPX
 * files a person saves parse as XML (the browser's own parser) with one feature per voyage shown.
 * GDAL's reading of every format is checked in tests/unit/export-formats/gdal.test.ts.
 */

async function save(page: Page, link: string): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('.downloads').getByRole('link', { name: link, exact: true }).click()]);
  const file = test.info().outputPath(dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

/** The document element's name and how many `tag` elements it holds, or the parser's error. */
function parseXml(page: Page, text: string, tag: string) {
  return page.evaluate(
    ([t, name]) => {
      const doc = new DOMParser().parseFromString(t, 'application/xml');
      const error = doc.querySelector('parsererror');
      return error ? { error: error.textContent } : { root: doc.documentElement.localName, count: doc.getElementsByTagName(name).length };
    },
    [text, tag] as const,
  );
}

test('the KML and GPX links download the filtered voyages as well-formed files, beside CSV and GeoJSON', async ({ page }) => {
  await page.goto('/?vessel=lady-r');
  await expect(page.locator('.voyage-item').first()).toBeVisible();
  const shown = Number((await page.request.get('/api/voyages?vessel=lady-r')).headers()['x-total-count']);
  expect(shown).toBeGreaterThan(0);

  const links = page.locator('.downloads a');
  await expect(links).toHaveText(['CSV', '.csvt', 'GeoJSON', 'KML', 'GPX', 'API']);
  for (const [name, format] of [['CSV', 'csv'], ['.csvt', 'csvt'], ['GeoJSON', 'geojson-flat'], ['KML', 'kml'], ['GPX', 'gpx']]) {
    const href = await page.locator('.downloads').getByRole('link', { name: name!, exact: true }).getAttribute('href');
    expect(href, name).toMatch(new RegExp(`^/api/voyages\\?(.*&)?vessel=lady-r(&.*)?&format=${format}$`));
  }

  const kml = await save(page, 'KML');
  expect(kml.name).toBe('wakeline-voyages.kml');
  expect(await parseXml(page, kml.text, 'Placemark')).toEqual({ root: 'kml', count: shown });

  const gpx = await save(page, 'GPX');
  expect(gpx.name).toBe('wakeline-voyages.gpx');
  expect(await parseXml(page, gpx.text, 'trk')).toEqual({ root: 'gpx', count: shown });

  const geojson = await save(page, 'GeoJSON');
  const flat = JSON.parse(geojson.text) as { features: { properties: Record<string, unknown> }[] };
  expect(flat.features).toHaveLength(shown);
  expect(flat.features.every((f) => f.properties.vessel_id === 'lady-r' && typeof f.properties.route_nm === 'number')).toBe(true);
});
