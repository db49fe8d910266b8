import { type Page, expect, test } from '@playwright/test';
import seedSources from '../../data/seed/sources.json';
import seedVoyages from '../../data/seed/voyages.json';

/** Every request the page makes must stay on this machine; anything else is recorded and refused. */
async function guardNetwork(page: Page): Promise<string[]> {
  const outside: string[] = [];
  await page.context().route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost') {
      return route.continue();
    }
    outside.push(url.href);
    return route.abort();
  });
  return outside;
}

/** How many pixels of a canvas in a map pane are not transparent. */
async function paintedPixels(page: Page, pane: string): Promise<number> {
  return page.evaluate((paneClass) => {
    let n = 0;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`.${paneClass} canvas`)) {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0) continue;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    }
    return n;
  }, pane);
}

const voyageItems = (page: Page) => page.getByRole('list', { name: 'Voyages' }).getByRole('listitem');

test.describe('the dashboard', () => {
  test('shows the map of the region with Rajin and Dunai, land drawn and every route', async ({ page }) => {
    const outside = await guardNetwork(page);
    await page.goto('/');
    await expect(page.locator('.port-label', { hasText: /^Rajin$/ })).toBeVisible();
    await expect(page.locator('.port-label', { hasText: 'Dunai (approx.)' })).toBeVisible();
    await expect(voyageItems(page)).toHaveCount(seedVoyages.length);
    await expect.poll(() => paintedPixels(page, 'leaflet-land-pane')).toBeGreaterThan(10_000);
    await expect.poll(() => paintedPixels(page, 'leaflet-overlay-pane')).toBeGreaterThan(500);
    await expect(page.getByRole('group', { name: 'Map legend' }).or(page.locator('details.legend'))).toContainText(
      'Route inferred, not observed',
    );
    await expect(page.locator('.scale-bar')).toContainText('nm');
    await expect(page.locator('.leaflet-control-attribution')).toContainText('OpenStreetMap contributors');
    await page.screenshot({ path: 'test-results/dashboard.png' });
    expect(outside).toEqual([]);
  });

  test('lists every seeded voyage with vessel, ports, windows, distance, confidence and sources', async ({ page }) => {
    await page.goto('/');
    await expect(voyageItems(page)).toHaveCount(seedVoyages.length);
    for (const v of seedVoyages) {
      const item = page.locator(`[data-voyage-id="${v.id}"]`);
      await expect(item).toBeVisible();
      await expect(item).toContainText(/\d+ nm/);
      await expect(item).toContainText(v.confidence, { ignoreCase: true });
      await expect(item).toContainText(`${v.sourceIds.length} source`);
    }
  });

  test('selecting a voyage shows its distances, labels the route as inferred and links its sources', async ({ page }) => {
    await page.goto('/');
    const voyage = seedVoyages.find((v) => v.vesselId === 'lady-r') ?? seedVoyages[0]!;
    await page.locator(`[data-voyage-id="${voyage.id}"]`).click();
    await expect(page).toHaveURL(new RegExp(`voyage=${voyage.id}`));
    const detail = page.getByRole('region', { name: /→/ });
    await expect(detail.getByTestId('great-circle')).toHaveText(/\d+ nm \(\d+ km\)/);
    await expect(detail.getByTestId('route-distance')).toHaveText(/\d+ nm/);
    await expect(detail).toContainText('Route inferred, not observed');
    await expect(detail).toContainText('spher');
    for (const id of voyage.sourceIds) {
      const source = seedSources.find((s) => s.id === id)!;
      await expect(detail.getByText(source.title, { exact: true })).toBeVisible();
      if (source.url) await expect(detail.getByRole('link', { name: source.title })).toHaveAttribute('href', source.url);
    }
    await expect(page.locator('.route-label')).toHaveText('Route inferred, not observed');
    await page.screenshot({ path: 'test-results/selected.png' });
  });

  test('a filter narrows the list and the URL', async ({ page }) => {
    await page.goto('/');
    await expect(voyageItems(page)).toHaveCount(seedVoyages.length);
    await page.getByRole('combobox', { name: 'Vessel', exact: true }).selectOption('angara');
    const expected = seedVoyages.filter((v) => v.vesselId === 'angara').length;
    expect(expected).toBeLessThan(seedVoyages.length);
    await expect(voyageItems(page)).toHaveCount(expected);
    await expect(page).toHaveURL(/vessel=angara/);
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('2030-01-01');
    await expect(page.getByText('No voyage matches these filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(voyageItems(page)).toHaveCount(seedVoyages.length);
  });

  test('a copied URL restores the filters and the selection in a new browser', async ({ page, browser }) => {
    await page.goto('/');
    const voyage = seedVoyages.find((v) => v.vesselId === 'lady-r')!;
    await page.getByRole('combobox', { name: 'Vessel', exact: true }).selectOption('lady-r');
    await page.locator(`[data-voyage-id="${voyage.id}"]`).click();
    await expect(page.getByTestId('great-circle')).toBeVisible();
    const url = page.url();

    const other = await browser.newContext();
    const copy = await other.newPage();
    await copy.goto(url);
    await expect(copy.getByRole('combobox', { name: 'Vessel', exact: true })).toHaveValue('lady-r');
    await expect(copy.locator(`[data-voyage-id="${voyage.id}"]`)).toHaveAttribute('aria-current', 'true');
    await expect(copy.getByTestId('great-circle')).toHaveText(await page.getByTestId('great-circle').innerText());
    await other.close();
  });

  test('an old c=lat,lon permalink opens the same centre, and the URL is rewritten as lonlat=lon,lat', async ({ page, browser }) => {
    // The map writes its view into the URL once it is ready, so the URL shows where it opened.
    const centreOf = (url: string) => {
      const params = new URL(url).searchParams;
      expect(params.has('c')).toBe(false);
      expect(params.get('z')).toBe('8');
      return (params.get('lonlat') ?? '').split(',').map(Number);
    };
    await page.goto('/?c=42.5,131.25&z=8');
    await expect(page).toHaveURL(/[?&]lonlat=/);
    const [lon, lat] = centreOf(page.url());
    expect(lon).toBeCloseTo(131.25, 2);
    expect(lat).toBeCloseTo(42.5, 2);

    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto('/?lonlat=131.25,42.5&z=8');
    await expect(other).toHaveURL(/[?&]lonlat=/);
    expect(centreOf(other.url())).toEqual([lon, lat]);
    await context.close();
  });

  test('a permalink keeps its centre to the digit while the page around it settles and the window is resized', async ({ page }) => {
    // A centre that is not on a whole pixel (most are not) must come back out of the URL as it went
    // in. A slow CPU lets the map be made before the panels beside and under it take their sizes;
    // the export dialog of a shared link (x=1) is open over it.
    const lonlat = () => new URL(page.url()).searchParams.get('lonlat');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto('/?lonlat=135.8569,43.0849&z=6.5&x=1&w=1080&h=1350&fr=voyages');
    await expect(page.getByRole('dialog', { name: 'Export image' }).getByTestId('export-preview')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Loading the timeline…')).toHaveCount(0, { timeout: 30_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.waitForTimeout(300);
    expect(lonlat()).toBe('135.8569,43.0849');
    // Narrower, shorter, then as it was: the map follows each size, and its centre stays exact.
    for (const size of [{ width: 1100, height: 777 }, { width: 1366, height: 850 }]) {
      await page.setViewportSize(size);
      await expect.poll(() => page.locator('.map').evaluate((el) => el.clientWidth)).toBeLessThan(size.width);
      await page.waitForTimeout(300);
      expect(lonlat()).toBe('135.8569,43.0849');
    }
    expect(new URL(page.url()).searchParams.get('z')).toBe('6.5');
  });

  test('Back and Forward step through the selections', async ({ page }) => {
    await page.goto('/');
    const [a, b] = seedVoyages;
    await page.locator(`[data-voyage-id="${a!.id}"]`).click();
    await expect(page.locator(`[data-voyage-id="${a!.id}"]`)).toHaveAttribute('aria-current', 'true');
    await page.locator(`[data-voyage-id="${b!.id}"]`).click();
    await expect(page.locator(`[data-voyage-id="${b!.id}"]`)).toHaveAttribute('aria-current', 'true');
    await page.goBack();
    await expect(page.locator(`[data-voyage-id="${a!.id}"]`)).toHaveAttribute('aria-current', 'true');
    await expect(page.locator(`[data-voyage-id="${b!.id}"]`)).not.toHaveAttribute('aria-current', 'true');
    await page.goForward();
    await expect(page.locator(`[data-voyage-id="${b!.id}"]`)).toHaveAttribute('aria-current', 'true');
  });

  test('says so when the voyages cannot be loaded, and recovers on retry', async ({ page }) => {
    // Every voyages request fails until the button is clicked, so SWR's own retries cannot bring
    // the list back; they are counted to show that the click, not a retry, does.
    let clicked = false;
    let requests = 0;
    let failures = 0;
    // The dashboard's voyages: the map's answer (GET /api/voyages/map), which the list reads too.
    await page.route((url) => url.pathname === '/api/voyages/map', async (route) => {
      requests++;
      if (clicked) return route.continue();
      await route.fulfill({ status: 500, json: { error: { code: 'internal', message: 'boom' } } });
      failures++;
    });
    await page.goto('/');
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load voyages' });
    await expect(alert).toContainText('boom');

    // SWR retries a server error by itself, first after 10 s (lib/client/api retryUnlessRefused),
    // then 20 s after that one fails: it fails too, and the error stays.
    const firstFailures = failures;
    await expect.poll(() => failures, { timeout: 20_000 }).toBeGreaterThan(firstFailures);
    await expect(alert).toContainText('boom');
    await expect(voyageItems(page)).toHaveCount(0);

    const beforeClick = requests;
    clicked = true;
    await alert.getByRole('button', { name: 'Try again' }).click();
    // Well before SWR's next retry (20 s away), and with one request only: the click's.
    await expect(voyageItems(page)).toHaveCount(seedVoyages.length, { timeout: 5_000 });
    expect(requests).toBe(beforeClick + 1);
    await expect(alert).toHaveCount(0);
  });

  test('works on a 390 px wide phone without sideways scrolling', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('.leaflet-container')).toBeVisible();
    await expect(voyageItems(page)).toHaveCount(seedVoyages.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await voyageItems(page).first().getByRole('button').tap();
    await expect(page.getByTestId('great-circle')).toBeVisible();
    await page.screenshot({ path: 'test-results/phone.png', fullPage: true });
    await context.close();
  });
});

test.describe('the API over HTTP', () => {
  test('answers 400 naming the field for a bad query, and 404 for an unknown voyage', async ({ request }) => {
    const bad = await request.get('/api/voyages?from=2023-13-45');
    expect(bad.status()).toBe(400);
    const body = await bad.json();
    expect(body.error.message).toContain('"from"');

    const nearest = await request.get('/api/ports/nearest?lat=north&lon=130');
    expect(nearest.status()).toBe(400);
    expect((await nearest.json()).error.message).toContain('"lat"');

    const missing = await request.get('/api/voyages/no-such-voyage');
    expect(missing.status()).toBe(404);
  });

  test('sends security headers with every page', async ({ request }) => {
    const res = await request.get('/');
    const headers = res.headers();
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBeTruthy();
  });
});
