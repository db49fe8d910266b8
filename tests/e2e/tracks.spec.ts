/**
 * Tracks in (issue 12), end to end as an editor does it: a MarineCadastre CSV of a ship leaving
 * Rajin, silent for 20 hours, then seen off Vostochny, uploaded in the dialog with its progress bar;
 * the map draws the track solid and the gap dotted; the vessel panel lists the port call at Rajin,
 * the gap and the possible dark port calls (Dunai among them), and pointing at one rings its port;
 * the detections wait in review as drafts. Then: a file in the wrong format, a column mapping,
 * Cancel, a re-upload said to be a duplicate, the keyboard, axe (WCAG 2.2 AA) and a 390 px screen.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Locator, type Page, expect, test } from '@playwright/test';
import { addUser, signIn } from './accounts';
import { canvasSamples } from './track-canvas';

const FIXTURES = path.join('tests', 'fixtures', 'tracks', 'e2e');
const TRACK = path.join(FIXTURES, 'rajin-dark-vostochny.csv');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SHOTS = process.env.E2E_SHOTS;

test.beforeAll(() => addUser('ivy', 'editor'));

async function serious(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

async function shot(target: Page | Locator, name: string) {
  if (SHOTS) await target.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Import a track' });

async function openDialog(page: Page): Promise<Locator> {
  await page.getByRole('banner').getByRole('button', { name: 'Import track' }).click();
  const d = dialog(page);
  await expect(d).toBeVisible();
  return d;
}

/** Slows the browser's uploads (DevTools network emulation), so the progress bar is seen moving and Cancel has time. */
async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
  return () => cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}

/** The upload bar's value and maximum. */
const progressOf = (bar: Locator) => bar.evaluate((p: HTMLProgressElement) => ({ value: p.value, max: p.max }));

/** The fixture's rows, by time: the last fix before the silence and the first after it. */
function fixAt(time: string): [number, number] {
  const row = readFileSync(TRACK, 'utf8').split('\n').find((l) => l.split(',')[1] === time)!;
  const [, , lat, lon] = row.split(',');
  return [Number(lon), Number(lat)];
}

