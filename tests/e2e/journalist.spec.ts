import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Locator, type Page, expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { measureText } from '../../lib/client/export/metrics';

type Box = [number, number, number, number];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function openExport(page: Page, url = '/') {
  await page.goto(url);
  await expect(page.locator('[data-voyage-id]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Export image' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  await expect(dialog.getByTestId('export-preview')).toBeVisible();
  return dialog;
}

async function download(page: Page, button: string) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const file = test.info().outputPath(dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), file };
}

const bbOf = (url: string) => new URL(url).searchParams.get('bb');
const param = (url: string, name: string) => new URL(url).searchParams.get(name);

/** Waits until the export frame in the URL is no longer `before`, and returns it. */
async function frameChanged(page: Page, before: string | null) {
  await expect.poll(() => bbOf(page.url())).not.toBe(before);
  return bbOf(page.url());
}

const rectOf = (svg: string, group: string): Box | null => {
  const m = svg.match(new RegExp(`<g id="${group}"[^>]*><rect x="([\\d.-]+)" y="([\\d.-]+)" width="([\\d.-]+)" height="([\\d.-]+)"`));
  return m ? [Number(m[1]), Number(m[2]), Number(m[1]) + Number(m[3]), Number(m[2]) + Number(m[4])] : null;
};
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Every map label's box in the composed SVG, with the font's real widths. */
function labelBoxes(svg: string): { text: string; box: Box }[] {
  const group = svg.match(/<g id="labels">([\s\S]*?)<\/g>/)?.[1] ?? '';
  return [...group.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)" font-size="([\d.]+)"([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const [x, y, size, attrs, text] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4]!, m[5]!];
    const w = measureText(text, size, attrs.includes('font-weight="700"'));
    const left = attrs.includes('text-anchor="middle"') ? x - w / 2 : attrs.includes('text-anchor="end"') ? x - w : x;
    return { text, box: [left, y - size * 0.85, left + w, y + size * 0.25] };
  });
}

const routeVertices = (svg: string): [number, number][] =>
  [...(svg.match(/<g id="routes"[^>]*>([\s\S]*?)<\/g>/)?.[1] ?? '').matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

async function seriousViolations(page: Page, include: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).include(include).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(name) });
}

const title = (dialog: Locator) => dialog.getByRole('textbox', { name: 'Title', exact: true });

