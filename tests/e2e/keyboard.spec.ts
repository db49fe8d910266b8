import { expect, test } from '@playwright/test';

const focused = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName.toLowerCase()}#${el.id}|${el.getAttribute('data-voyage-id') ?? ''}|${el.textContent?.slice(0, 60) ?? ''}` : 'none';
  });

test.describe('with the keyboard and a screen reader', () => {
  test('skip links lead past the header to the panel and to the map', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.voyage-item').first()).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to filters and voyages' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatch(/^aside#panel/);
    await page.keyboard.press('Tab');
    // The first control of the panel comes next, not the header's buttons.
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#panel')))).toBe(true);

    await page.goto('/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the map' })).toBeFocused();
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatch(/^section#map/);
  });

  test('choosing a voyage with Enter announces it and moves focus to its details; Escape returns to the list', async ({ page }) => {
    await page.goto('/');
    const item = page.locator('.voyage-item').nth(2);
    const id = (await item.getAttribute('data-voyage-id'))!;
    const vessel = (await item.locator('.voyage-vessel').textContent())!.replace(/ \(.*\)$/, '');
    await item.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[role="status"][aria-live="polite"]').filter({ hasText: /^Selected / })).toContainText(vessel);
    const heading = page.getByRole('region', { name: 'Voyage details' }).getByRole('heading', { level: 2 });
    await expect(heading).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('region', { name: 'Voyage details' })).toHaveCount(0);
    await expect(page.locator(`[data-voyage-id="${id}"]`)).toBeFocused();
  });

  test('a mouse choice leaves focus alone; the close button returns focus to the list', async ({ page }) => {
    await page.goto('/');
    const item = page.locator('.voyage-item').nth(1);
    const id = (await item.getAttribute('data-voyage-id'))!;
    await item.click();
    await expect(page.getByRole('region', { name: 'Voyage details' }).getByRole('heading', { level: 2 })).toBeVisible();
    await expect(item).toBeFocused();
    await page.getByRole('button', { name: 'Close voyage details' }).click();
    await expect(page.locator(`[data-voyage-id="${id}"]`)).toBeFocused();
  });

  test('Clear filters leaves focus on the filters, not on the page body', async ({ page }) => {
    await page.goto('/?confidence=disputed');
    const clear = page.getByRole('button', { name: 'Clear filters' }).first();
    await clear.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('confidence')).toBeNull();
    await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('.filters')))).toBe(true);
  });

  test('the legend lists only the symbols on the map', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.voyage-item').first()).toBeVisible();
    const legend = page.locator('details.legend');
    // Every seeded route is inferred: nothing observed, so no "observed" symbol.
    await expect(legend).toContainText('Route inferred, not observed');
    await expect(legend).not.toContainText('Route observed');
    await expect(legend).not.toContainText('Selected voyage');
    await expect(legend).not.toContainText('Team annotation pin');
    await expect(legend).toContainText('Port geofence');
    await page.getByRole('checkbox', { name: 'Port geofences' }).uncheck();
    await expect(legend).not.toContainText('Port geofence');
    await page.locator('.voyage-item').first().click();
    await expect(legend).toContainText('Selected voyage');
  });
});
