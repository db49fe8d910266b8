import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PNG } from 'pngjs';
import { type Page, expect, test } from '@playwright/test';
import { isPostgresTarget } from './own-server';
import { canvasSamples } from './track-canvas';

/**
 * Observed tracks on the map (issue 12): a vessel's track drawn solid, its 20-hour silence dotted
 * with its duration, each fix's time on hover, a possible dark port call ringed when a voyage of
 * the vessel is selected. The positions are written straight into the server's database as a
 * completed import (the import pipeline has its own tests), read back through GET /api/tracks and
 * GET /api/events.
 */

const VESSEL = 'maia-1';
const VOYAGE = 'maia-1-rajin-vladivostok-2024-02';
const T0 = Date.UTC(2024, 1, 6, 0, 0, 0);
const STEP_MS = 10 * 60_000;
const GAP_MS = 20 * 3_600_000;

/** Rajin out to sea, silent for 20 hours, then seen off Vostochny: [t ms, lon, lat, sog]. */
function fixes(): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let i = 0; i < 30; i++) out.push([T0 + i * STEP_MS, 130.32 + i * 0.02, 42.24 + i * 0.006, 10.5]);
  const back = T0 + 29 * STEP_MS + GAP_MS;
  for (let i = 0; i < 30; i++) out.push([back + i * STEP_MS, 132.55 + i * 0.017, 42.6 + i * 0.005, 9]);
  return out;
}

/** A second vessel's track, no silence, south-west of the first, in the same view: [t ms, lon, lat, sog]. */
const OTHER = 'angara';
function otherFixes(): [number, number, number, number][] {
  return Array.from({ length: 30 }, (_, i) => [T0 + 3 * 86_400_000 + i * STEP_MS, 129.95 + i * 0.017, 41.62 + i * 0.01, 8] as [number, number, number, number]);
}

/** The rows the spec writes: a completed import, its positions and its two events. */
function seedRows(sourceId: string) {
  const importId = randomUUID();
  const now = new Date().toISOString();
  const all = fixes();
  const [from, to] = [all[29]!, all[30]!];
  const gap = { from: { t: from[0], lon: from[1], lat: from[2] }, to: { t: to[0], lon: to[1], lat: to[2] } };
  const events = [
    { kind: 'gap', ...gap, hours: 20, seaDistanceNm: 95, minSpeedKnots: 4.75 },
    { kind: 'possible_port_call', portId: 'dunai', gap, inNm: 60, outNm: 35, marginHours: 9.2 },
  ];
  return {
    importRow: [importId, randomUUID(), JSON.stringify([VESSEL, OTHER]), now, now, sourceId],
    positions: [...all.map((f) => [VESSEL, ...f] as const), ...otherFixes().map((f) => [OTHER, ...f] as const)],
    events: events.map((e) => [randomUUID().slice(0, 20), VESSEL, e.kind, `${e.kind}|e2e`, JSON.stringify(e), gap.from.t, gap.to.t, JSON.stringify([importId])]),
  };
}

const SQL = {
  seeded: "select 1 from imports where file_name = 'tracks-map.csv'",
  source: "select id from sources where status = 'published' and deleted_at is null order by id limit 1",
  import: `insert into imports (id, file_name, format, checksum, size_bytes, status, vessel_ids, created_at, finished_at, source_id, owner, heartbeat_at)
           values (?, 'tracks-map.csv', 'csv', ?, 1, 'done', ?, ?, ?, ?, 'e2e', 0)`,
  position: 'insert into positions (vessel_id, t, import_seq, lon, lat, sog, cog) values (?, ?, ?, ?, ?, ?, 60)',
  event: 'insert into track_events (id, vessel_id, kind, key, data, t_start, t_end, import_ids) values (?, ?, ?, ?, ?, ?, ?, ?)',
};

/** Writes the rows into the server's database (a SQLite file or a postgres:// URL), once per database. */
async function seed(target: string) {
  if (isPostgresTarget(target)) return seedPostgres(target);
  const db = new Database(target);
  try {
    // Once per database: a worker restarted after a failed test runs beforeAll again.
    if (db.prepare(SQL.seeded).get()) return;
    const rows = seedRows((db.prepare(SQL.source).get() as { id: string }).id);
    const seq = db.prepare(SQL.import).run(...rows.importRow).lastInsertRowid;
    const put = db.prepare(SQL.position);
    db.transaction(() => rows.positions.forEach(([vessel, t, lon, lat, sog]) => put.run(vessel, t, seq, lon, lat, sog)))();
    const event = db.prepare(SQL.event);
    for (const e of rows.events) event.run(...e);
  } finally {
    db.close();
  }
}