test.describe('a journalist makes a map for an article', () => {
  test('titles and sizes an export, reframes it on the map, moves it in the preview, fits the voyages, shares, downloads and prints', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize({ width: 1366, height: 850 });
    let dialog = await openExport(page);
    await title(dialog).fill('North Korean munitions by sea, 2023–2025');
    await dialog.getByLabel('Size').selectOption({ label: 'Portrait, 4:5 (1080 × 1350)' });
    await expect(dialog.getByLabel('Width')).toHaveValue('1080');
    expect(await seriousViolations(page, '.dialog')).toEqual([]);
    await shot(page, 'dialog-desktop.png');

    // Reframe on the live map: the dialog steps aside, its settings stay in the URL.
    const opened = bbOf(page.url());
    await dialog.getByRole('button', { name: 'Reframe on the map' }).click();
    await expect(dialog).toBeHidden();
    const bar = page.getByRole('group', { name: 'Framing export 1080×1350' });
    await expect(bar).toBeVisible();
    await expect(page.getByTestId('reframe-outline')).toBeVisible();
    await expect(bar.getByRole('button', { name: 'Done' })).toBeFocused();
    expect(param(page.url(), 't')).toBe('North Korean munitions by sea, 2023–2025');
    expect(param(page.url(), 'w')).toBe('1080');
    await shot(page, 'reframing-desktop.png');
    // The keyboard moves the map from the bar; the map moves under the outline.
    const centre = param(page.url(), 'lonlat');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('+');
    await expect.poll(() => param(page.url(), 'lonlat')).not.toBe(centre);
    await bar.getByRole('button', { name: 'Done' }).click();

    dialog = page.getByRole('dialog', { name: 'Export image' });
    await expect(dialog.getByTestId('export-preview')).toBeVisible();
    await expect(title(dialog)).toHaveValue('North Korean munitions by sea, 2023–2025');
    await expect(dialog.getByLabel('Width')).toHaveValue('1080');
    await expect(dialog.getByLabel('Height')).toHaveValue('1350');
    await expect(dialog.getByRole('button', { name: 'Reframe on the map' })).toBeFocused();
    const reframed = await frameChanged(page, opened);

    // Pan and zoom inside the preview: keys, buttons, drag, wheel; Reset frame goes back.
    const frame = dialog.getByTestId('export-frame');
    await frame.focus();
    await page.keyboard.press('ArrowLeft');
    let bb = await frameChanged(page, reframed);
    await page.keyboard.press('+');
    const zoomed = await frameChanged(page, bb);
    const span = (b: string | null) => b!.split(',').map(Number).reduce((acc, v, i) => (i === 2 ? v - acc : i === 0 ? v : acc), 0);
    expect(span(zoomed)).toBeLessThan(span(bb));
    await dialog.getByRole('button', { name: 'Zoom out' }).click();
    bb = await frameChanged(page, zoomed);
    expect(span(bb)).toBeGreaterThan(span(zoomed));
    const img = await dialog.getByTestId('export-preview').boundingBox();
    await page.mouse.move(img!.x + img!.width / 2, img!.y + img!.height / 2);
    await page.mouse.down();
    await page.mouse.move(img!.x + img!.width / 2 - 60, img!.y + img!.height / 2 + 30, { steps: 5 });
    await page.mouse.up();
    bb = await frameChanged(page, bb);
    await page.mouse.wheel(0, -200);
    bb = await frameChanged(page, bb);
    await dialog.getByRole('button', { name: 'Reset frame' }).click();
    await expect.poll(() => bbOf(page.url())).toBe(opened);

    // Fit the voyages shown: nothing clipped, nothing under the legend or the scale bar.
    await dialog.getByLabel('Frame').selectOption('voyages');
    await expect(page).toHaveURL(/fr=voyages/);
    const svg = fs.readFileSync((await download(page, 'Download SVG')).file, 'utf8');
    expect(svg).toMatch(/^<svg [^>]*width="1080" height="1350"/);
    const legend = rectOf(svg, 'legend')!;
    const scale = rectOf(svg, 'scale-bar')!;
    const clip = svg.match(/<clipPath id="map"><rect x="0" y="([\d.]+)" width="\d+" height="([\d.]+)"/)!;
    const map: Box = [0, Number(clip[1]), 1080, Number(clip[1]) + Number(clip[2])];
    const labels = labelBoxes(svg);
    expect(labels.map((l) => l.text)).toEqual(expect.arrayContaining(['Route inferred, not observed', 'Rajin', 'Vostochny']));
    for (const { text, box } of labels) {
      expect(box[0] >= map[0] && box[1] >= map[1] && box[2] <= map[2] && box[3] <= map[3], `${text} inside the map`).toBe(true);
      expect(overlaps(box, legend) || overlaps(box, scale), `${text} under the furniture`).toBe(false);
    }
    for (const [x, y] of routeVertices(svg)) expect(overlaps([x, y, x, y], legend) || overlaps([x, y, x, y], scale), `route at ${x},${y}`).toBe(false);

    // Copy the link to this export and open it elsewhere: same frame, same settings, same image.
    await dialog.getByRole('button', { name: 'Copy link to this export' }).click();
    await expect(dialog.getByText('Link copied')).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    const other = await context.newPage();
    await other.setViewportSize({ width: 1366, height: 850 });
    await other.goto(link);
    const again = other.getByRole('dialog', { name: 'Export image' });
    await expect(again.getByTestId('export-preview')).toBeVisible();
    await expect(title(again)).toHaveValue('North Korean munitions by sea, 2023–2025');
    await expect(again.getByLabel('Width')).toHaveValue('1080');
    await expect(again.getByLabel('Frame')).toHaveValue('voyages');
    const svgAgain = fs.readFileSync((await download(other, 'Download SVG')).file, 'utf8');
    expect(svgAgain).toBe(svg);

    // The PNG is exactly the size asked for, and focus stays on the button with the file announced.
    const png = await download(other, 'Download PNG');
    const decoded = PNG.sync.read(fs.readFileSync(png.file));
    expect([decoded.width, decoded.height]).toEqual([1080, 1350]);
    await expect(again.getByTestId('export-status')).toContainText(`Saved ${png.name}`);
    expect(png.name).toMatch(/^wakeline-.+\.png$/);
    await expect(again.getByRole('button', { name: 'Download PNG' })).toBeFocused();
    await other.close();

    // Close the dialog (its settings are kept for the next opening) and print the map.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Export image' }).click();
    await expect(title(page.getByRole('dialog', { name: 'Export image' }))).toHaveValue('North Korean munitions by sea, 2023–2025');
    await page.keyboard.press('Escape');
  });

  test('a link with a voyage and a view opens that exact view (zoom 10.5 stays 10.5)', async ({ page }) => {
    const url = '/?voyage=lady-r-vostochny-rajin-2024-04&lonlat=131.6,42.75&z=10.5';
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 2, name: /Lady R/ }).first()).toBeVisible();
    await expect(page.locator('.leaflet-overlay-pane canvas').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(param(page.url(), 'z')).toBe('10.5');
    expect(param(page.url(), 'lonlat')).toBe('131.6,42.75');
    // A voyage chosen during the visit is still framed.
    await page.locator('[data-voyage-id="angara-rajin-dunai-2023-09"]').first().click();
    await expect.poll(() => param(page.url(), 'z')).not.toBe('10.5');
  });

  test('copies the view link, falling back to a selected field when the browser will not', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
    await page.goto('/?vessel=lady-r&x=1&t=Draft');
    await page.getByRole('button', { name: 'Close the export dialog' }).click();
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    const field = page.getByTestId('copy-link-field');
    await expect(field).toBeFocused();
    const value = await field.inputValue();
    expect(value).toContain('vessel=lady-r');
    expect(value).not.toContain('x=1');
    expect(await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!)).toBe(value.length);
    await expect(page.getByText('Link ready to copy')).toBeAttached();
  });

  for (const size of [{ name: 'desktop', width: 1366, height: 850 }, { name: 'phone', width: 390, height: 844 }]) {
    test(`prints the map, legend and credits on one page (${size.name})`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto('/?vessel=lady-r');
      await expect(page.locator('[data-voyage-id]').first()).toBeVisible();
      await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.panel')).toBeHidden();
      await expect(page.getByRole('button', { name: 'Export image' })).toBeHidden();
      const map = await page.locator('#map').boundingBox();
      const body = await page.locator('body').boundingBox();
      expect(map!.width).toBeGreaterThan(body!.width * 0.95);
      await expect(page.locator('.legend li').first()).toBeVisible();
      await expect(page.getByTestId('print-credits')).toContainText('Sources:');
      await expect(page.getByTestId('print-credits')).toContainText('OpenStreetMap');
      await shot(page, `print-${size.name}.png`);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      fs.writeFileSync(test.info().outputPath(`print-${size.name}.pdf`), pdf);
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)).toHaveLength(1);
    });
  }

  test('reframes on a phone', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const dialog = await openExport(page);
    expect(await seriousViolations(page, '.dialog')).toEqual([]);
    await shot(page, 'dialog-phone.png');
    await dialog.getByRole('button', { name: 'Reframe on the map' }).click();
    const bar = page.getByRole('group', { name: 'Framing export 1200×675' });
    await expect(bar).toBeInViewport();
    await shot(page, 'reframing-phone.png');
    await bar.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog', { name: 'Export image' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
