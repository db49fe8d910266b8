/**
 * Every export as GDAL reads it: the voyage downloads answered by the real route on the seeded
 * temporary database, and the track writers on sample tracks, written to a temp dir and read back
 * with `ogrinfo` (the reader behind QGIS and ogr2ogr), checking layer names, field types and counts.
 *
 * Needs GDAL's command-line tools (Debian: gdal-bin; .ci/run installs it). Without `ogrinfo` the
 * tests are skipped on a developer's machine, but fail under CI=true, so CI never passes untested.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import seedVoyages from '@/data/seed/voyages.json';
import { tracksToGpx } from '@/lib/core/domain/format-gpx';
import { tracksToKml } from '@/lib/core/domain/format-kml';
import { resetConfigForTests } from '@/lib/server/config';
import { tempDatabase } from '../helpers';
import { tracks } from './samples';

function hasOgrinfo(): boolean {
  try {
    execFileSync('ogrinfo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const available = hasOgrinfo();
if (!available && process.env.CI === 'true') {
  throw new Error('gdal.test: ogrinfo is missing under CI=true; install the Debian package gdal-bin (.ci/run does)');
}

interface Layer {
  features: number;
  fields: Record<string, string>;
  geometry: string;
}

/** `ogrinfo -al -so` read into layers: their feature counts, geometry type and field types (with a subtype: `String(JSON)`). */
function ogrSummary(file: string): Record<string, Layer> {
  const out = execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });
  const layers: Record<string, Layer> = {};
  let current: Layer | null = null;
  for (const line of out.split('\n')) {
    const name = /^Layer name: (.+)$/.exec(line);
    if (name) layers[name[1]!] = current = { features: -1, fields: {}, geometry: '' };
    if (!current) continue;
    const count = /^Feature Count: (\d+)$/.exec(line);
    if (count) current.features = Number(count[1]);
    const geometry = /^Geometry: (.+)$/.exec(line);
    if (geometry) current.geometry = geometry[1]!;
    const field = /^(\w+): (\w+(?:\(\w+\))?) \(/.exec(line);
    if (field && !['Layer', 'Geometry', 'Feature', 'Extent'].includes(field[1]!)) current.fields[field[1]!] = field[2]!;
  }
  return layers;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-gdal-'));
let tmp: ReturnType<typeof tempDatabase>;
type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
let voyagesGet: Handler;

/** Saves one download of /api/voyages under the name the browser would give it. */
async function download(query: string, name: string): Promise<string> {
  const res = await voyagesGet(new Request(`http://localhost/api/voyages${query}`), { params: Promise.resolve({}) });
  expect(res.status, query).toBe(200);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await res.text());
  return file;
}

