import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { PNG } from 'pngjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function openExport(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-voyage-id]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Export image' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  await expect(dialog.getByTestId('export-preview')).toBeVisible();
  return dialog;
}

async function download(page: Page, click: () => Promise<void>, timeout = 30_000) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout }), click()]);
  const file = test.info().outputPath(dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), file };
}

const pixel = (png: PNG, x: number, y: number) => {
  const i = (png.width * Math.round(y) + Math.round(x)) << 2;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!] as const;
};
const near = (a: readonly number[], b: readonly number[], tol = 30) => a.every((v, i) => Math.abs(v - b[i]!) <= tol);
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

test.describe('exporting the map with time', () => {
  test('a still image at the cursor, with the timeline strip, is the size asked for and shows both', async ({ page }) => {
    const dialog = await openExport(page, '/?at=2024-02-06');
    await dialog.getByRole('checkbox', { name: 'Timeline strip' }).check();
    await expect(page).toHaveURL(/xt=1/);
    const svgFile = await download(page, () => dialog.getByRole('button', { name: 'Download SVG' }).click());
    const pngFile = await download(page, () => dialog.getByRole('button', { name: 'Download PNG' }).click());
    const svg = fs.readFileSync(svgFile.file, 'utf8');
    const png = PNG.sync.read(fs.readFileSync(pngFile.file));
    expect([png.width, png.height]).toEqual([1200, 675]);

    // The cursor's date, in the dates line, on the map and on the strip.
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    expect(texts).toContain('Where the ships could have been on 6 Feb 2024');
    expect(svg.match(/<g id="cursor"[\s\S]*?<\/g>/)?.[0].match(/6 Feb 2024/g)).toHaveLength(2);
    // Lady R's Rajin → Vostochny leg was possibly under way that day: its stretch is drawn.
    const stretches = svg.match(/<g id="stretches"[^>]*>([\s\S]*?)<\/g>/)?.[1] ?? '';
    expect(stretches).toContain('Lady R: Rajin → Vostochny: where it could have been');

    // The strip is in the PNG: the histogram's bars are painted in their grey where the SVG put them.
    const bars = [...(svg.match(/id="strip-histogram" d="([^"]*)"/)?.[1] ?? '').matchAll(/M([\d.]+) ([\d.]+)h([\d.-]+)v([\d.-]+)/g)].map((m) => m.slice(1).map(Number));
    expect(bars.length).toBeGreaterThan(2);
    const tall = bars.filter(([, , w, h]) => w! >= 2 && h! >= 3);
    expect(tall.length).toBeGreaterThan(0);
    for (const [x, y, w, h] of tall) expect(near(pixel(png, x! + w! / 2, y! + h! / 2), hex('#7d8898'), 25), `bar at ${x},${y}`).toBe(true);
    // And the strip sits under the map: its bars lie below the map's clip rectangle.
    const clip = svg.match(/<clipPath id="map"><rect x="0" y="([\d.]+)" width="\d+" height="([\d.]+)"/)!;
    const mapBottom = Number(clip[1]) + Number(clip[2]);
    for (const [, y] of bars) expect(y!).toBeGreaterThan(mapBottom);
    // The stretch's blue is painted over the sea along Lady R's route.
    const stretchPath = stretches.match(/<path d="([^"]+)"[^>]*><title>Lady R: Rajin → Vostochny/)![1]!;
    const [sx, sy] = stretchPath.match(/M([\d.]+) ([\d.]+)/)!.slice(1).map(Number);
    const [r, g, b] = pixel(png, sx!, sy!);
    expect(b, `stretch pixel ${r},${g},${b}`).toBeGreaterThan(r + 40);
  });

  test('renders the playback as a WebM of the asked size that a browser decodes, named by its range', async ({ page, browser }) => {
    test.setTimeout(180_000);
    const dialog = await openExport(page, '/?from=2024-02-01&to=2024-02-29');
    await dialog.getByRole('checkbox', { name: 'Timeline strip' }).check();
    await dialog.getByRole('button', { name: 'Use 1280 × 720' }).click();
    await expect(dialog.getByLabel('Width')).toHaveValue('1280');
    await expect(dialog.getByLabel('From', { exact: true })).toHaveValue('2024-02-01');
    await expect(dialog.getByLabel('To', { exact: true })).toHaveValue('2024-02-29');
    await dialog.getByLabel('Duration (seconds)').fill('2');
    await dialog.getByRole('heading', { name: 'Video' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('video-dialog.png') });
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).include('.dialog').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    const started = Date.now();
    const video = await download(page, () => dialog.getByRole('button', { name: 'Render video' }).click(), 120_000);
    const took = (Date.now() - started) / 1000;
    expect(video.name).toBe('wakeline-2024-02-01_2024-02-29.webm');
    await expect(dialog.getByTestId('video-status')).toContainText('Saved wakeline-2024-02-01_2024-02-29.webm');
    await expect(dialog.getByRole('progressbar', { name: 'Video rendering' })).toHaveAttribute('aria-valuenow', '100');
    const measure = await page.evaluate(() => {
      const e = performance.getEntriesByName('wakeline:video-render')[0] as PerformanceMeasure | undefined;
      return e ? { duration: e.duration, detail: e.detail } : null;
    });
    expect(measure?.detail).toEqual({ frames: 60, width: 1280, height: 720, seconds: 2 });
    test.info().annotations.push({ type: 'video', description: `2 s, 60 frames at 1280×720 rendered in ${(measure!.duration / 1000).toFixed(2)} s (${took.toFixed(1)} s click to file)` });

    // Decode it in Chromium: served from a page of its own, played through, frames counted.
    const bytes = fs.readFileSync(video.file);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
    const context = await browser.newContext();
    const player = await context.newPage();
    await player.route('http://video.test/**', (route) =>
      route.request().url().endsWith('.webm')
        ? route.fulfill({ body: bytes, contentType: 'video/webm' })
        : route.fulfill({ body: '<!doctype html><title>player</title><canvas></canvas>', contentType: 'text/html' }),
    );
    await player.goto('http://video.test/');
    const decoded = await player.evaluate(async () => {
      const v = document.createElement('video');
      v.muted = true;
      v.src = '/clip.webm';
      document.body.append(v);
      await new Promise((resolve, reject) => {
        v.onloadedmetadata = resolve;
        v.onerror = () => reject(new Error(`video error ${v.error?.code}: ${v.error?.message}`));
      });
      const canvas = document.querySelector('canvas')!;
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      const ctx = canvas.getContext('2d')!;
      // Every frame presented: counted, and its top band (where the cursor's date is) fingerprinted.
      let callbacks = 0;
      let frame = '';
      const looks = new Set<number>();
      const count = (_now: number, meta: { mediaTime: number }) => {
        callbacks++;
        ctx.drawImage(v, 0, 0);
        const band = ctx.getImageData(0, 0, canvas.width, 220).data;
        let hash = 0;
        for (let i = 0; i < band.length; i += 12) hash = (hash * 31 + band[i]!) | 0;
        looks.add(hash);
        if (!frame && meta.mediaTime >= 1) frame = canvas.toDataURL('image/png');
        v.requestVideoFrameCallback(count as never);
      };
      v.requestVideoFrameCallback(count as never);
      await v.play();
      await new Promise((resolve) => (v.onended = resolve));
      return {
        width: v.videoWidth,
        height: v.videoHeight,
        duration: v.duration,
        callbacks,
        totalFrames: v.getVideoPlaybackQuality().totalVideoFrames,
        looks: looks.size,
        frame,
      };
    });
    expect(decoded.width).toBe(1280);
    expect(decoded.height).toBe(720);
    expect(decoded.duration).toBeGreaterThan(1.5);
    expect(Math.max(decoded.callbacks, decoded.totalFrames)).toBeGreaterThan(1);
    // The frames differ: the cursor's date and the routes under way move on.
    expect(decoded.looks).toBeGreaterThan(1);
    expect(decoded.frame).toMatch(/^data:image\/png;base64,/);
    const frameFile = test.info().outputPath('video-frame.png');
    fs.writeFileSync(frameFile, Buffer.from(decoded.frame.split(',')[1]!, 'base64'));
    // The frame is the composition: not blank, the sea and the white page both in it.
    const frame = PNG.sync.read(fs.readFileSync(frameFile));
    expect([frame.width, frame.height]).toEqual([1280, 720]);
    expect(near(pixel(frame, 5, 5), [255, 255, 255], 12)).toBe(true);
    expect(near(pixel(frame, 640, 360), hex('#b5d0e2'), 40) || near(pixel(frame, 300, 400), hex('#b5d0e2'), 40)).toBe(true);
    await context.close();
  });

  test('Cancel stops a render cleanly and the dialog works on', async ({ page }) => {
    test.setTimeout(120_000);
    const dialog = await openExport(page, '/?from=2024-02-01&to=2024-02-29');
    await dialog.getByRole('button', { name: 'Use 1280 × 720' }).click();
    await dialog.getByLabel('Duration (seconds)').fill('60');
    let webm = false;
    page.on('download', (d) => {
      if (d.suggestedFilename().endsWith('.webm')) webm = true;
    });
    await dialog.getByRole('button', { name: 'Render video' }).click();
    const bar = dialog.getByRole('progressbar', { name: 'Video rendering' });
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.getByTestId('video-status')).toHaveText('Cancelled: no video was saved.');
    await expect(bar).toBeHidden();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeHidden();
    await expect(dialog.getByRole('button', { name: 'Render video' })).toBeFocused();
    await expect(dialog.getByRole('button', { name: 'Render video' })).toBeEnabled();
    // The dialog works on: an image downloads, and no video came.
    const png = await download(page, () => dialog.getByRole('button', { name: 'Download PNG' }).click());
    expect(png.name).toMatch(/\.png$/);
    expect(webm).toBe(false);
  });

  test('the video section fits a phone', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const dialog = await openExport(page, '/?at=2024-02-06');
    const render = dialog.getByRole('button', { name: 'Render video' });
    await render.scrollIntoViewIfNeeded();
    await expect(render).toBeEnabled();
    await expect(dialog.getByRole('checkbox', { name: 'Timeline strip' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await dialog.getByLabel('To', { exact: true }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: test.info().outputPath('phone-video.png') });
    await context.close();
  });
});
