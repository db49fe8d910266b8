import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { steadyMapBox } from './map-box';

/**
 * The researcher's filters, list order and stacked routes, driven as a person would: dates typed
 * digit by digit, a refused range, sorting, the vessel select's counts, and a click on the line
 * that four Lady R legs share.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Summary = { id: string; vessel: { id: string } | null; metrics: { routeNm: number }; departure: { earliest: string } };

async function listedIds(page: Page): Promise<string[]> {
  return page.locator('.voyage-list .voyage-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-voyage-id') ?? ''));
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

async function total(page: Page, query: string): Promise<number> {
  const res = await page.request.get(`/api/voyages${query}`);
  return Number(res.headers()['x-total-count']);
}

test.describe('researcher: filters, order and stacked routes', () => {
  test('typed dates apply only when whole and in order; the URL holds only valid days', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.voyage-item').first()).toBeVisible();
    const from = page.getByRole('textbox', { name: 'From', exact: true });
    const to = page.getByRole('textbox', { name: 'To', exact: true });

    await from.click();
    await from.pressSequentially('2024-02-01');
    await expect.poll(() => param(page, 'from')).toBe('2024-02-01');

    // The end date, one key at a time: nothing half-typed ever reaches the URL or the list.
    const end = '2024-03-01';
    await to.click();
    for (let i = 1; i <= end.length; i++) {
      await to.press(end[i - 1]!);
      await expect(to).toHaveValue(end.slice(0, i));
      if (i < end.length) {
        expect(param(page, 'to'), `after typing "${end.slice(0, i)}"`).toBeNull();
        await expect(page.locator('.filters .field-error:not(:empty)')).toHaveCount(0);
      }
    }
    await expect.poll(() => param(page, 'to')).toBe('2024-03-01');
    const narrowed = await total(page, '?from=2024-02-01&to=2024-03-01');
    await expect(page.locator('.voyage-item')).toHaveCount(narrowed);
    expect(narrowed).toBeLessThan(await total(page, ''));

    // A reversed range is refused, with the reason tied to the box.
    await to.fill('');
    await expect.poll(() => param(page, 'to')).toBeNull();
    await to.pressSequentially('2024-01-15');
    await expect(to).toHaveAttribute('aria-invalid', 'true');
    const describedBy = (await to.getAttribute('aria-describedby'))!.split(' ');
    const reason = page.locator(`[id="${describedBy[1]}"]`);
    await expect(reason).toHaveText(/The end date \(2024-01-15\) is before the start date \(2024-02-01\)/);
    expect(param(page, 'to')).toBeNull();
    expect(param(page, 'from')).toBe('2024-02-01');
    // Moving the start back lets the typed end apply, both together.
    await from.fill('2024-01-01');
    await expect.poll(() => param(page, 'to')).toBe('2024-01-15');
    await expect(reason).toBeEmpty();
  });

  test('a short form applies on Enter; a day that does not exist is refused', async ({ page }) => {
    await page.goto('/');
    const from = page.getByRole('textbox', { name: 'From', exact: true });
    await from.pressSequentially('2024-3-5');
    expect(param(page, 'from')).toBeNull();
    await from.press('Enter');
    await expect.poll(() => param(page, 'from')).toBe('2024-03-05');
    await expect(from).toHaveValue('2024-03-05');
    const to = page.getByRole('textbox', { name: 'To', exact: true });
    await to.pressSequentially('2024-02-30');
    await expect(page.locator('.filters .field-error:not(:empty)')).toHaveText(/February 2024 has days 1 to 29/);
    expect(param(page, 'to')).toBeNull();
  });

  test('sorting by distance orders the list and stays in the URL', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.voyage-item').first()).toBeVisible();
    await page.getByLabel('Sort by').selectOption({ label: 'Distance, shortest first' });
    await expect.poll(() => param(page, 'sort')).toBe('distance');
    const { voyages } = (await (await page.request.get('/api/voyages')).json()) as { voyages: Summary[] };
    const nm = new Map(voyages.map((v) => [v.id, v.metrics.routeNm]));
    const ids = await listedIds(page);
    expect(ids).toHaveLength(voyages.length);
    const distances = ids.map((id) => nm.get(id)!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    await expect(page.getByRole('status').filter({ hasText: 'Voyages sorted by distance, shortest first.' })).toBeAttached();

    await page.getByLabel('Sort by').selectOption({ label: 'Distance, longest first' });
    await expect.poll(() => param(page, 'sort')).toBe('-distance');
    const desc = (await listedIds(page)).map((id) => nm.get(id)!);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    // A copied link keeps the order.
    await page.reload();
    await expect(page.getByLabel('Sort by')).toHaveValue('-distance');
    expect((await listedIds(page)).map((id) => nm.get(id)!)).toEqual(desc);
  });

  test('the vessel select lists only vessels with voyages, with their counts', async ({ page }) => {
    await page.goto('/');
    const select = page.getByRole('combobox', { name: 'Vessel', exact: true });
    await expect(select.locator('option')).not.toHaveCount(1);
    const { voyages } = (await (await page.request.get('/api/voyages')).json()) as { voyages: Summary[] };
    const perVessel = new Map<string, number>();
    for (const v of voyages) if (v.vessel) perVessel.set(v.vessel.id, (perVessel.get(v.vessel.id) ?? 0) + 1);
    await expect
      .poll(async () => {
        const texts = (await select.locator('option').allTextContents()).slice(1);
        return texts.length > 0 && texts.every((t) => /\(\d+\)$/.test(t));
      })
      .toBe(true);
    const options = await select.locator('option').evaluateAll((els) =>
      els.map((e) => ({ value: (e as HTMLOptionElement).value, text: e.textContent ?? '' })),
    );
    expect(options[0]).toEqual({ value: '', text: 'All vessels' });
    expect(Object.fromEntries(options.slice(1).map((o) => [o.value, Number(/\((\d+)\)$/.exec(o.text)![1])]))).toEqual(
      Object.fromEntries(perVessel),
    );
    // A vessel on record with no voyage is not offered.
    const { vessels } = (await (await page.request.get('/api/vessels')).json()) as { vessels: { id: string }[] };
    expect(vessels.some((v) => !perVessel.has(v.id))).toBe(true);
    // Faceted: with a port chosen, the counts are those of that port's voyages.
    await page.getByRole('combobox', { name: 'Port', exact: true }).selectOption('vladivostok');
    await expect.poll(async () => select.locator('option', { hasText: 'Lady R' }).textContent()).toBe(
      `Lady R (${await total(page, '?vessel=lady-r&port=vladivostok')})`,
    );
  });

  test('a click on the line four Lady R legs share offers all of them; choosing one selects it', async ({ page }) => {
    // Open the map centred on the middle of the shared path, so that the map's centre is on it.
    const geo = (await (await page.request.get('/api/voyages?format=geojson&vessel=lady-r')).json()) as {
      features: { properties: { id: string; origin: { id: string }; destination: { id: string } }; geometry: { coordinates: number[][] } }[];
    };
    const legs = geo.features.filter((f) => new Set([f.properties.origin.id, f.properties.destination.id]).size === 2 && [f.properties.origin.id, f.properties.destination.id].sort().join() === 'rajin,vostochny');
    expect(legs.map((f) => f.properties.id).sort()).toHaveLength(4);
    const line = legs[0]!.geometry.coordinates;
    const k = Math.floor((line.length - 1) / 2);
    const [lon, lat] = [(line[k]![0]! + line[k + 1]![0]!) / 2, (line[k]![1]! + line[k + 1]![1]!) / 2];
    await page.goto(`/?lonlat=${lon.toFixed(4)},${lat.toFixed(4)}&z=8`);
    await expect(page.locator('.voyage-item').first()).toBeVisible();
    const box = await steadyMapBox(page);
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

    await page.mouse.move(centre.x, centre.y);
    await expect(page.locator('.leaflet-tooltip', { hasText: /\d+ voyages here: click to choose/ })).toBeVisible();

    await page.mouse.click(centre.x, centre.y);
    const chooser = page.getByRole('dialog', { name: /voyages here/ });
    await expect(chooser).toBeVisible();
    const offered = await chooser.locator('button[data-voyage-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-voyage-id')));
    for (const leg of legs) expect(offered).toContain(leg.properties.id);
    await expect(chooser.locator('button').first()).toBeFocused();
    await expect(chooser).toContainText('Lady R');
    await expect(chooser).toContainText('Rajin → Vostochny');

    const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // Escape closes it; choosing one selects it. The open chooser may have panned the map to fit
    // (the map is shorter since the timeline sits under it): open the view again to click the line.
    await page.keyboard.press('Escape');
    await expect(chooser).toBeHidden();
    expect(param(page, 'voyage')).toBeNull();
    await page.goto(`/?lonlat=${lon.toFixed(4)},${lat.toFixed(4)}&z=8`);
    await expect(page.locator('.voyage-item').first()).toBeVisible();
    const again = await steadyMapBox(page);
    const middle = { x: again.x + again.width / 2, y: again.y + again.height / 2 };
    await page.mouse.move(middle.x, middle.y);
    await page.mouse.click(middle.x, middle.y);
    await expect(chooser).toBeVisible();
    const pick = legs[2]!.properties.id;
    await chooser.locator(`button[data-voyage-id="${pick}"]`).click();
    await expect.poll(() => param(page, 'voyage')).toBe(pick);
    await expect(chooser).toBeHidden();
  });
});
