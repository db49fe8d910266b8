import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { addUser, signIn } from './accounts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Serious and critical WCAG 2.2 AA violations on the page as it is now, as readable lines. */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
}

const SIZES = [
  { name: 'desktop', width: 1366, height: 850 },
  { name: 'phone', width: 390, height: 844 },
];

test.describe('accessibility (axe-core, WCAG 2.2 AA): no serious or critical violation', () => {
  for (const size of SIZES) {
    test(`public pages on a ${size.name}: dashboard, selected voyage, sign-in`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto('/');
      await expect(page.locator('.voyage-item').first()).toBeVisible();
      await expect(page.locator('.leaflet-overlay-pane canvas').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.locator('.voyage-item').nth(1).click();
      await expect(page.getByRole('region', { name: 'Voyage details' }).getByRole('heading', { level: 2 })).toBeVisible();
      await expect(page.getByRole('heading', { name: /^Team annotations/ })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto('/login');
      await expect(page.getByLabel('Username')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('team pages: the review queue and, for an admin, the accounts page', async ({ page }) => {
    addUser('axe-admin', 'admin');
    addUser('axe-editor', 'editor');
    await signIn(page, 'axe-admin');
    await page.goto('/review');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/admin');
    await expect(page.getByRole('table')).toContainText('axe-editor');
    expect(await seriousViolations(page)).toEqual([]);
    // A signed-in editor's dashboard carries the desk's controls and drafts.
    await page.goto('/?voyage=lady-r-rajin-vostochny-2024-02');
    await expect(page.getByRole('region', { name: 'Voyage details' }).getByRole('heading', { level: 2 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
