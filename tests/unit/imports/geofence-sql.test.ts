/**
 * PostgreSQL only (issue 13): the database settles which geofence each stored fix is in
 * (lib/server/imports/geofence-sql.ts) and detection takes its answer; the events must be those
 * detection makes classifying every fix itself. A fixture track calls at a port (with fixes just
 * inside and just outside its radius, and some closer to the edge than the two spheres can tell
 * apart) and at two ports whose geofences overlap; then random fixes near many overlapping
 * geofences (some far north, where a geofence is wide in longitude), at distances close to their radii.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyPositionsNaive, type GeofencedPort } from '@/lib/core/geo';
import { mulberry32 } from '@/lib/core/track/mulberry32';
import type { TrackPoint } from '@/lib/core/track/types';
import { type DB, openReadyDatabase } from '@/lib/server/db';
import { createUser } from '@/lib/server/db/users';
import { detect, detectionPorts, trackOf, type StoredPoint } from '@/lib/server/imports/detect';
import { startImport } from '@/lib/server/imports/start';
import { onPostgres, tempDatabase } from '../helpers';
import { vessels, writeCsv } from './track-files';

const R_NM = 6_371_008.8 / 1852;
const RAD = Math.PI / 180;
const SEQ = 1;

/** The position `nm` nautical miles from `from` on `bearing` (degrees), on turf's sphere. */
function toward(from: readonly [number, number], bearing: number, nm: number): [number, number] {
  const [lon, lat] = [from[0] * RAD, from[1] * RAD];
  const d = nm / R_NM;
  const b = bearing * RAD;
  const lat2 = Math.asin(Math.sin(lat) * Math.cos(d) + Math.cos(lat) * Math.sin(d) * Math.cos(b));
  const lon2 = lon + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat), Math.cos(d) - Math.sin(lat) * Math.sin(lat2));
  return [lon2 / RAD, lat2 / RAD];
}

const A: GeofencedPort = { id: 'a', position: [130.3, 42.233333], geofenceRadiusNm: 3 };
// Centres 2.2 nm apart: their 2 nm geofences overlap.
const B: GeofencedPort = { id: 'b', position: [131, 42.5], geofenceRadiusNm: 2 };
const C: GeofencedPort = { id: 'c', position: toward([131, 42.5], 90, 2.2), geofenceRadiusNm: 2 };
const PORTS = [A, B, C];
const naive = (p: StoredPoint) => classifyPositionsNaive([[p.lon, p.lat]], PORTS)[0];
const withoutPort = (points: readonly StoredPoint[]): TrackPoint[] => points.map(({ t, lon, lat, sog, cog }) => ({ t, lon, lat, sog, cog }));

