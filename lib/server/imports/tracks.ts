/**
 * GET /api/tracks: each visible vessel's fixes in time order, as columns (see TrackDto). Read a
 * vessel at a time along the (vessel_id, t) key; only completed imports' positions count.
 *
 * A million fixes are read as raw arrays by better-sqlite3 itself, not as Kysely's row objects:
 * see FIXES_SQL and scripts/bench/tracks-api.ts.
 */
import 'server-only';
import { sql } from 'kysely';
import type { Visibility } from '@/lib/core/domain/records';
import { dayStart } from '@/lib/core/time/days';
import type { TrackDto } from '@/lib/core/track/types';
import type { DB } from '@/lib/server/db';
import { isPostgres, sqliteOf } from '@/lib/server/db/connection';
import { visibleImports, visibleTrackVessels } from './visible';

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** Which tracks: one vessel's or all, the fixes in [sinceMs, untilMs) (epoch ms) or all of them, inside `bbox` or anywhere. */
export interface TrackFilter {
  vesselId?: string;
  sinceMs?: number;
  untilMs?: number;
  /** minLon, minLat, maxLon, maxLat (degrees), edges included. */
  bbox?: readonly [number, number, number, number];
}

const WORLD = [-180, -90, 180, 90] as const;

const DAY_MS = 86_400_000;

/** The query's days (validated `from` and `to`, YYYY-MM-DD) as epoch ms: [00:00Z of from, 24:00Z of to). */
export function dayWindowMs(q: { from?: string; to?: string }): Pick<TrackFilter, 'sinceMs' | 'untilMs'> {
  return { sinceMs: q.from ? dayStart(q.from) : undefined, untilMs: q.to ? dayStart(q.to) + DAY_MS : undefined };
}

/**
 * A vessel's fixes as four JSON arrays in one row: better-sqlite3 spends about 2 µs handing each
 * row to JavaScript, several times what SQLite spends reading it, so a quarter of a million rows
 * are better handed over as four strings for JSON.parse. SQLite writes reals with 17 significant
 * digits, which read back as the very same doubles. The subquery's order (the primary key's) is
 * the order the aggregates see. The imports' seqs go in as one JSON parameter: one statement text
 * whatever their number.
 */
const FIXES_SQL = `select json_group_array(t), json_group_array(lon), json_group_array(lat), json_group_array(sog) from (
  select t, lon, lat, sog from positions
  where vessel_id = ? and t >= ? and t < ? and import_seq in (select value from json_each(?))
    and lon between ? and ? and lat between ? and ?
  order by t)`;

/**
 * The tracks `visibility` may see, as a lazy sequence: each vessel's fixes are read when the
 * sequence reaches it, so a streamed download holds one vessel's track at a time.
 */
export async function visibleTracks(db: DB, visibility: Visibility, filter: TrackFilter = {}): Promise<Iterable<TrackDto>> {
  const imports = await visibleImports(db, visibility);
  const vessels = await visibleTrackVessels(db, visibility, imports, filter.vesselId);
  const seqs = JSON.stringify([...imports.keys()]);
  const since = filter.sinceMs ?? Number.MIN_SAFE_INTEGER;
  const until = filter.untilMs ?? Number.MAX_SAFE_INTEGER;
  if (isPostgres(db)) return postgresTracks(db, vessels, [...imports.keys()], since, until, filter.bbox);
  const [west, south, east, north] = filter.bbox ?? WORLD;
  const sqlite = sqliteOf(db);
  return {
    *[Symbol.iterator]() {
      const fixes = sqlite.prepare(FIXES_SQL).raw(true);
      for (const v of vessels) {
        const [tText, lonText, latText, sogText] = fixes.get(v.id, since, until, seqs, west, east, south, north) as [string, string, string, string];
        const t = JSON.parse(tText) as number[];
        if (t.length === 0) continue;
        const lon = JSON.parse(lonText) as number[];
        const lat = JSON.parse(latText) as number[];
        const coords = new Array<number>(t.length * 2);
        for (let i = 0; i < t.length; i++) {
          t[i] = Math.floor(t[i]! / 1000);
          coords[2 * i] = round5(lon[i]!);
          coords[2 * i + 1] = round5(lat[i]!);
        }
        yield { vesselId: v.id, vesselName: v.name, t, coords, sog: JSON.parse(sogText) as (number | null)[] };
      }
    },
  };
}

/**
 * On PostgreSQL: every vessel's fixes as four arrays aggregated by the database, in one query,
 * read before the sequence is handed back (a query there is asynchronous).
 */
async function postgresTracks(
  db: DB,
  vessels: readonly { id: string; name: string }[],
  seqs: number[],
  since: number,
  until: number,
  bbox: TrackFilter['bbox'],
): Promise<TrackDto[]> {
  if (vessels.length === 0) return [];
  // The box as a PostGIS envelope: `&&` is answered by the positions' GiST index.
  const inside = bbox ? sql`and geom && ST_MakeEnvelope(${bbox[0]}, ${bbox[1]}, ${bbox[2]}, ${bbox[3]}, 4326)` : sql``;
  const { rows } = await sql<{ vessel_id: string; t: number[]; lon: number[]; lat: number[]; sog: (number | null)[] }>`
    select vessel_id, array_agg(t::float8 order by t) as t, array_agg(lon order by t) as lon, array_agg(lat order by t) as lat, array_agg(sog order by t) as sog
    from positions where vessel_id = any(${vessels.map((v) => v.id)}::text[]) and t >= ${since} and t < ${until} and import_seq = any(${seqs}::bigint[]) ${inside}
    group by vessel_id`.execute(db);
  const byVessel = new Map(rows.map((r) => [r.vessel_id, r]));
  // In the vessels' order (by name), as on SQLite; a vessel with no fix in the filter is left out.
  return vessels.flatMap((v) => {
    const r = byVessel.get(v.id);
    if (!r) return [];
    const t = r.t.map((ms) => Math.floor(ms / 1000));
    const coords = new Array<number>(t.length * 2);
    for (let i = 0; i < t.length; i++) {
      coords[2 * i] = round5(r.lon[i]!);
      coords[2 * i + 1] = round5(r.lat[i]!);
    }
    return [{ vesselId: v.id, vesselName: v.name, t, coords, sog: r.sog }];
  });
}

/** The tracks `visibility` may see, all read at once; `vesselId` narrows them to one vessel. */
export async function readTracks(db: DB, visibility: Visibility, vesselId?: string): Promise<TrackDto[]> {
  return [...(await visibleTracks(db, visibility, { vesselId }))];
}