test.describe.serial('tracks in', () => {
  test('an editor uploads a MarineCadastre CSV with a progress bar; the map, the vessel panel and review show what was detected', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, 'ivy');
    const d = await openDialog(page);
    const file = d.getByLabel('Track file', { exact: true });
    await expect(file).toBeFocused();
    await file.setInputFiles(TRACK);
    await expect(d.getByTestId('import-format')).toHaveText('Format: CSV · NOAA MarineCadastre columns');
    await expect(d.getByRole('group', { name: /^Columns/ })).toHaveCount(0);
    await shot(d, 'import-chosen');

    // Every value the two bars show, frame by frame (a 12 KB upload is through within a frame or two).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenBars: string[] }).seenBars = seen;
      const look = () => {
        for (const id of ['import-upload-progress', 'import-processing-progress']) {
          const bar = document.querySelector<HTMLProgressElement>(`[data-testid="${id}"]`);
          const text = bar && `${id}:${bar.hasAttribute('value') ? bar.value : 'indeterminate'}/${bar.max}`;
          if (text && seen.at(-1) !== text && !seen.includes(text)) seen.push(text);
        }
        if (!document.querySelector('[data-testid="import-report"]')) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await d.getByRole('button', { name: 'Upload and import' }).click();
    await expect(d.getByTestId('import-processing-progress')).toBeVisible();
    await shot(d, 'import-progress');

    const report = d.getByTestId('import-report');
    await expect(report).toBeVisible({ timeout: 30_000 });
    const seen = await page.evaluate(() => (window as unknown as { seenBars: string[] }).seenBars);
    // The upload bar filled to the file's size; processing was shown under way before the report.
    expect(seen).toContain('import-upload-progress:12391/12391');
    expect(seen.filter((s) => s.startsWith('import-processing-progress:'))).not.toEqual([]);
    await expect(report.getByRole('status')).toHaveText('Imported rajin-dark-vostochny.csv: 122 positions added from 122 rows.');
    await expect(report.getByRole('listitem').filter({ hasText: 'E2E KESTREL' })).toContainText('new draft vessel, for review');
    await expect(report).toContainText('2 port calls, 1 AIS gap,');
    await expect(report.getByTestId('import-drafts')).toContainText('Waiting in review as drafts: 1 vessel, 2 sightings, 1 voyage,');
    await expect(report.getByTestId('import-drafts-refused')).toHaveCount(0);
    await expect(report.getByRole('link', { name: 'Open the review queue' })).toHaveAttribute('href', '/review');
    await expect(report).toContainText('Every row was usable.');
    await shot(d, 'import-report');

    // The vessel's profile, from the report: the dialog gives way to it.
    await report.getByRole('link', { name: 'E2E KESTREL' }).click();
    await expect(dialog(page)).toHaveCount(0);
    const profile = page.getByRole('region', { name: 'Vessel profile' });
    const events = profile.getByRole('region', { name: 'Detected from AIS' });
    await expect(events).toBeVisible();
    await expect(events.getByTestId('detection-params')).toContainText('at most 1 kn inside a port’s geofence for at least 2 h');
    await expect(events.getByTestId('port-calls').getByRole('listitem')).toHaveText([
      /^Rajin: 2024-03-10 00:00 UTC – 2024-03-10 09:50 UTC · dwell 9\.8 h/,
      /^Vostochny: 2024-03-11 10:\d0 UTC – 2024-03-11 16:00 UTC/,
    ]);
    await expect(events.getByTestId('gaps').getByRole('listitem')).toHaveText([
      /^Silent 20\.0 h: last fix 2024-03-10 12:00 UTC → next fix 2024-03-11 08:00 UTC · \d+ nm by sea · at least \d+\.\d kn on average$/,
    ]);
    const dunai = events.getByTestId('possible-port-calls').getByRole('listitem').filter({ hasText: /^Dunai:/ });
    await expect(dunai).toContainText(/h to spare/);

    // The map: the track solid, the gap dotted with its duration, both in the legend.
    const legend = page.locator('details.legend');
    await expect(legend).toContainText('Route observed (AIS track)');
    await expect(page.locator('.track-gap-label').filter({ hasText: '20 h silent' })).toBeVisible();
    await page.waitForTimeout(500);
    const last = fixAt('2024-03-10T12:00:00');
    const next = fixAt('2024-03-11T08:00:00');
    const solid = await canvasSamples(page, fixAt('2024-03-10T11:00:00'), last, 40);
    const gap = await canvasSamples(page, last, next, 200);
    expect(solid, 'the tracks canvas').not.toBeNull();
    expect(gap!.lengthPx, 'the gap is long enough on screen to tell dots from a line').toBeGreaterThan(60);
    expect(solid!.inked, 'the track before the silence is solid').toBeGreaterThan(0.9);
    expect(gap!.inked, 'the gap is dotted: inked in places, not along').toBeGreaterThan(0.1);
    expect(gap!.inked).toBeLessThan(0.75);
    const vesselId = new URL(page.url()).searchParams.get('profile')!.replace('vessel:', '');

    // Pointing at a possible dark port call rings its port (the legend explains the ring).
    await expect(legend).not.toContainText('Possible dark port call');
    await dunai.hover();
    await expect(legend).toContainText('Possible dark port call');
    await shot(page, 'dark-call-highlighted');
    await page.mouse.move(5, 5);
    await expect(legend).not.toContainText('Possible dark port call');
    await dunai.getByRole('link', { name: 'Dunai' }).focus();
    await expect(legend).toContainText('Possible dark port call');

    // The detections wait in review as drafts.
    const queue = (await (await page.request.get('/api/review')).json()) as { items: { kind: string; status: string; label: string; after: unknown }[] };
    const ours = queue.items.filter((i) => JSON.stringify(i.after).includes('detected from AIS') || i.label.includes('E2E KESTREL'));
    expect(ours.every((i) => i.status === 'draft')).toBe(true);
    expect(ours.filter((i) => i.kind === 'vessel').map((i) => i.label)).toEqual(['E2E KESTREL']);
    const sightings = ours.filter((i) => i.kind === 'observation').map((i) => JSON.stringify(i.after));
    expect(sightings.some((o) => o.includes('"portId":"rajin"'))).toBe(true);
    // The leg Rajin → Vostochny, on the AIS track itself (observed), waits as a draft voyage.
    const voyages = ours.filter((i) => i.kind === 'voyage').map((i) => i.after as { originPortId: string; destinationPortId: string; observedRoute: unknown });
    expect(voyages.map((v) => `${v.originPortId}>${v.destinationPortId}`)).toEqual(['rajin>vostochny']);
    expect(voyages[0]!.observedRoute).not.toBeNull();
    await page.goto('/review');
    const waiting = page.getByRole('list', { name: 'Waiting for review' });
    await expect(waiting.getByRole('heading', { name: /E2E KESTREL/ }).first()).toBeVisible();
    await shot(page, 'review-drafts');
    if (SHOTS) {
      // The seeded voyages cover the track: the picture filters them to this vessel (it has none).
      await page.goto(`/?vessel=${vesselId}&lonlat=131.7,42.5&z=8`);
      await expect(page.locator('.track-gap-label')).toBeVisible();
      await shot(page.locator('.map-pane'), 'map-track-and-gap');
    }
  });

  test('re-uploading the same file says it was imported before and adds nothing', async ({ page }) => {
    await signIn(page, 'ivy');
    const before = (await (await page.request.get('/api/tracks')).json()) as { tracks: { t: number[] }[] };
    const d = await openDialog(page);
    await d.getByLabel('Track file', { exact: true }).setInputFiles(TRACK);
    await d.getByRole('button', { name: 'Upload and import' }).click();
    await expect(d.getByTestId('import-report').getByRole('status')).toHaveText(/^This file was imported before \(import [0-9a-f-]{36}\): nothing was added again\.$/);
    const after = (await (await page.request.get('/api/tracks')).json()) as { tracks: { t: number[] }[] };
    expect(after.tracks.map((t) => t.t.length)).toEqual(before.tracks.map((t) => t.t.length));
  });

  test('a file in the wrong format is refused in words naming what was expected', async ({ page }) => {
    await signIn(page, 'ivy');
    const d = await openDialog(page);
    await d.getByLabel('Track file', { exact: true }).setInputFiles(path.join(FIXTURES, 'not-a-track.txt'));
    const alert = d.getByRole('alert');
    await expect(alert).toContainText(/expected/i);
    await expect(alert).toContainText(/CSV/);
    await expect(d.getByRole('button', { name: 'Upload and import' })).toBeDisabled();
    await shot(d, 'import-wrong-format');
    expect(await serious(page, '[role="dialog"]')).toEqual([]);
  });

  test('a CSV with unknown columns asks for the mapping, says what is missing, then imports', async ({ page }) => {
    await signIn(page, 'ivy');
    const d = await openDialog(page);
    await d.getByLabel('Track file', { exact: true }).setInputFiles(path.join(FIXTURES, 'own-columns.csv'));
    await expect(d.getByTestId('import-format')).toHaveText('Format: CSV · columns not recognised');
    const mapping = d.getByRole('group', { name: /^Columns/ });
    await expect(mapping.getByLabel('Latitude (required)')).toHaveValue('y');
    await expect(mapping.getByLabel('Longitude (required)')).toHaveValue('x');
    await expect(mapping.getByLabel('Time (UTC) (required)')).toHaveValue('');
    // Each header is offered with its sample values.
    await expect(mapping.getByLabel('Time (UTC) (required)').getByRole('option', { name: /^when \(e\.g\. 2024-03-12T00:00:00Z/ })).toHaveCount(1);
    expect(await serious(page, '[role="dialog"]')).toEqual([]);
    await shot(d, 'import-mapping');
    await d.getByRole('button', { name: 'Upload and import' }).click();
    await expect(d.getByRole('alert')).toHaveText('Choose the column for: Time (UTC).');
    await mapping.getByLabel('Time (UTC) (required)').selectOption('when');
    await mapping.getByLabel('MMSI (optional)').selectOption('ship id');
    await mapping.getByLabel('Speed over ground (knots) (optional)').selectOption('knots');
    await d.getByRole('button', { name: 'Upload and import' }).click();
    await expect(d.getByTestId('import-report').getByRole('status')).toHaveText('Imported own-columns.csv: 3 positions added from 3 rows.');
    expect(await serious(page, '[role="dialog"]')).toEqual([]);
  });

  test('Cancel stops an upload under way: nothing of the file is imported', async ({ page }) => {
    await signIn(page, 'ivy');
    const header = readFileSync(TRACK, 'utf8').split('\n')[0]!;
    const rows = Array.from({ length: 20_000 }, (_, i) => {
      const t = new Date(Date.UTC(2024, 5, 1) + i * 60_000).toISOString().slice(0, 19);
      return `445987099,${t},42.${String(2000 + (i % 7000)).padStart(5, '0')},131.00000,9.0,90.0,511,E2E CANCELLED,,,70,0,,,,,A`;
    });
    const buffer = Buffer.from(`${header}\n${rows.join('\n')}\n`);
    const d = await openDialog(page);
    await d.getByLabel('Track file', { exact: true }).setInputFiles({ name: 'cancel-me.csv', mimeType: 'text/csv', buffer });
    await expect(d.getByTestId('import-format')).toContainText('MarineCadastre');
    const restore = await throttleUploads(page, 64 * 1024);
    await d.getByRole('button', { name: 'Upload and import' }).click();
    const bar = d.getByTestId('import-upload-progress');
    await expect.poll(async () => (await progressOf(bar)).value).toBeGreaterThan(0);
    // Part of the file is sent, not all of it: the upload itself is what Cancel stops.
    const midway = await progressOf(bar);
    expect(midway.value).toBeLessThan(midway.max);
    await shot(d, 'import-uploading');
    await d.getByRole('button', { name: 'Cancel import' }).click();
    await expect(d.getByRole('status')).toHaveText('Import cancelled: nothing of cancel-me.csv was added.');
    await restore();
    const vessels = (await (await page.request.get('/api/vessels')).json()) as { vessels: { name: string }[] };
    expect(vessels.vessels.map((v) => v.name)).not.toContain('E2E CANCELLED');
    const imports = (await (await page.request.get('/api/imports')).json()) as { imports: { name: string; status: string }[] };
    expect(imports.imports.filter((i) => i.name === 'cancel-me.csv' && i.status === 'done')).toEqual([]);
  });

  test('the keyboard opens and closes the dialog; at 390 px it fits, and axe finds nothing serious', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'ivy');
    const opener = page.getByRole('banner').getByRole('button', { name: 'Import track' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const d = dialog(page);
    await expect(d.getByLabel('Track file', { exact: true })).toBeFocused();
    expect(await serious(page, '[role="dialog"]')).toEqual([]);
    // Tab stays inside the dialog.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await d.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(d).toHaveCount(0);
    await expect(opener).toBeFocused();

    await opener.click();
    await d.getByLabel('Track file', { exact: true }).setInputFiles(path.join(FIXTURES, 'own-columns.csv'));
    await expect(d.getByRole('group', { name: /^Columns/ })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'no sideways scrolling at 390 px').toBeLessThanOrEqual(0);
    const box = (await d.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await serious(page, '[role="dialog"]')).toEqual([]);
    await shot(page, 'import-390');
  });
});
