import { type CDPSession, type Page, expect, test } from '@playwright/test';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** A real touch gesture through Chromium's input pipeline (so the browser itself decides to scroll). */
async function swipe(cdp: CDPSession, page: Page, fingers: { x: number; y: number }[], dx: number, dy: number): Promise<void> {
  const at = (i: number) => fingers.map((f, id) => ({ x: f.x + (dx * i) / 12, y: f.y + (dy * i) / 12, id }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let i = 1; i <= 12; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const mapCenter = (page: Page) => new URL(page.url()).searchParams.get('lonlat');

test.describe('on a phone', () => {
  test('one finger on the map scrolls the page past it; two fingers move the map', async ({ page, context }) => {
    await page.goto('/');
    await expect(page.locator('.voyage-item').first()).toBeVisible();
    await expect(page.locator('.leaflet-overlay-pane canvas').first()).toBeVisible();
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);
    const box = (await page.locator('.map').boundingBox())!;
    const before = mapCenter(page);

    await swipe(cdp, page, [{ x: box.x + box.width / 2, y: box.y + box.height * 0.85 }], 0, -360);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(150);
    await page.waitForTimeout(400);
    expect(mapCenter(page)).toBe(before);
    // The map said how to move it instead.
    await expect(page.locator('.touch-hint')).toHaveText('Use two fingers to move the map');

    // The page may still be gliding from the swipe (longer on a busy machine): the two fingers go
    // down once it has stopped, on the middle of the part of the map then on screen.
    let scrolled = -1;
    await expect.poll(async () => {
      const [y] = await Promise.all([page.evaluate(() => window.scrollY), page.waitForTimeout(150)]);
      const still = y === scrolled;
      scrolled = y;
      return still;
    }).toBe(true);
    const now = (await page.locator('.map').boundingBox())!;
    const cy = (Math.max(now.y, 0) + Math.min(now.y + now.height, page.viewportSize()!.height)) / 2;
    expect(cy - Math.max(now.y, 0)).toBeGreaterThan(40); // enough of the map on screen for two fingers
    // Both fingers on the map, where they go down and where they lift.
    for (const [x, y] of [[now.x + 120, cy], [now.x + 240, cy], [now.x + 210, cy + 40], [now.x + 330, cy + 40]] as const) {
      expect(await page.evaluate(([px, py]) => Boolean(document.elementFromPoint(px!, py!)?.closest('.map')), [x, y]), `${x},${y}`).toBe(true);
    }
    await swipe(cdp, page, [{ x: now.x + 120, y: cy }, { x: now.x + 240, y: cy }], 90, 40);
    await expect.poll(() => mapCenter(page)).not.toBe(before);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  });

  test('choosing a voyage from the list keeps the map in view, with the details in a bottom sheet', async ({ page }) => {
    await page.goto('/');
    const item = page.locator('.voyage-item').nth(1);
    await item.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const name = (await item.locator('.voyage-vessel').textContent())!;
    await item.tap();
    const sheet = page.getByRole('region', { name: 'Voyage details' });
    await expect(sheet.getByRole('heading', { level: 2 })).toContainText(name);
    // The map is back on screen, not 1,900 px above it.
    await expect.poll(() => page.evaluate(() => document.querySelector('.map-pane')!.getBoundingClientRect().top)).toBeGreaterThan(-5);
    const map = (await page.locator('.map').boundingBox())!;
    const sheetBox = (await sheet.boundingBox())!;
    // Docked to the bottom of the screen (within a few pixels of rounding and border).
    expect(sheetBox.y + sheetBox.height).toBeGreaterThan(834);
    expect(sheetBox.y).toBeGreaterThan(map.y + 250);
    await expect(page.getByRole('status').filter({ hasText: /^Selected / })).toContainText(name.replace(/ \(.*\)$/, ''));

    await sheet.getByRole('button', { name: 'Show more details' }).tap();
    await expect.poll(async () => (await sheet.boundingBox())!.height).toBeGreaterThan(600);
    await sheet.getByRole('button', { name: 'Close voyage details' }).tap();
    await expect(sheet).toHaveCount(0);
    expect(new URL(page.url()).searchParams.get('voyage')).toBeNull();
  });
});
