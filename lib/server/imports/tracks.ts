/**
 * GET /api/tracks: each visible vessel's fixes in time order, as columns (see TrackDto). Read a
 * vessel at a time along the (vessel_id, t) key (on PostgreSQL a batch of vessels at a time), as
 * the answer reaches them (track-pieces.ts); only completed imports' positions count.
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

/** Vessels in a batch read on PostgreSQL at most (see postgresTracks). */
const MAX_BATCH_VESSELS = 64;
/** Fixes a batch read on PostgreSQL aims at: the next batch has fewer vessels after one with more. */
const BATCH_FIXES = 250_000;

/**
 * The tracks `visibility` may see, in the vessels' order (by name), read lazily in batches as the
 * sequence reaches them: a streamed download holds one batch at a time. On SQLite a batch is one
 * vessel, read synchronously; on PostgreSQL a few vessels per query (see postgresTracks). A vessel
 * with no fix in the filter is left out.
 */
export async function visibleTracks(db: DB, visibility: Visibility, filter: TrackFilter = {}): Promise<AsyncIterable<TrackDto[]>> {
  const imports = await visibleImports(db, visibility);
  const vessels = await visibleTrackVessels(db, visibility, imports, filter.vesselId);
  const seqs = JSON.stringify([...imports.keys()]);
  const since = filter.sinceMs ?? Number.MIN_SAFE_INTEGER;
  const until = filter.untilMs ?? Number.MAX_SAFE_INTEGER;
  if (isPostgres(db)) return postgresTracks(db, vessels, [...imports.keys()], since, until, filter.bbox);
  const [west, south, east, north] = filter.bbox ?? WORLD;
  const sqlite = sqliteOf(db);
  return (async function* sqliteTracks() {
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
      yield [{ vesselId: v.id, vesselName: v.name, t, coords, sog: JSON.parse(sogText) as (number | null)[] }];
    }
  })();
}

/**
 * On PostgreSQL: the vessels' fixes as four arrays aggregated by the database, a batch of vessels
 * per query, each query made when the sequence reaches its batch. Batches grow from one vessel
 * (the first byte waits for one track) by doubling up to MAX_BATCH_VESSELS, and shrink after a
 * batch of more than BATCH_FIXES fixes, so what is held is about BATCH_FIXES fixes, or one
 * vessel's track when that alone is more. Each batch is its own statement: like SQLite's reads,
 * not one snapshot (the imports read are fixed when the sequence is made).
 */
async function* postgresTracks(
  db: DB,
  vessels: readonly { id: string; name: string }[],
  seqs: number[],
  since: number,
  until: number,
  bbox: TrackFilter['bbox'],
): AsyncGenerator<TrackDto[]> {
  // The box as a PostGIS envelope: `&&` is answered by the positions' GiST index.
  const inside = bbox ? sql`and geom && ST_MakeEnvelope(${bbox[0]}, ${bbox[1]}, ${bbox[2]}, ${bbox[3]}, 4326)` : sql``;
  let size = 1;
  for (let from = 0; from < vessels.length; ) {
    const batch = vessels.slice(from, from + size);
    from += batch.length;
    const { rows } = await sql<{ vessel_id: string; t: number[]; lon: number[]; lat: number[]; sog: (number | null)[] }>`
      select vessel_id, array_agg(t::float8 order by t) as t, array_agg(lon order by t) as lon, array_agg(lat order by t) as lat, array_agg(sog order by t) as sog
      from positions where vessel_id = any(${batch.map((v) => v.id)}::text[]) and t >= ${since} and t < ${until} and import_seq = any(${seqs}::bigint[]) ${inside}
      group by vessel_id`.execute(db);
    const byVessel = new Map(rows.map((r) => [r.vessel_id, r]));
    let fixes = 0;
    // In the vessels' order (by name), as on SQLite.
    const tracks = batch.flatMap((v) => {
      const r = byVessel.get(v.id);
      if (!r) return [];
      const t = r.t.map((ms) => Math.floor(ms / 1000));
      const coords = new Array<number>(t.length * 2);
      for (let i = 0; i < t.length; i++) {
        coords[2 * i] = round5(r.lon[i]!);
        coords[2 * i + 1] = round5(r.lat[i]!);
      }
      fixes += t.length;
      return [{ vesselId: v.id, vesselName: v.name, t, coords, sog: r.sog }];
    });
    byVessel.clear();
    if (tracks.length > 0) yield tracks;
    size = Math.max(1, Math.min(MAX_BATCH_VESSELS, size * 2, Math.floor((size * BATCH_FIXES) / Math.max(1, fixes))));
  }
}

/** The tracks `visibility` may see, all read at once; `vesselId` narrows them to one vessel. */
export async function readTracks(db: DB, visibility: Visibility, vesselId?: string): Promise<TrackDto[]> {
  const out: TrackDto[] = [];
  for await (const batch of await visibleTracks(db, visibility, { vesselId })) out.push(...batch);
  return out;
}
