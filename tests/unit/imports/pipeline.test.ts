import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/core/domain/permissions';
import { type DB, openReadyDatabase } from '@/lib/server/db';
import { createUser } from '@/lib/server/db/users';
import { readEvents } from '@/lib/server/imports/events';
import { startImport } from '@/lib/server/imports/start';
import { readTracks } from '@/lib/server/imports/tracks';
import { tempDatabase } from '../helpers';
import { vessels, writeCsv } from './track-files';

let tmp: ReturnType<typeof tempDatabase>;
let db: DB;
let actor: Actor;
let dir: string;

beforeAll(async () => {
  tmp = tempDatabase('pipeline');
  dir = fs.mkdtempSync(path.join(tmp.dir, 'files-'));
  db = await openReadyDatabase(tmp.target);
  const u = await createUser(db, { username: 'ed', role: 'editor', password: 'correct horse battery' });
  actor = { id: u.id, username: u.username, role: 'editor' };
});

afterAll(async () => {
  await db.destroy();
  tmp.cleanup();
});

async function importFile(file: string, extra: { vesselId?: string } = {}) {
  const started = await startImport(db, { file, fileName: file.split('/').pop()!, actor, ...extra });
  return started.run();
}

describe('importing a MarineCadastre CSV', () => {
  const [known, unknown] = vessels({ seed: 2, count: 2, itinerary: ['rajin', 'dunai', 'vostochny'], gapProbability: 0 });
  // The first ship carries the Angara's IMO (a seeded vessel); the second an MMSI no record holds.
  const ships = [{ ...known!, imo: '9179842' }, unknown!];
  const total = known!.points.length + unknown!.points.length;

  it('stores every fix, matches the known ship, drafts the unknown one, and cites its own source', async () => {
    const file = writeCsv(dir, 'two-ships.csv', ships, ['445000009,not a time,42.2,130.3,0,0,0,X,,,70,0,,,,,A']);
    const done = await importFile(file);
    expect(done.status).toBe('done');
    expect(done.rows).toBe(total + 1);
    expect(done.positionsAdded).toBe(total);
    expect(done.rejected).toBe(1);
    expect(done.rejectedSample[0]!.line).toBe(total + 2);
    expect(done.vessels.find((v) => v.id === 'angara')).toMatchObject({ matched: true });
    const drafted = done.vessels.find((v) => v.id !== 'angara')!;
    expect(drafted.matched).toBe(false);
    const vessel = await db.selectFrom('vessels').selectAll().where('id', '=', drafted.id).executeTakeFirstOrThrow();
    expect(vessel.status).toBe('draft');
    expect(vessel.mmsi).toBe(unknown!.mmsi);
    const source = await db.selectFrom('sources').selectAll().where('id', '=', done.sourceId!).executeTakeFirstOrThrow();
    expect(source).toMatchObject({ kind: 'import', status: 'draft', title: 'two-ships.csv', publisher: 'ed' });
    expect(source.notes).toContain(done.checksum);
  });

  it('detects the port calls and drafts a sighting per call and a voyage per leg, detected from AIS', async () => {
    const events = await readEvents(db, 'team', { vessel: 'angara', kind: 'port_call' });
    expect(events.map((e) => (e.kind === 'port_call' ? e.portId : ''))).toEqual(['rajin', 'dunai', 'vostochny']);
    const observations = await db.selectFrom('observations').selectAll().where('vessel_id', '=', 'angara').where('status', '=', 'draft').execute();
    expect(observations.map((o) => o.port_id).sort()).toEqual(['dunai', 'rajin', 'vostochny']);
    const voyages = await db.selectFrom('voyages').selectAll().where('vessel_id', '=', 'angara').where('status', '=', 'draft').execute();
    expect(voyages.map((v) => `${v.origin_port_id}>${v.destination_port_id}`).sort()).toEqual(['dunai>vostochny', 'rajin>dunai']);
    expect(voyages.every((v) => v.route_kind === 'observed' && JSON.parse(v.basis!).kind === 'detected_from_ais')).toBe(true);
  });

  it('adds nothing when the same file is imported again, and says which import it repeats', async () => {
    const before = await db.selectFrom('observations').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const again = await importFile(`${dir}/two-ships.csv`);
    expect(again.status).toBe('done');
    expect(again.duplicateOf).toEqual(expect.any(String));
    expect(again.positionsAdded).toBe(0);
    const after = await db.selectFrom('observations').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('adds only the new fixes of an overlapping file, and drafts nothing twice', async () => {
    const drafts = await db.selectFrom('track_drafts').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const file = writeCsv(dir, 'angara-only.csv', [{ ...known!, imo: '9179842' }]);
    const done = await importFile(file);
    expect(done.duplicateOf).toBeNull();
    expect(done.positionsAdded).toBe(0);
    const after = await db.selectFrom('track_drafts').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(drafts.n);
  });

  it('shows tracks of draft vessels and unpublished imports only to signed-in readers', async () => {
    expect((await readTracks(db, 'team')).map((t) => t.vesselId)).toContain('angara');
    expect(await readTracks(db, 'published')).toEqual([]);
    expect(await readEvents(db, 'published', {})).toEqual([]);
    const [track] = await readTracks(db, 'team', 'angara');
    expect(track!.t.length).toBe(known!.points.length);
    expect(track!.coords.length).toBe(2 * known!.points.length);
  });

  it('gives every fix to the vessel named by vessel=, whatever the rows say', async () => {
    const [ship] = vessels({ seed: 9, count: 1, itinerary: ['nakhodka', 'vladivostok'] });
    const done = await importFile(writeCsv(dir, 'forced.csv', [ship!]), { vesselId: 'lady-r' });
    expect(done.vessels).toEqual([{ id: 'lady-r', name: expect.any(String), matched: true }]);
    expect(done.drafts.vessels).toBe(0);
  });

  it('refuses an empty file and one in a format imports do not read, with the parser’s message', async () => {
    fs.writeFileSync(`${dir}/empty.csv`, '');
    fs.writeFileSync(`${dir}/picture.png`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    await expect(startImport(db, { file: `${dir}/empty.csv`, fileName: 'empty.csv', actor })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('empty') });
    await expect(startImport(db, { file: `${dir}/picture.png`, fileName: 'picture.png', actor })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('PNG') });
  });

  it('leaves nothing of an import cancelled part-way', async () => {
    const [ship] = vessels({ seed: 11, count: 1, fixesPerVessel: 45_000, gapProbability: 0 });
    const started = await startImport(db, { file: writeCsv(dir, 'cancelled.csv', [ship!]), fileName: 'cancelled.csv', actor });
    const controller = new AbortController();
    const ended = await started.run({ signal: controller.signal, onBatch: () => controller.abort() });
    expect(ended.status).toBe('cancelled');
    expect(ended.finishedAt).not.toBeNull();
    const seq = await db.selectFrom('imports').select('seq').where('id', '=', ended.id).executeTakeFirstOrThrow();
    const left = await db.selectFrom('positions').select(db.fn.countAll<number>().as('n')).where('import_seq', '=', seq.seq).executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
    expect(await db.selectFrom('sources').select('id').where('title', '=', 'cancelled.csv').execute()).toEqual([]);
  });
});

describe('importing the issue’s test track (leaving Rajin, 20 h silent, seen off Vostochny)', () => {
  it('leaves a draft voyage Rajin → Vostochny on the AIS track, though the track cuts the generalised coast', async () => {
    const done = await importFile('tests/fixtures/tracks/e2e/rajin-dark-vostochny.csv');
    expect(done.status).toBe('done');
    expect(done.drafts.voyages).toBe(1);
    const [vessel] = done.vessels;
    const voyages = await db.selectFrom('voyages').selectAll().where('vessel_id', '=', vessel!.id).execute();
    expect(voyages.map((v) => [v.origin_port_id, v.destination_port_id, v.status, v.route_kind])).toEqual([['rajin', 'vostochny', 'draft', 'observed']]);
    // The route is the track's own fixes (simplified), not a drawn sea route.
    expect(JSON.parse(voyages[0]!.route_geojson).coordinates.length).toBeGreaterThan(5);
  });
});

describe('a detected voyage the desk refuses', () => {
  it('is counted in the import’s report with the desk’s reason, and the rest of the import stands', async () => {
    // Three hours at Rajin, then straight over the land of North Korea and Russia to Vladivostok,
    // three hours there: a leg no observed route may draw.
    const line = (minutes: number, lat: number, lon: number, sog: number) =>
      `445111222,${new Date(Date.UTC(2024, 4, 1) + minutes * 60_000).toISOString().slice(0, 19)},${lat},${lon},${sog},0,511,OVERLAND,,,70,0,,,,,A`;
    const lines = ['MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass'];
    for (let m = 0; m <= 180; m += 10) lines.push(line(m, 42.2333, 130.3, 0.1));
    for (let k = 1; k < 20; k++) lines.push(line(180 + k * 20, 42.2333 + (0.8756 * k) / 20, 130.3 + (1.5883 * k) / 20, 12));
    for (let m = 580; m <= 760; m += 10) lines.push(line(m, 43.1089, 131.8883, 0.1));
    const file = `${dir}/overland.csv`;
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const done = await importFile(file);
    expect(done.status).toBe('done');
    expect(done.events.portCalls).toBe(2);
    expect(done.drafts.observations).toBe(2);
    expect(done.drafts.voyages).toBe(0);
    expect(done.drafts.refused).toBe(1);
    expect(done.drafts.refusedReasons).toEqual([expect.stringMatching(/^Voyage rajin 2024-05-01 03:00 → vladivostok 2024-05-01 09:40 UTC: Field "observedRoute" is invalid: crosses land/)]);
  });
});
