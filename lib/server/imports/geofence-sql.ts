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
 * A fix within a few millimetres of a geofence's edge, or about as far from two ports, is left
 * unsettled and detection tests it itself, so the events are the same whichever path ran.
 *
 * The ports go in as arrays, the very list detection was given (not the ports table, which may have
 * changed since it was read). Detection's index works with longitude and latitude boxes around each
 * geofence, which do not wrap at ±180° nor reach over a pole; should any geofence come near either,
 * nothing is settled by the database (no such port exists today: the seeded ones are around Korea).
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
  // pf: each port's geography, reach (metres) and latitude reach (degrees, a cheap first test:
  // a fix within an angle of the port is within that angle of its latitude). f: the fixes, each
  // made a geography once (`offset 0` keeps the subquery from being merged into the lateral one).
  const { rows } = await sql<{ t: number; lon: number; lat: number; sog: number | null; cog: number | null; import_seq: number; port: string | null; settled: boolean }>`
    with pf as materialized (
      select id, r, lat, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography as g,
        (r * (1 + ${MARGIN}::float8) + ${MARGIN_NM}::float8) * 1852 as reach,
        degrees((r * (1 + ${MARGIN}::float8) + ${MARGIN_NM}::float8) * 1852 / 6371000) * 1.001 + 1e-9 as reach_lat
      from unnest(${arrays.ids}::text[], ${arrays.lons}::float8[], ${arrays.lats}::float8[], ${arrays.radii}::float8[]) as p(id, lon, lat, r)
    )
    select f.t, f.lon, f.lat, f.sog, f.cog, f.import_seq, k.id1 as port,
      (k.d1 is null or (k.d1 < k.r1 * (1 - ${MARGIN}::float8) - ${MARGIN_NM}::float8 and (k.d2 is null or k.d2 > k.d1 * (1 + ${MARGIN}::float8) + ${MARGIN_NM}::float8))) as settled
    from (
      select t, lon, lat, sog, cog, import_seq, geom::geography as gg from positions
      where vessel_id = ${vesselId} and import_seq = any(${[...seqs]}::bigint[])
      offset 0
    ) f
    left join lateral (
      select (array_agg(c.id order by c.d))[1] as id1, min(c.d) as d1, (array_agg(c.r order by c.d))[1] as r1, (array_agg(c.d order by c.d))[2] as d2
      from (
        select pf.id, pf.r, ST_Distance(f.gg, pf.g, false) / 1852 as d from pf
        where abs(f.lat - pf.lat) <= pf.reach_lat and ST_DWithin(f.gg, pf.g, pf.reach, false)
        order by d limit 2
      ) c
    ) k on true
    order by f.t`.execute(db);
  return rows.map((r) => {
    const point: Stored = { t: r.t, lon: r.lon, lat: r.lat, sog: r.sog, cog: r.cog, import_seq: r.import_seq };
    if (r.settled) point.port = r.port;
    return point;
  });
}
