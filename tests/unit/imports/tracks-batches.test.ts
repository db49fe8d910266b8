/**
 * GET /api/tracks over more vessels than one batch (lib/server/imports/tracks.ts reads them on
 * PostgreSQL a few vessels per query, growing from one to 64): the JSON answer and the GPX and KML
 * downloads are the very bytes the formats make from every track at once, the tracks being those
 * each vessel's own request answers (one vessel, one batch), in the vessels' order.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tracksGpxPieces } from '@/lib/core/domain/format-gpx';
import { tracksKmlPieces } from '@/lib/core/domain/format-kml';
import { tracksJsonPieces } from '@/lib/core/domain/format-tracks-json';
import type { TrackDto } from '@/lib/core/track/types';
import { openTeamDatabase } from '../helpers';
import { vessels, writeCsv } from './track-files';

type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
let team: Awaited<ReturnType<typeof openTeamDatabase>>;
let tracksGet: Handler;
let dir: string;
/** More than the first batches' 1 + 2 + 4 + 8 + 16 + 32 vessels. */
const VESSELS = 70;

const text = async (query: string) => {
  const res = await tracksGet(new Request(`http://localhost/api/tracks${query}`, { headers: { cookie: team.cookies.editor } }), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  return res.text();
};

beforeAll(async () => {
  team = await openTeamDatabase('tracks-batches');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wakeline-files-'));
  const { getDb } = await import('@/lib/server/db');
  const { startImport } = await import('@/lib/server/imports/start');
  const file = writeCsv(dir, 'many.csv', vessels({ seed: 21, count: VESSELS, itinerary: ['rajin', 'dunai'], fixesPerVessel: 30 }));
  const started = await startImport(await getDb(), { file, fileName: 'many.csv', actor: { id: team.ids.editor, username: 'ed', role: 'editor' } });
  expect((await started.run()).status).toBe('done');
  tracksGet = (await import('@/app/api/tracks/route')).GET as unknown as Handler;
}, 180_000);

afterAll(async () => {
  await team.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('answers the same bytes as the formats over every vessel’s own track, in JSON, GPX and KML', async () => {
  const all = (JSON.parse(await text('')) as { tracks: TrackDto[] }).tracks;
  expect(all).toHaveLength(VESSELS);
  // In the vessels' order (by name, then id), as every vessel's track is read.
  const { getDb } = await import('@/lib/server/db');
  const { visibleImports, visibleTrackVessels } = await import('@/lib/server/imports/visible');
  const db = await getDb();
  const order = await visibleTrackVessels(db, 'team', await visibleImports(db, 'team'));
  expect(all.map((t) => t.vesselId)).toEqual(order.map((v) => v.id));
  const own: TrackDto[] = [];
  for (const { vesselId } of all) own.push(...(JSON.parse(await text(`?vessel=${vesselId}`)) as { tracks: TrackDto[] }).tracks);
  expect(own.map((t) => t.vesselId)).toEqual(all.map((t) => t.vesselId));
  expect(own.every((t) => t.t.length > 0)).toBe(true);
  expect(await text('')).toBe([...tracksJsonPieces(own)].join(''));
  expect(await text('?format=gpx')).toBe([...tracksGpxPieces(own)].join(''));
  expect(await text('?format=kml')).toBe([...tracksKmlPieces(own)].join(''));
}, 120_000);
