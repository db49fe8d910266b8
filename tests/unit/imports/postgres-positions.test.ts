import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DB, openReadyDatabase } from '@/lib/server/db';
import { createUser } from '@/lib/server/db/users';
import { startImport } from '@/lib/server/imports/start';
import { onPostgres, tempDatabase } from '../helpers';
import { vessels, writeCsv } from './track-files';

/** PostgreSQL only (issue 13): positions in month partitions with a PostGIS point the database makes. */
describe.skipIf(!onPostgres)('positions on PostgreSQL', () => {
  let tmp: ReturnType<typeof tempDatabase>;
  let db: DB;

  beforeAll(async () => {
    tmp = tempDatabase('pg-positions');
    db = await openReadyDatabase(tmp.target);
    const u = await createUser(db, { username: 'ed', role: 'editor', password: 'correct horse battery' });
    const dir = fs.mkdtempSync(path.join(tmp.dir, 'files-'));
    const file = writeCsv(dir, 'months.csv', vessels({ seed: 7, count: 2, itinerary: ['rajin', 'dunai', 'rajin', 'vostochny'], fixesPerVessel: 3000 }));
    const done = await (await startImport(db, { file, fileName: 'months.csv', actor: { id: u.id, username: u.username, role: 'editor' } })).run();
    expect(done.status).toBe('done');
  });

  afterAll(async () => {
    await db.destroy();
    tmp.cleanup();
  });

  it('puts each month’s fixes in a partition of that month, none in the default', async () => {
    const { rows } = await sql<{ part: string; n: number; lo: number; hi: number }>`
      select tableoid::regclass::text as part, count(*) as n, min(t) as lo, max(t) as hi from positions group by 1 order by 1`.execute(db);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.part)).not.toContain('positions_default');
    for (const r of rows) {
      const [, y, m] = /^positions_(\d{4})_(\d{2})$/.exec(r.part)!;
      expect(new Date(r.lo).toISOString().slice(0, 7)).toBe(`${y}-${m}`);
      expect(new Date(r.hi).toISOString().slice(0, 7)).toBe(`${y}-${m}`);
    }
    const months = await sql<{ n: number }>`select count(distinct to_char(to_timestamp(t / 1000.0) at time zone 'utc', 'YYYY-MM')) as n from positions`.execute(db);
    expect(rows).toHaveLength(Number(months.rows[0]!.n));
    const total = await db.selectFrom('positions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(rows.reduce((s, r) => s + Number(r.n), 0)).toBe(Number(total.n));
  });

  it('keeps a PostGIS point of each fix’s lon and lat, found through the GiST index', async () => {
    const one = await sql<{ lon: number; lat: number; x: number; y: number; srid: number }>`
      select lon, lat, ST_X(geom) as x, ST_Y(geom) as y, ST_SRID(geom) as srid from positions limit 1`.execute(db);
    const r = one.rows[0]!;
    expect([r.x, r.y, r.srid]).toEqual([r.lon, r.lat, 4326]);
    // Fixes within 20 km of Rajin's harbour, by the index.
    const near = await sql<{ n: number }>`
      select count(*) as n from positions where ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(130.3, 42.25), 4326)::geography, 20000)`.execute(db);
    expect(Number(near.rows[0]!.n)).toBeGreaterThan(0);
    const indexes = await sql<{ indexdef: string }>`select indexdef from pg_indexes where tablename = 'positions'`.execute(db);
    expect(indexes.rows.map((i) => i.indexdef).join('\n')).toMatch(/USING gist \(geom\)/);
  });
});
