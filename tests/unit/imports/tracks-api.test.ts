/**
 * GET /api/tracks and GET /api/events on real imports in a temporary database: the dashboard's
 * filters (vessel, from, to), their refusals, the cached JSON answer replaced once a new import
 * completes, and the GPX and KML downloads' ETags.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDto, TrackDto } from '@/lib/core/track/types';
import { openTeamDatabase } from '../helpers';
import { vessels, writeCsv } from './track-files';

type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
let team: Awaited<ReturnType<typeof openTeamDatabase>>;
let tracksGet: Handler;
let eventsGet: Handler;
let dir: string;
let all: TrackDto[];

const call = (handler: Handler, url: string, headers: Record<string, string> = {}) =>
  handler(new Request(`http://localhost${url}`, { headers: { cookie: team.cookies.editor, ...headers } }), { params: Promise.resolve({}) });
const tracks = async (query: string) => ((await (await call(tracksGet, `/api/tracks${query}`)).json()) as { tracks: TrackDto[] }).tracks;
const events = async (query: string) => ((await (await call(eventsGet, `/api/events${query}`)).json()) as { events: EventDto[] }).events;
const fixes = (ts: TrackDto[]) => ts.reduce((n, t) => n + t.t.length, 0);
const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

async function importFile(name: string, seed: number, count: number) {
  const { getDb } = await import('@/lib/server/db');
  const { startImport } = await import('@/lib/server/imports/start');
  const file = writeCsv(dir, name, vessels({ seed, count, itinerary: ['rajin', 'dunai', 'rajin'], fixesPerVessel: 400 }));
  const started = await startImport(await getDb(), { file, fileName: name, actor: { id: team.ids.editor, username: 'ed', role: 'editor' } });
  expect((await started.run()).status).toBe('done');
}

beforeAll(async () => {
  team = await openTeamDatabase('tracks-api');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-files-'));
  await importFile('two.csv', 7, 2);
  tracksGet = (await import('@/app/api/tracks/route')).GET as unknown as Handler;
  eventsGet = (await import('@/app/api/events/route')).GET as unknown as Handler;
  all = await tracks('');
}, 120_000);

afterAll(async () => {
  await team.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/tracks filters', () => {
  it('keeps one vessel', async () => {
    expect(all).toHaveLength(2);
    const one = await tracks(`?vessel=${all[1]!.vesselId}`);
    expect(one).toEqual([all[1]]);
  });

  it('keeps the fixes within the days, from 00:00Z of "from" to 24:00Z of "to"', async () => {
    const t = all[0]!.t;
    const from = day(t[Math.floor(t.length / 3)]!);
    const to = day(t[Math.floor((2 * t.length) / 3)]!);
    const since = Date.parse(`${from}T00:00:00Z`) / 1000;
    const until = Date.parse(`${to}T00:00:00Z`) / 1000 + 86_400;
    const within = await tracks(`?from=${from}&to=${to}`);
    expect(fixes(within)).toBeGreaterThan(0);
    expect(fixes(within)).toBeLessThan(fixes(all));
    for (const track of within) {
      const whole = all.find((a) => a.vesselId === track.vesselId)!;
      const keep = whole.t.flatMap((s, i) => (s >= since && s < until ? [i] : []));
      expect(track.t).toEqual(keep.map((i) => whole.t[i]));
      expect(track.coords).toEqual(keep.flatMap((i) => [whole.coords[2 * i], whole.coords[2 * i + 1]]));
      expect(track.sog).toEqual(keep.map((i) => whole.sog[i]));
    }
    expect(fixes(await tracks(`?from=${from}`))).toBe(all.reduce((n, a) => n + a.t.filter((s) => s >= since).length, 0));
    expect(await tracks('?from=2099-01-01')).toEqual([]);
  });

  it('keeps the fixes inside a bbox (edges included), the same on SQLite and on PostgreSQL’s index', async () => {
    // Around Rajin's approach: the ships' fixes near the port, not those out at sea.
    const box = [130.2, 42.1, 130.6, 42.4] as const;
    const inside = (lon: number, lat: number) => lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
    const within = await tracks(`?bbox=${box.join(',')}`);
    expect(fixes(within)).toBeGreaterThan(0);
    expect(fixes(within)).toBeLessThan(fixes(all));
    for (const whole of all) {
      const keep = whole.t.flatMap((_, i) => (inside(whole.coords[2 * i]!, whole.coords[2 * i + 1]!) ? [i] : []));
      const track = within.find((w) => w.vesselId === whole.vesselId);
      if (keep.length === 0) {
        expect(track).toBeUndefined();
        continue;
      }
      expect(track!.t).toEqual(keep.map((i) => whole.t[i]));
      expect(track!.coords).toEqual(keep.flatMap((i) => [whole.coords[2 * i], whole.coords[2 * i + 1]]));
    }
    // With the other filters, and in a download.
    const one = all[0]!;
    expect(await tracks(`?vessel=${one.vesselId}&bbox=${box.join(',')}`)).toEqual(within.filter((w) => w.vesselId === one.vesselId));
    const gpx = await (await call(tracksGet, `/api/tracks?format=gpx&bbox=${box.join(',')}`)).text();
    expect(gpx.match(/<trkpt /g)).toHaveLength(fixes(within));
    expect(await tracks('?bbox=0,0,1,1')).toEqual([]);
  });

  it('refuses a bad bbox, naming the field', async () => {
    for (const bbox of ['1,2,3', '130,42,129,43', '130,43,131,42', '-181,0,0,1', 'a,b,c,d', '1,,2,3', '170,0,-170,1']) {
      const res = await call(tracksGet, `/api/tracks?bbox=${encodeURIComponent(bbox)}`);
      expect(res.status, bbox).toBe(400);
      expect(await res.text(), bbox).toContain('bbox');
    }
  });

  it('refuses a bad day or a "to" before "from", naming the field', async () => {
    for (const [query, field] of [
      ['?from=2024-02-30', 'from'],
      ['?to=yesterday', 'to'],
      ['?from=2024-03-02&to=2024-03-01', 'to'],
    ]) {
      for (const [handler, url] of [
        [tracksGet, `/api/tracks${query}`],
        [eventsGet, `/api/events${query}`],
      ] as const) {
        const res = await call(handler, url);
        expect(res.status, url).toBe(400);
        expect(await res.text(), url).toContain(field);
      }
    }
  });
});

describe('GET /api/events filters', () => {
  it('keeps the events that overlap the days', async () => {
    const every = await events('');
    expect(every.length).toBeGreaterThan(0);
    const span = (e: EventDto): [number, number] =>
      e.kind === 'port_call' ? [Date.parse(e.arrival), Date.parse(e.departure)] : e.kind === 'gap' ? [Date.parse(e.from.time), Date.parse(e.to.time)] : [Date.parse(e.gap.from.time), Date.parse(e.gap.to.time)];
    const first = span(every[0]!)[0];
    const from = day(first / 1000);
    const since = Date.parse(`${from}T00:00:00Z`);
    const until = since + 2 * 86_400_000;
    const to = day((until - 1) / 1000);
    const within = await events(`?from=${from}&to=${to}`);
    expect(within).toEqual(every.filter((e) => span(e)[1] >= since && span(e)[0] < until));
    expect(within.length).toBeGreaterThan(0);
    expect(await events('?from=2099-01-01')).toEqual([]);
  });
});

describe('the cached JSON answer', () => {
  it('is confirmed unchanged (304) while the data stays, and replaced once a new import completes', async () => {
    const first = await call(tracksGet, '/api/tracks');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await call(tracksGet, '/api/tracks', { 'if-none-match': etag })).status).toBe(304);
    await importFile('three.csv', 8, 3);
    const again = await call(tracksGet, '/api/tracks', { 'if-none-match': etag });
    expect(again.status).toBe(200);
    const now = ((await again.json()) as { tracks: TrackDto[] }).tracks;
    expect(now).toHaveLength(3);
    expect(fixes(now)).toBeGreaterThan(fixes(all));
  }, 120_000);
});

describe('the GPX and KML downloads\' ETag', () => {
  const download = (query: string, headers: Record<string, string> = {}) => call(tracksGet, `/api/tracks${query}`, headers);

  it('confirms a file unchanged (304, no body) while the data stays; the query and the reader make other tags; new data a new one', async () => {
    const gpx = await download('?format=gpx');
    const etag = gpx.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(gpx.headers.get('cache-control')).toBe('no-cache');
    expect(await gpx.text()).toContain('<trkpt');
    const again = await download('?format=gpx', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    // In a list, and weakly compared.
    expect((await download('?format=gpx', { 'if-none-match': `W/"other", ${etag.slice(2)}` })).status).toBe(304);

    const tags = new Set([etag]);
    const anonymous = await tracksGet(new Request('http://localhost/api/tracks?format=gpx'), { params: Promise.resolve({}) });
    for (const other of [await download('?format=kml'), await download(`?format=gpx&vessel=${all[0]!.vesselId}`), await download('?format=gpx&from=2024-01-01'), anonymous]) {
      expect(other.status).toBe(200);
      tags.add(other.headers.get('etag')!);
      await other.body?.cancel();
    }
    expect(tags.size).toBe(5);
    // The JSON answer's tag is another.
    expect((await download('')).headers.get('etag')).not.toBe(etag);

    await importFile('four.csv', 9, 1);
    const changed = await download('?format=gpx', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const text = await changed.text();
    expect(text.match(/<trkpt/g)!.length).toBeGreaterThan(fixes(all));
    expect((await download('?format=gpx', { 'if-none-match': changed.headers.get('etag')! })).status).toBe(304);
  }, 120_000);
});