async function seedPostgres(url: string) {
  let n = 0;
  const numbered = (text: string) => text.replace(/\?/g, () => `$${++n}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if ((await client.query(SQL.seeded)).rowCount) return;
    const rows = seedRows((await client.query<{ id: string }>(SQL.source)).rows[0]!.id);
    await client.query('begin');
    n = 0;
    const seq = (await client.query<{ seq: string }>(`${numbered(SQL.import)} returning seq`, rows.importRow)).rows[0]!.seq;
    for (const [vessel, t, lon, lat, sog] of rows.positions) {
      n = 0;
      await client.query(numbered(SQL.position), [vessel, t, seq, lon, lat, sog]);
    }
    for (const e of rows.events) {
      n = 0;
      await client.query(numbered(SQL.event), e);
    }
    await client.query('commit');
  } finally {
    await client.end();
  }
}

/** Where a [lon, lat] is in the page, from the view the dashboard writes into its URL (lonlat, z). */
async function toPage(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const url = new URL(page.url());
  const [clon, clat] = url.searchParams.get('lonlat')!.split(',').map(Number) as [number, number];
  const z = Number(url.searchParams.get('z'));
  const box = (await page.locator('.leaflet-container').boundingBox())!;
  const scale = 256 * 2 ** z;
  const mx = (l: number) => (l / 360 + 0.5) * scale;
  const my = (l: number) => {
    const s = Math.sin((l * Math.PI) / 180);
    return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale;
  };
  return { x: box.x + box.width / 2 + mx(lon) - mx(clon), y: box.y + box.height / 2 + my(lat) - my(clat) };
}

/** Whether the pane's canvas (one for the whole view, as the halos' is) has an opaque pixel within `reach` px of each page point. */
function inked(page: Page, pane: string, points: { x: number; y: number }[], reach = 2): Promise<boolean[]> {
  return page.evaluate(
    ({ pane, points, reach }) => {
      const canvas = document.querySelector(`.leaflet-${pane}-pane canvas`) as HTMLCanvasElement;
      const rect = canvas.getBoundingClientRect();
      const ctx = canvas.getContext('2d')!;
      const k = canvas.width / rect.width;
      return points.map(({ x, y }) => {
        const cx = Math.round((x - rect.left) * k);
        const cy = Math.round((y - rect.top) * k);
        const r = Math.ceil(reach * k);
        const data = ctx.getImageData(cx - r, cy - r, 2 * r + 1, 2 * r + 1).data;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 40) return true;
        return false;
      });
    },
    { pane, points, reach },
  );
}

/** Clicks the export dialog's button and answers the path of the file it downloads. */
async function download(page: Page, button: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const file = test.info().outputPath(dl.suggestedFilename());
  await dl.saveAs(file);
  return file;
}

test.describe('observed tracks on the map', () => {
  test.beforeAll(() => seed(process.env.WAKELINE_E2E_DB!));

  test('draws the track solid, its gap dotted with its duration, and each fix’s time on hover', async ({ page }) => {
    await page.goto('/?lonlat=131.7,42.5&z=8');
    const label = page.locator('.track-gap-label');
    await expect(label).toHaveText('20 h silent');
    await expect(page.locator('[data-legend="route-observed"]')).toContainText('Route observed (AIS track)');
    await expect(page.locator('[data-legend="track-gap"]')).toContainText('AIS gap');
    const all = fixes();
    const at = (i: number) => toPage(page, all[i]![1], all[i]![2]);

    // Solid: every point along the first part, between fixes too, is inked.
    const lonLat = (i: number): [number, number] => [all[i]![1], all[i]![2]];
    for (let i = 0; i < 29; i += 2) {
      const between = await canvasSamples(page, lonLat(i), lonLat(i + 1), 4);
      expect(between!.inked, `between fixes ${i} and ${i + 1}`).toBe(1);
    }

    // Dotted: along the connector from the last fix before the silence to the next, ink and gaps alternate.
    const dots = await canvasSamples(page, lonLat(29), lonLat(30), 0, Array.from({ length: 60 }, (_, k) => (k + 10) / 80));
    expect(dots!.inked).toBeGreaterThan(0.1);
    expect(dots!.inked).toBeLessThan(0.7);
    const [from, to] = [await at(29), await at(30)];
    // The label sits at the middle of the connector.
    const box = (await label.boundingBox())!;
    expect(Math.abs(box.x + box.width / 2 - (from.x + to.x) / 2)).toBeLessThan(4);
    expect(Math.abs(box.y + box.height / 2 - (from.y + to.y) / 2)).toBeLessThan(4);
    await page.screenshot({ path: test.info().outputPath('tracks-map-gap.png') });

    // Hover: the nearest fix's time (UTC), speed and course.
    const p = await at(10);
    await page.mouse.move(p.x + 2, p.y + 1);
    const tip = page.locator('.track-fix-tip');
    await expect(tip).toContainText('Maia-1');
    await expect(tip).toContainText('2024-02-06 01:40:00 UTC');
    await expect(tip).toContainText('10.5 kn');
    await page.screenshot({ path: test.info().outputPath('tracks-map-hover.png') });
    await page.mouse.move(p.x, p.y + 60);
    await expect(tip).toHaveCount(0);
  });

  test('rings the possible dark port call of the selected voyage’s vessel', async ({ page }) => {
    await page.goto(`/?voyage=${VOYAGE}`);
    await expect(page.locator('[data-legend="dark-port-call"]')).toContainText('Possible dark port call');
    // The map fits the voyage, then writes its view into the URL.
    await expect.poll(() => new URL(page.url()).searchParams.get('lonlat')).not.toBeNull();
    await page.waitForTimeout(500);
    const dunai = await toPage(page, 132.3375, 42.88028);
    const ring = Array.from({ length: 16 }, (_, k) => ({ x: dunai.x + 15 * Math.cos((k * Math.PI) / 8), y: dunai.y + 15 * Math.sin((k * Math.PI) / 8) }));
    const hits = await inked(page, 'trackHalos', ring, 2);
    expect(hits.filter(Boolean).length).toBeGreaterThan(8);
    expect((await inked(page, 'trackHalos', [dunai], 3))[0]).toBe(false);
    // Folded, so that the legend does not hide Dunai in the picture.
    await page.locator('.legend-title').click();
    await page.screenshot({ path: test.info().outputPath('tracks-map-halo.png') });
  });

  test('the exported image draws the track solid and its silence dotted, with its duration, in the legend too', async ({ page }) => {
    await page.goto('/?lonlat=131.7,42.5&z=8');
    await expect(page.locator('.track-gap-label')).toHaveText('20 h silent');
    await page.getByRole('button', { name: 'Export image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export image' });
    await expect(dialog.getByTestId('export-preview')).toBeVisible();
    const save = (button: string) => download(page, button);
    const svg = fs.readFileSync(await save('Download SVG'), 'utf8');
    const group = svg.match(/<g id="tracks"[^>]*>([\s\S]*?)<\/g>/)?.[1] ?? '';
    const [solid, dotted] = [...group.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]!);
    expect(solid, 'a solid track').toBeTruthy();
    expect(dotted, 'a dotted gap').toBeTruthy();
    expect(group).toMatch(/stroke-dasharray/);
    expect(svg).toContain('>20 h silent</text>');
    expect(svg.match(/<g id="legend">[\s\S]*?<\/g>/)![0]).toContain('AIS gap (dotted, with its duration)');
    // The PNG holds the track's colour along the solid path, where nothing is drawn over it (the legend, a port).
    const png = PNG.sync.read(fs.readFileSync(await save('Download PNG')));
    const [lx, ly, lw, lh] = svg.match(/<g id="legend"><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/)!.slice(1).map(Number) as [number, number, number, number];
    const vertices = [...solid!.matchAll(/([ML])([\d.]+) ([\d.]+)/g)].map((m) => ({ move: m[1] === 'M', x: Number(m[2]), y: Number(m[3]) }));
    const points = vertices.slice(1).flatMap((v, i) => (v.move ? [] : [0.3, 0.5, 0.7].map((f) => [vertices[i]!.x + (v.x - vertices[i]!.x) * f, vertices[i]!.y + (v.y - vertices[i]!.y) * f] as const)));
    const visible = points.filter(([x, y]) => !(x > lx - 3 && x < lx + lw + 3 && y > ly - 3 && y < ly + lh + 3));
    expect(visible.length).toBeGreaterThan(2);
    const coloured = ([x, y]: readonly [number, number]) => {
      for (let dx = -2; dx <= 2; dx++)
        for (let dy = -2; dy <= 2; dy++) {
          const i = (png.width * Math.round(y + dy) + Math.round(x + dx)) << 2;
          if (Math.abs(png.data[i]! - 0xc2) < 40 && Math.abs(png.data[i + 1]! - 0x41) < 40 && Math.abs(png.data[i + 2]! - 0x0c) < 40) return true;
        }
      return false;
    };
    // Most of it: the routes' and ports' labels, drawn over everything on the map, may hide a sample.
    expect(visible.filter(coloured).length).toBeGreaterThanOrEqual(3);
    expect(visible.filter(coloured).length / visible.length).toBeGreaterThanOrEqual(0.6);
  });

  test('the exported image of a map that hides the tracks (hide=tracks) draws none of them', async ({ page }) => {
    // The track is there to draw.
    const api = (await (await page.request.get('/api/tracks')).json()) as { tracks: { vesselId: string; t: number[] }[] };
    expect(api.tracks.find((t) => t.vesselId === VESSEL)?.t).toHaveLength(60);
    await page.goto('/?lonlat=131.7,42.5&z=8&hide=tracks');
    await expect(page.getByLabel('AIS tracks')).not.toBeChecked();
    await page.getByRole('button', { name: 'Export image' }).click();
    await expect(page.getByRole('dialog', { name: 'Export image' }).getByTestId('export-preview')).toBeVisible();
    const svg = fs.readFileSync(await download(page, 'Download SVG'), 'utf8');
    // A whole image of the same view: the land, the ports and the legend.
    expect(svg).toContain('<path id="land"');
    for (const id of ['ports', 'legend']) expect(svg).toContain(`<g id="${id}"`);
    for (const id of ['tracks', 'track-gap-labels', 'dark-port-calls']) expect(svg).not.toContain(`<g id="${id}"`);
    expect(svg).not.toContain('silent');
    const legend = svg.match(/<g id="legend">[\s\S]*?<\/g>/)![0];
    for (const entry of ['AIS gap', 'Possible dark port call']) expect(legend).not.toContain(entry);
    await expect(page.locator('.track-gap-label')).toHaveCount(0);
  });

  test('follows the dashboard’s vessel filter: only that vessel’s fixes are drawn', async ({ page }) => {
    await page.goto('/?lonlat=131.7,42.5&z=8');
    // What the layer drew last (TracksLayer's measure, as the tracks-map bench reads it).
    const drawn = () =>
      page.evaluate(() => {
        const last = performance.getEntriesByName('wakeline:tracks-drawn').at(-1) as PerformanceMeasure | undefined;
        return (last?.detail as { fixes: number; tracks: number } | undefined) ?? null;
      });
    await expect.poll(drawn).toEqual({ fixes: fixes().length + otherFixes().length, tracks: 2 });
    const other = otherFixes().map(([, lon, lat]): [number, number] => [lon, lat]);
    const mine = fixes().map(([, lon, lat]): [number, number] => [lon, lat]);
    const inked = async (line: [number, number][], i: number) => (await canvasSamples(page, line[i]!, line[i + 1]!, 4))?.inked;
    await expect.poll(() => inked(other, 14)).toBe(1);
    expect(await inked(mine, 10)).toBe(1);

    await page.getByRole('combobox', { name: 'Vessel', exact: true }).selectOption(VESSEL);
    await expect(page).toHaveURL(new RegExp(`vessel=${VESSEL}`));
    await expect.poll(drawn).toEqual({ fixes: fixes().length, tracks: 1 });
    // The same view: the first vessel's track still drawn where it was, the other's gone.
    await expect.poll(() => inked(other, 14)).toBe(0);
    expect(await inked(mine, 10)).toBe(1);
    // Its gap's label, once the replaced layer's has faded out (Leaflet removes a tooltip 200 ms after it is hidden).
    await expect(page.locator('.track-gap-label')).toHaveCount(1);
    await expect(page.locator('.track-gap-label')).toHaveText('20 h silent');
  });

  test('the layer toggle hides the tracks and their legend entries', async ({ page }) => {
    await page.goto('/?lonlat=131.7,42.5&z=8');
    await expect(page.locator('.track-gap-label')).toHaveText('20 h silent');
    await page.getByLabel('AIS tracks').uncheck();
    await expect(page.locator('.track-gap-label')).toHaveCount(0);
    await expect(page.locator('.leaflet-tracks-pane canvas')).toHaveCount(0);
    await expect(page.locator('[data-legend="track-gap"]')).toHaveCount(0);
    await expect(page).toHaveURL(/hide=tracks/);
  });
});