describe.skipIf(!available)('exports read by GDAL (ogrinfo)', () => {
  beforeAll(async () => {
    tmp = tempDatabase('gdal');
    process.env.DATABASE_URL = tmp.url;
    resetConfigForTests();
    voyagesGet = (await import('@/app/api/voyages/route')).GET as unknown as Handler;
  }, 60_000);

  afterAll(async () => {
    const { getDb } = await import('@/lib/server/db');
    await (await getDb()).destroy();
    tmp.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the CSV with its .csvt as typed columns: dates as Date, metrics as Real', async () => {
    const csv = await download('?format=csv', 'wakeline-voyages.csv');
    await download('?format=csvt', 'wakeline-voyages.csvt');
    const layer = ogrSummary(csv)['wakeline-voyages']!;
    expect(layer.features).toBe(seedVoyages.length);
    expect(layer.fields).toMatchObject({ id: 'String', vessel: 'String', departure_earliest: 'Date', arrival_latest: 'Date', route_nm: 'Real', min_hours: 'Real', max_knots: 'Real' });
  });

  it('reads the CSV without its .csvt as text, which is why the .csvt exists', async () => {
    const alone = path.join(dir, 'alone.csv');
    fs.copyFileSync(path.join(dir, 'wakeline-voyages.csv'), alone);
    expect(ogrSummary(alone).alone!.fields.route_nm).toBe('String');
  });

  it('reads the flat GeoJSON as typed columns, and the map\'s nested GeoJSON as JSON strings', async () => {
    const layer = ogrSummary(await download('?format=geojson-flat', 'flat.geojson')).flat!;
    expect(layer.features).toBe(seedVoyages.length);
    expect(layer.geometry).toBe('Line String');
    expect(layer.fields).toMatchObject({
      vessel_name: 'String',
      vessel_imo: 'String',
      origin_id: 'String',
      departure_earliest: 'Date',
      arrival_latest: 'Date',
      great_circle_nm: 'Real',
      route_nm: 'Real',
      min_hours: 'Real',
      min_knots: 'Real',
      crosses_land: 'Integer',
      version: 'Integer',
      sources: 'String',
    });
    const nested = ogrSummary(await download('?format=geojson', 'nested.geojson')).nested!;
    expect(nested.fields).toMatchObject({ vessel: 'String(JSON)', departure: 'String(JSON)', metrics: 'String(JSON)' });
  });

  it('reads the KML as one layer of voyages with typed ExtendedData and time spans', async () => {
    const layers = ogrSummary(await download('?format=kml', 'wakeline-voyages.kml'));
    expect(Object.keys(layers)).toEqual(['voyages']);
    expect(layers.voyages!.features).toBe(seedVoyages.length);
    expect(layers.voyages!.fields).toMatchObject({ begin: 'DateTime', end: 'DateTime', vessel_name: 'String', route_nm: 'Real', min_hours: 'Real', version: 'Integer', departure_earliest: 'String' });
  });

  it('reads the GPX as one track per voyage, the windows and metrics as extension fields, no point times', async () => {
    const file = await download('?format=gpx', 'wakeline-voyages.gpx');
    const layers = ogrSummary(file);
    expect(layers.tracks!.features).toBe(seedVoyages.length);
    expect(layers.tracks!.fields).toMatchObject({ name: 'String', desc: 'String', type: 'String', wakeline_departure_earliest: 'String', wakeline_route_nm: 'Real', wakeline_min_hours: 'Real', wakeline_version: 'Integer' });
    expect(layers.waypoints!.features).toBe(0);
    const points = execFileSync('ogrinfo', ['-ro', '-q', file, 'track_points'], { encoding: 'utf8' });
    expect(points).not.toMatch(/time \(DateTime\) = \d/);
  });

  it('keeps the filters: a vessel filter narrows every download alike', async () => {
    const vessel = seedVoyages[0]!.vesselId!;
    const expected = seedVoyages.filter((v) => v.vesselId === vessel).length;
    expect(ogrSummary(await download(`?format=kml&vessel=${vessel}`, 'one.kml')).voyages!.features).toBe(expected);
    expect(ogrSummary(await download(`?format=gpx&vessel=${vessel}`, 'one.gpx')).tracks!.features).toBe(expected);
  });

  it('reads the tracks GPX with a DateTime on every point and a segment per stretch', () => {
    const file = path.join(dir, 'tracks.gpx');
    fs.writeFileSync(file, tracksToGpx(tracks));
    const layers = ogrSummary(file);
    expect(layers.tracks!.features).toBe(2);
    expect(layers.track_points!.features).toBe(5);
    expect(layers.track_points!.fields).toMatchObject({ time: 'DateTime', wakeline_sog_knots: 'Real' });
    const points = execFileSync('ogrinfo', ['-ro', '-q', file, 'track_points'], { encoding: 'utf8' });
    expect(points.match(/time \(DateTime\) = 2024\/04\/0\d \d\d:\d\d:00\+00/g)).toHaveLength(5);
    expect(points).toContain('track_seg_id (Integer) = 1');
  });

  it('reads the tracks KML gx:Tracks as lines with their time span and typed fields', () => {
    const file = path.join(dir, 'tracks.kml');
    fs.writeFileSync(file, tracksToKml(tracks));
    const layer = ogrSummary(file).tracks!;
    expect(layer.features).toBe(2);
    expect(layer.fields).toMatchObject({ begin: 'DateTime', end: 'DateTime', vessel_id: 'String', fixes: 'Integer' });
    const all = execFileSync('ogrinfo', ['-ro', '-q', file, 'tracks'], { encoding: 'utf8' });
    expect(all).toContain('MULTILINESTRING Z ((130.3 42.25 0,130.4 42.3 0),(132.9 42.75 0,132.95 42.8 0))');
    expect(all).toContain('begin (DateTime) = 2024/04/02 00:00:00+00');
  });
});
