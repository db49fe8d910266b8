/**
 * Leaving the dashboard for another page while the map still reports its view. Next.js turns a
 * History API write into a router action that discards a navigation still loading; a late view
 * write (the map settling after a fit or a zoom) used to cancel a click on "Open questions"
 * (CI, issue 11's last run). The server's answer is held so the race is certain, not timing luck.
 */
import { expect, test } from '@playwright/test';
import seedVoyages from '../../data/seed/voyages.json';
import { addUser, signIn } from './accounts';

const first = seedVoyages[0]!;
test.beforeAll(() => addUser('nia', 'editor'));

test.describe('navigation', () => {
  test('a link followed while the map is still moving is not cancelled by the map writing its view to the URL', async ({ browser }) => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 850 } })).newPage();
    await signIn(page, 'nia');
    await page.goto(`/?voyage=${first.id}`);
    await expect(page).toHaveURL(/lonlat=/); // the map has fitted the voyage and written its view
    // Hold the open questions page's server response, so the navigation is still loading when the map moves.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/questions(\?|$)/, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('banner').getByRole('link', { name: 'Open questions' }).click();
    const before = page.url();
    await page.locator('.leaflet-control-zoom-in').click(); // the map moves and reports its view
    await page.waitForTimeout(600); // the zoom animation ends; the view write would happen here
    release();
    await expect(page).toHaveURL(/\/questions$/);
    await expect(page.getByRole('heading', { name: 'Open questions' })).toBeVisible();
    expect(before).toContain(`voyage=${first.id}`);
    await page.context().close();
  });
});
