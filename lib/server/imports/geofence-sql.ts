/**
 * On PostgreSQL, the database answers which port's geofence each stored fix is in, as it reads a
 * vessel's track for detection (lib/server/imports/detect.ts, trackOf), so detection does not
 * test those fixes again (ClassifiedPoint in lib/core/track/types.ts).
 *
 * Detection's own answer (lib/core/geo/geofenceIndex.ts, equal to classifyPositionsNaive) is turf's
 * haversine on a sphere of 6,371,008.8 m: the port whose geofence holds the fix (distance ≤ radius),
 * the nearest when several do, the first listed at equal distances. PostGIS's distance on the
 * sphere (`use_spheroid` false; its WGS84 spheroid would differ by up to 0.5%) uses a radius of
 * 6,371,008.77 m and another formula, so the two agree to about 1e-8 of a distance, not to the
 * last bit. The database therefore settles only the fixes whose answer that cannot change:
 * - no port within radius × (1 + MARGIN) + MARGIN_NM: outside every geofence (null);
 * - the nearest such port clearly inside (distance < radius × (1 − MARGIN) − MARGIN_NM) and the
 *   next one clearly farther (by distance × MARGIN + MARGIN_NM): that port.
 * A fix within a millionth of the radius (and 2 mm) of a geofence's edge, or about as far from two
 * ports, is left unsettled and detection tests it itself, so the events are the same whichever
 * path ran (tests/unit/imports/geofence-sql.test.ts).
 *
 * The ports go in as arrays, the very list detection was given (not the ports table, which may have
 * changed since it was read). Detection's index works with longitude and latitude boxes around each
 * geofence, which do not wrap at ±180° nor reach over a pole; should any geofence come near either,
 * nothing is settled by the database (no such port exists today: the seeded ones are around Korea).
 *
 * The search is a hash join on grid cells (each port's cells against each fix's one), then
 * PostGIS's ST_DWithin and ST_Distance on the candidates only. Measured (scripts/bench/geofence-pg.ts,
 * 200,000 fixes of one vessel, 2 shared cores): read and settled in 0.37 s against 11 ports and
 * 0.42 s against 1,000, where reading them plainly takes 0.25 s and the app's index 0.01 s more. So
 * the database is not the faster path; it is the path that keeps the spatial test with the data.
 * positions' GiST index does not serve it (the fixes are read by vessel, every one of them), nor
 * would an expression index on geom::geography: the geography is made only for the candidates.
 */
import 'server-only';
import { sql } from 'kysely';
import type { GeofencedPort } from '@/lib/core/geo/types';
import type { ClassifiedPoint } from '@/lib/core/track/types';
import type { DB } from '@/lib/server/db';
import { isPostgres } from '@/lib/server/db/connection';

type Stored = ClassifiedPoint & { import_seq: number };

/** Relative margin around a geofence's edge and between two ports' distances (1e-6: a hundred times the two spheres' difference). */
const MARGIN = 1e-6;
/** Absolute margin, nautical miles (about 2 mm), for radii and distances near zero. */
const MARGIN_NM = 1e-6;
/** Degrees of latitude (and longitude) a geofence may not come within of ±180° or a pole, for its box to hold it. */
const EDGE_DEG = 1;
const NM_PER_DEG = 60;

/** The ports as the query takes them, or null when the database should settle nothing (see above). */
function portArrays(ports: readonly GeofencedPort[]): { ids: string[]; lons: number[]; lats: number[]; radii: number[] } | null {
  const out = { ids: [] as string[], lons: [] as number[], lats: [] as number[], radii: [] as number[] };
  for (const p of ports) {
    const [lon, lat] = p.position as [number, number];
    const r = p.geofenceRadiusNm;
    // The index skips a port whose geofence is not made of numbers: it holds no fix.
    if (!(Number.isFinite(lon) && Number.isFinite(lat) && Number.isFinite(r) && r >= 0)) continue;
    // Generous (2 × the radius, 1° more): a degree of latitude is 60 nm, and of longitude less.
    const reachDeg = (2 * r) / NM_PER_DEG + EDGE_DEG;
    const north = Math.abs(lat) + reachDeg;
    if (north >= 90 || Math.abs(lon) + reachDeg / Math.cos((north * Math.PI) / 180) >= 180) return null;
    out.ids.push(p.id);
    out.lons.push(lon);
    out.lats.push(lat);
    out.radii.push(r);
  }
  return out;
}