describe.skipIf(!onPostgres)('geofences settled by PostGIS', () => {
  let tmp: ReturnType<typeof tempDatabase>;
  let db: DB;

  const store = async (vesselId: string, fixes: [number, number][], stepMs: number, sog: (i: number) => number | null) => {
    const rows = fixes.map(([lon, lat], i) => ({ vessel_id: vesselId, t: 1_700_000_000_000 + i * stepMs, import_seq: SEQ, lon, lat, sog: sog(i), cog: null }));
    for (let i = 0; i < rows.length; i += 1000) await db.insertInto('positions').values(rows.slice(i, i + 1000)).execute();
  };

  beforeAll(async () => {
    tmp = tempDatabase('geofence-sql');
    db = await openReadyDatabase(tmp.target);
  });

  afterAll(async () => {
    await db.destroy();
    tmp.cleanup();
  });

  it('settles the clear fixes as detection would, leaves the edge ones to it, and the events are the same', async () => {
    const r = A.geofenceRadiusNm;
    const sea: [number, number][] = [[129.5, 41.5], [129.8, 41.8], [130.1, 42.1]];
    // At A, slow, 10 minutes apart: inside, then 1.85 m inside and outside the edge, then 1e-9 of
    // the radius either side (the spheres differ by 4.5e-9: only the app can tell), then inside.
    const atA: [number, number][] = [
      ...Array.from({ length: 12 }, (_, i) => toward(A.position as [number, number], i * 30, 0.2 * i)),
      toward(A.position as [number, number], 45, r - 0.001),
      toward(A.position as [number, number], 50, r + 0.001),
      ...Array.from({ length: 12 }, (_, i) => toward(A.position as [number, number], i * 30, 1 + 0.1 * i)),
      toward(A.position as [number, number], 135, r * (1 - 1e-9)),
      toward(A.position as [number, number], 140, r * (1 + 1e-9)),
      ...Array.from({ length: 15 }, (_, i) => toward(A.position as [number, number], 200 + i * 5, 2)),
    ];
    const mid = toward(B.position as [number, number], 90, 1.1);
    // In the overlap of B and C: nearer B, nearer C, and midway (equal distances: the first listed).
    const overlap: [number, number][] = [
      ...Array.from({ length: 15 }, (_, i) => toward(mid, 0, (i - 7) * 0.1).map((x, k) => (k === 0 ? x - 0.002 : x)) as [number, number]),
      ...Array.from({ length: 15 }, (_, i) => toward(mid, 180, (i - 7) * 0.1).map((x, k) => (k === 0 ? x + 0.002 : x)) as [number, number]),
      mid,
      ...Array.from({ length: 15 }, () => toward(B.position as [number, number], 270, 1)),
    ];
    const fixes = [...sea, ...atA, ...sea.slice().reverse(), [130.6, 42.4] as [number, number], ...overlap, [131.5, 42.2] as [number, number]];
    await store('fixture', fixes, 600_000, (i) => (i < sea.length ? 12 : 0.3));

    const points = await trackOf(db, 'fixture', [SEQ], undefined, PORTS);
    expect(points.map((p) => [p.lon, p.lat])).toEqual(fixes);
    const settled = points.filter((p) => p.port !== undefined);
    expect(settled.length).toBeGreaterThan(points.length - 10);
    for (const p of settled) expect(p.port, JSON.stringify(p)).toBe(naive(p));
    // The ones 1.85 m from the edge are settled; those 1e-9 of the radius from it, and midway between B and C, are not.
    const index = (pos: [number, number]) => fixes.findIndex((f) => f === pos);
    const at = (k: number) => points[sea.length + k]!;
    expect([at(12).port, at(13).port]).toEqual(['a', null]);
    expect([at(26).port, at(27).port]).toEqual([undefined, undefined]);
    expect([naive(at(26)), naive(at(27))]).toEqual(['a', null]);
    expect(points[index(mid)]!.port).toBeUndefined();
    expect(new Set(settled.map((p) => p.port))).toEqual(new Set(['a', 'b', 'c', null]));

    const events = detect(points, PORTS);
    expect(events).toEqual(detect(withoutPort(points), PORTS));
    expect(events.filter((e) => e.kind === 'port_call').map((e) => e.kind === 'port_call' && e.portId)).toEqual(['a', 'a', 'a', 'b', 'c', 'b']);
  });

  it('settles random fixes near many overlapping geofences as the app classifies them', async () => {
    const rand = mulberry32(13);
    // Forty around Korea, and ten far north with wide geofences (a degree of longitude there is a third of one of latitude).
    const ports: GeofencedPort[] = Array.from({ length: 50 }, (_, i) => ({
      id: `p${i}`,
      position: i < 40 ? [130 + rand() * 2, 42 + rand()] : [20 + rand() * 5, 65 + rand() * 5],
      geofenceRadiusNm: i < 40 ? 0.5 + rand() * 5 : 5 + rand() * 15,
    }));
    const offsets = [-0.5, -0.01, -1e-4, -1e-7, -1e-9, 0, 1e-9, 1e-7, 1e-4, 0.01, 0.5];
    const fixes = Array.from({ length: 5000 }, () => {
      const port = ports[Math.floor(rand() * ports.length)]!;
      const nm = port.geofenceRadiusNm * (1 + offsets[Math.floor(rand() * offsets.length)]!);
      return toward(port.position as [number, number], rand() * 360, nm);
    });
    await store('random', fixes, 60_000, () => 0.5);
    const points = await trackOf(db, 'random', [SEQ], undefined, ports);
    const app = classifyPositionsNaive(fixes, ports);
    let settled = 0;
    points.forEach((p, i) => {
      if (p.port === undefined) return;
      settled += 1;
      expect(p.port, `fix ${i}`).toBe(app[i]);
    });
    // Five offsets in eleven are within 1e-7 of the radius: those (and near-ties) go to the app.
    expect(settled).toBeGreaterThan(points.length * 0.5);
    expect(settled).toBeLessThan(points.length);
    expect(detect(points, ports)).toEqual(detect(withoutPort(points), ports));
  });

  it('stores, after an import that adds to a track, the events detection makes classifying every fix itself', async () => {
    const u = await createUser(db, { username: 'ed', role: 'editor', password: 'correct horse battery' });
    const [ship] = vessels({ seed: 5, count: 1, itinerary: ['rajin', 'dunai', 'rajin'], fixesPerVessel: 900 });
    const half = Math.floor(ship!.points.length / 2);
    const dir = tmp.dir;
    // The second import's detection reads the first's fixes with their geofences settled by the database.
    for (const [name, points] of [['first.csv', ship!.points.slice(0, half)], ['second.csv', ship!.points.slice(half)]] as const) {
      const file = writeCsv(dir, name, [{ ...ship!, points }]);
      const done = await (await startImport(db, { file, fileName: name, actor: { id: u.id, username: u.username, role: 'editor' } })).run();
      expect(done.status).toBe('done');
    }
    const imports = await db.selectFrom('imports').select(['seq', 'vessel_ids']).where('status', '=', 'done').orderBy('seq').execute();
    expect(imports).toHaveLength(2);
    const vesselId = (JSON.parse(imports[0]!.vessel_ids) as string[])[0]!;
    const ports = await detectionPorts(db);
    const first = await trackOf(db, vesselId, [imports[0]!.seq], undefined, ports);
    expect(first.filter((p) => p.port !== undefined).length).toBeGreaterThan(half * 0.9);
    const whole = await trackOf(db, vesselId, imports.map((i) => i.seq));
    const expected = detect(whole, ports);
    expect(expected.some((e) => e.kind === 'port_call')).toBe(true);
    const stored = await db.selectFrom('track_events').select('data').where('vessel_id', '=', vesselId).execute();
    expect(stored.map((r) => r.data).sort()).toEqual(expected.map((e) => JSON.stringify(e)).sort());
  }, 60_000);
});
