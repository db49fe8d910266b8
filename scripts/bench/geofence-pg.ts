/**
 * Geofence classification of stored fixes on PostgreSQL: the database settling them as it reads a
 * vessel's track (lib/server/imports/geofence-sql.ts) against reading the track plainly and
 * classifying it in the app (lib/core/geo/geofenceIndex.ts), over the same 200,000 seeded fixes of
 * one vessel (uniform over the region, as scripts/bench/geofence.ts), against the 11 real ports
 * and against 1,000 (the real ones and seeded 1–3 nm geofences). Best of 3 timings; checks that
 * the settled answers are the app's and that detection gives the same events both ways. Writes
 * bench-results/geofence-pg.json (git-ignored). Needs PostgreSQL with PostGIS (a throwaway cluster);
 * `npm run bench` runs it after scripts/bench/geofence.ts unless WAKELINE_SKIP_POSTGRES=1.
 *
 * Run: npx tsx --conditions=react-server scripts/bench/geofence-pg.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { geofenceIndex } from '../../lib/core/geo';
import { openReadyDatabase } from '../../lib/server/db';
import { ensureMonthPartitions } from '../../lib/server/db/partitions';
import { detect, trackOf } from '../../lib/server/imports/detect';
import { mulberry32 } from './random';
import { BBOX, realPorts, seededPorts } from './ports';
import { benchDatabase } from './server';

const N = 200_000;
const SEED = 0x5eed;
const RUNS = 3;
const root = path.resolve(__dirname, '../..');
const real = realPorts;
const rand = mulberry32(SEED);
const many = seededPorts(1000, rand);

async function best<T>(fn: () => Promise<T> | T): Promise<{ value: T; seconds: number }> {
  let value!: T;
  let seconds = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t = process.hrtime.bigint();
    value = await fn();
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return { value, seconds };
}

async function main(): Promise<void> {
  const target = await benchDatabase('postgres');
  try {
    const db = await openReadyDatabase(target.url);
    const t0 = Date.UTC(2024, 0, 1);
    const rows = Array.from({ length: N }, (_, i) => ({
      vessel_id: 'bench',
      t: t0 + i * 60_000,
      import_seq: 1,
      lon: BBOX[0] + rand() * (BBOX[2] - BBOX[0]),
      lat: BBOX[1] + rand() * (BBOX[3] - BBOX[1]),
      sog: rand() < 0.5 ? 0.5 : 12,
      cog: null,
    }));
    // In their month partitions, as an import writes them.
    await ensureMonthPartitions(db, rows[0]!.t, rows[N - 1]!.t);
    for (let i = 0; i < rows.length; i += 5000) await db.insertInto('positions').values(rows.slice(i, i + 5000)).execute();
    await sql`analyze positions`.execute(db);

    const cases = [];
    for (const ports of [real, many]) {
      const plain = await best(() => trackOf(db, 'bench', [1]));
      const app = await best(() => {
        const index = geofenceIndex(ports);
        return plain.value.map((p) => index.classifyLonLat(p.lon, p.lat));
      });
      const inDb = await best(() => trackOf(db, 'bench', [1], undefined, ports));
      const settled = inDb.value.filter((p) => p.port !== undefined);
      const mismatches = inDb.value.filter((p, i) => p.port !== undefined && p.port !== app.value[i]).length;
      const sameEvents = JSON.stringify(detect(inDb.value, ports)) === JSON.stringify(detect(plain.value, ports));
      cases.push({
        ports: ports.length,
        insideAnyGeofence: app.value.filter((x) => x !== null).length,
        readSeconds: plain.seconds,
        appClassifySeconds: app.seconds,
        readAndSettleInDatabaseSeconds: inDb.seconds,
        settledByDatabase: settled.length,
        mismatches,
        sameEvents,
      });
    }
    await db.destroy();
    const result = { date: new Date().toISOString(), machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, loadAverage1m: os.loadavg()[0] ?? 0 }, fixes: N, seed: SEED, timing: `best of ${RUNS}`, cases };
    for (const c of cases) {
      console.log(
        `${c.ports} ports, ${N.toLocaleString('en')} fixes (${c.insideAnyGeofence} in a geofence): read ${c.readSeconds.toFixed(3)} s + app ${c.appClassifySeconds.toFixed(3)} s; ` +
          `read and settled by PostGIS ${c.readAndSettleInDatabaseSeconds.toFixed(3)} s (${c.settledByDatabase} settled, ${c.mismatches} mismatches, same events: ${c.sameEvents})`,
      );
    }
    fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'bench-results/geofence-pg.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    target.remove();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
