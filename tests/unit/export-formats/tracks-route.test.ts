/**
 * GET /api/tracks?format=gpx|kml on a real import: a synthetic MarineCadastre CSV imported into a
 * temporary database, then downloaded as a signed-in reader (imported tracks are drafts until
 * reviewed), checked against the JSON answer and, where GDAL is installed, read back by ogrinfo.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tracksToGpx } from '@/lib/core/domain/format-gpx';
import { tracksToKml } from '@/lib/core/domain/format-kml';
import type { TrackDto } from '@/lib/core/track/types';
import { openTeamDatabase } from '../helpers';
import { vessels, writeCsv } from '../imports/track-files';
import { texts, xmlProblems } from './xml-check';

type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
let team: Awaited<ReturnType<typeof openTeamDatabase>>;
let tracksGet: Handler;
let dir: string;
let json: TrackDto[];

const hasOgrinfo = (() => {
  try {
    execFileSync('ogrinfo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

async function get(query: string): Promise<Response> {
  return tracksGet(new Request(`http://localhost/api/tracks${query}`, { headers: { cookie: team.cookies.editor } }), { params: Promise.resolve({}) });
}

beforeAll(async () => {
  team = await openTeamDatabase('tracks-export');
  const { getDb } = await import('@/lib/server/db');
  const { startImport } = await import('@/lib/server/imports/start');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-files-'));
  const ships = vessels({ seed: 7, count: 2, itinerary: ['rajin', 'dunai'], fixesPerVessel: 60 });
  const file = writeCsv(dir, 'two.csv', ships);
  const started = await startImport(await getDb(), { file, fileName: 'two.csv', actor: { id: team.ids.editor, username: 'ed', role: 'editor' } });
  expect((await started.run()).status).toBe('done');
  tracksGet = (await import('@/app/api/tracks/route')).GET as unknown as Handler;
  json = ((await (await get('')).json()) as { tracks: TrackDto[] }).tracks;
}, 120_000);

afterAll(async () => {
  await team.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/tracks?format=', () => {
  it('answers GPX with every fix of the JSON answer, each with its time', async () => {
    const res = await get('?format=gpx');
    expect(res.headers.get('content-type')).toBe('application/gpx+xml');
    expect(res.headers.get('content-disposition')).toContain('wakeline-tracks.gpx');
    const gpx = await res.text();
    expect(xmlProblems(gpx)).toEqual([]);
    const fixes = json.reduce((n, t) => n + t.t.length, 0);
    expect(json.length).toBe(2);
    expect(gpx.match(/<trkpt /g)).toHaveLength(fixes);
    expect(texts(gpx, 'time')).toEqual(json.flatMap((t) => t.t.map((s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z'))));
  });

  it('answers KML with a when per gx:coord', async () => {
    const kml = await (await get('?format=kml')).text();
    expect(xmlProblems(kml)).toEqual([]);
    expect(texts(kml, 'when')).toHaveLength(json.reduce((n, t) => n + t.t.length, 0));
    expect(kml.match(/<Placemark>/g)).toHaveLength(2);
  });

  it('streams the downloads in pieces, the same text the whole-file writers make of the JSON answer', async () => {
    for (const [format, whole] of [
      ['gpx', tracksToGpx],
      ['kml', tracksToKml],
    ] as const) {
      const reader = (await get(`?format=${format}`)).body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let pieces = 0;
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        text += decoder.decode(r.value, { stream: true });
        pieces++;
      }
      expect(pieces).toBeGreaterThan(2);
      expect(text).toBe(whole(json));
    }
  });

  it('follows the filters', async () => {
    const gpx = await (await get(`?format=gpx&vessel=${json[0]!.vesselId}`)).text();
    expect(gpx).toBe(tracksToGpx([json[0]!]));
    expect(await (await get('?format=kml&from=2099-01-01')).text()).toBe(tracksToKml([]));
  });

  it('refuses an unknown format naming the field', async () => {
    const res = await get('?format=shp');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('format');
  });

  it.skipIf(!hasOgrinfo)('is read by GDAL as tracks and timed track points', async () => {
    const file = path.join(dir, 'wakeline-tracks.gpx');
    fs.writeFileSync(file, await (await get('?format=gpx')).text());
    const out = execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });
    expect(out).toMatch(/Layer name: tracks\n[^]*?Feature Count: 2\n/);
    expect(out).toMatch(new RegExp(`Layer name: track_points\\n[^]*?Feature Count: ${json.reduce((n, t) => n + t.t.length, 0)}\\n`));
    expect(out).toMatch(/time: DateTime/);
  });
});
