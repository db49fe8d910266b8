import { expect, test } from '@playwright/test';
import { total, voyageRequests } from './voyage-requests';

/** The page refreshes the answer it shows when the reader comes back to it (lib/client/api/index.ts). */
test.describe('coming back to the page', () => {
  test('coming back to the page asks whether the whole answer changed, with a range narrowed on the page or none', async ({ page }) => {
    const asked = voyageRequests(page);
    const focusUntilAsked = async () => {
      asked.length = 0;
      // At most every 5 s, as SWR's own refresh on focus: focus until it asks.
      await expect
        .poll(
          async () => {
            await page.evaluate(() => window.dispatchEvent(new Event('focus')));
            return asked.length;
          },
          { timeout: 15_000, intervals: [500] },
        )
        .toBeGreaterThan(0);
      return [...asked];
    };
    await page.goto('/?from=2024-02-01&to=2024-02-29');
    await expect(page.getByTestId('timeline-canvas')).toHaveAttribute('data-drawn', /\d+/);
    const narrowed = await total(page, '?from=2024-02-01&to=2024-02-29');
    await expect(page.locator('.voyage-item')).toHaveCount(narrowed);
    // The whole answer, which the range narrows on the page; not the narrowed one.
    expect(await focusUntilAsked()).toEqual(['/api/voyages/map']);
    // Not again at once: at most every 5 s.
    for (let i = 0; i < 3; i++) await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.waitForTimeout(500);
    expect(asked).toEqual(['/api/voyages/map']);
    await expect(page.locator('.voyage-item')).toHaveCount(narrowed);
    await page.getByRole('button', { name: 'Clear range' }).click();
    await expect(page.locator('.voyage-item')).toHaveCount(await total(page, ''));
    expect(await focusUntilAsked()).toEqual(['/api/voyages/map']);
  });
});