/**
 * The vessel's stored fixes from the imports `seqs`, in time order, each with `port` when the
 * database settled it (see above); null on SQLite, or when the ports do not allow it (the caller
 * reads the fixes itself and detection classifies them all).
 */
export async function classifiedTrack(db: DB, vesselId: string, seqs: readonly number[], ports: readonly GeofencedPort[]): Promise<Stored[] | null> {
  const arrays = isPostgres(db) ? portArrays(ports) : null;
  if (arrays === null) return null;
  // A grid of `cell` degrees, so that a fix meets only the ports near it (a hash join on the cell,
  // not every port per fix): the largest geofence spans a few cells, none under 0.05°.
  const cell = Math.max(0.05, (Math.max(0, ...arrays.radii) * 1.01) / NM_PER_DEG / 2);
  // pf: each port's geography, reach (metres: the radius and the margin) and its angle (degrees,
  // rounded up). cells: the cells (a number each) each port's reach may meet: within that angle of
  // its latitude, and of its longitude within asin(sin(angle) / cos(latitude)) (the widest a cap
  // gets; no cap comes near a pole, see portArrays). f: the fixes with their cells (made
  // geographies only where they meet a port's cell). k: per fix, the nearest two ports within
  // reach by PostGIS's distance on the sphere.
  const query = sql<{ t: number; lon: number; lat: number; sog: number | null; cog: number | null; import_seq: number; port: string | null; settled: boolean }>`
    with pf as materialized (
      select id, r, lon, lat, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography as g,
        (r * (1 + ${MARGIN}::float8) + ${MARGIN_NM}::float8) * 1852 as reach,
        degrees((r * (1 + ${MARGIN}::float8) + ${MARGIN_NM}::float8) * 1852 / 6371000) * 1.001 + 1e-9 as angle
      from unnest(${arrays.ids}::text[], ${arrays.lons}::float8[], ${arrays.lats}::float8[], ${arrays.radii}::float8[]) as p(id, lon, lat, r)
    ),
    cells as materialized (
      select pf.id, pf.r, pf.g, pf.reach, cy::bigint * 1000000 + cx as key
      from pf,
        lateral (select degrees(asin(least(1, sin(radians(pf.angle)) / cos(radians(abs(pf.lat)))))) * 1.001 + 1e-9 as angle_lon) w,
        generate_series(floor((pf.lat - pf.angle) / ${cell}::float8)::int, floor((pf.lat + pf.angle) / ${cell}::float8)::int) as cy,
        generate_series(floor((pf.lon - w.angle_lon) / ${cell}::float8)::int, floor((pf.lon + w.angle_lon) / ${cell}::float8)::int) as cx
    ),
    f as (
      select t, geom, floor(lat / ${cell}::float8)::bigint * 1000000 + floor(lon / ${cell}::float8)::bigint as key
      from positions where vessel_id = ${vesselId} and import_seq = any(${[...seqs]}::bigint[])
    ),
    k as (
      select t, (array_agg(id order by d))[1] as id1, min(d) as d1, (array_agg(r order by d))[1] as r1, (array_agg(d order by d))[2] as d2
      from (
        select f.t, c.id, c.r, ST_Distance(f.geom::geography, c.g, false) / 1852 as d
        from f join cells c on c.key = f.key
        where ST_DWithin(f.geom::geography, c.g, c.reach, false)
      ) near
      group by t
    )
    select p.t, p.lon, p.lat, p.sog, p.cog, p.import_seq, k.id1 as port,
      (k.d1 is null or (k.d1 < k.r1 * (1 - ${MARGIN}::float8) - ${MARGIN_NM}::float8 and (k.d2 is null or k.d2 > k.d1 * (1 + ${MARGIN}::float8) + ${MARGIN_NM}::float8))) as settled
    from positions p left join k on k.t = p.t
    where p.vessel_id = ${vesselId} and p.import_seq = any(${[...seqs]}::bigint[])
    order by p.t`;
  // Its estimated cost (the planner takes each generate_series for 1,000 rows) sets off JIT
  // compilation, half a second for a query of a fifth of that: off for this statement.
  const run = async (trx: DB) => {
    await sql`set local jit = off`.execute(trx);
    return query.execute(trx);
  };
  const { rows } = db.isTransaction ? await query.execute(db) : await db.transaction().execute(run);
  return rows.map((r) => {
    const point: Stored = { t: r.t, lon: r.lon, lat: r.lat, sog: r.sog, cog: r.cog, import_seq: r.import_seq };
    if (r.settled) point.port = r.port;
    return point;
  });
}
