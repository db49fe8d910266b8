/**
 * Detection over a vessel's whole stored track: its completed imports' positions and, during an
 * import's final step, the import's own. The sea distances come from the basemap's sea graph
 * (lib/server/imports/sea-distance.ts).
 */
import 'server-only';
import type { GeofencedPort } from '@/lib/core/geo/types';
import { detectEvents } from '@/lib/core/track/detectEvents';
import { type ClassifiedPoint, DEFAULT_DETECTION, type TrackEvent } from '@/lib/core/track/types';
import type { DB } from '@/lib/server/db';
import type { ImportFixes } from './fixes';
import { classifiedTrack } from './geofence-sql';
import { seaDistanceNm } from './sea-distance';

/** Every port with its geofence, as detection needs them. */
export async function detectionPorts(db: DB): Promise<GeofencedPort[]> {
  const rows = await db.selectFrom('ports').select(['id', 'lon', 'lat', 'geofence_radius_nm']).where('deleted_at', 'is', null).execute();
  return rows.map((p) => ({ id: p.id, position: [p.lon, p.lat], geofenceRadiusNm: p.geofence_radius_nm }));
}

/** A fix and the import that brought it (on PostgreSQL perhaps with its geofence settled: geofence-sql.ts). */
export type StoredPoint = ClassifiedPoint & { import_seq: number };

/**
 * The vessel's fixes in time order from the imports in `seqs`. The running import's own (`kept`,
 * in memory: lib/server/imports/fixes.ts) are not read back from the database; the rest are, and
 * at a time both have, the stored (earlier) import's fix is the one kept. Given `ports` (those
 * detection will use), on PostgreSQL the database settles which geofence each stored fix is in
 * (geofence-sql.ts); the fixes in memory are left to detection's index, which classifies them
 * faster than they could be sent to the database and back.
 */
export async function trackOf(
  db: DB,
  vesselId: string,
  seqs: readonly number[],
  kept?: { seq: number; fixes: ImportFixes },
  ports?: readonly GeofencedPort[],
): Promise<StoredPoint[]> {
  const own = kept && seqs.includes(kept.seq) ? kept.fixes.track(vesselId, kept.seq) : [];
  const stored = seqs.filter((seq) => seq !== kept?.seq);
  const rows: StoredPoint[] =
    stored.length === 0
      ? []
      : ((ports && (await classifiedTrack(db, vesselId, stored, ports))) ??
        (await db
          .selectFrom('positions')
          .select(['t', 'lon', 'lat', 'sog', 'cog', 'import_seq'])
          .where('vessel_id', '=', vesselId)
          .where('import_seq', 'in', stored)
          .orderBy('t')
          .execute()));
  if (own.length === 0) return rows;
  return rows.length === 0 ? own : mergeByTime(rows, own);
}

/** Two time-ordered tracks as one; at a time both have, `first`'s fix only. */
function mergeByTime(first: StoredPoint[], second: StoredPoint[]): StoredPoint[] {
  const out: StoredPoint[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length) {
    const a = first[i];
    const b = second[j];
    if (b === undefined || (a !== undefined && a.t <= b.t)) {
      out.push(a!);
      i++;
      if (b !== undefined && a!.t === b.t) j++;
    } else {
      out.push(b);
      j++;
    }
  }
  return out;
}

const onlySeq = new WeakMap<readonly StoredPoint[], number | null>();

/** The one import every fix of `points` came from, or null when there are several (kept per array). */
function singleSeq(points: readonly StoredPoint[]): number | null {
  let known = onlySeq.get(points);
  if (known === undefined) {
    known = points[0]?.import_seq ?? null;
    for (const p of points) {
      if (p.import_seq !== known) {
        known = null;
        break;
      }
    }
    onlySeq.set(points, known);
  }
  return known;
}

/** The imports (by seq) whose fixes in `points` (time order) fall within [start, end]. */
export function seqsWithin(points: readonly StoredPoint[], start: number, end: number): Set<number> {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.t < start) lo = mid + 1;
    else hi = mid;
  }
  const seqs = new Set<number>();
  if (lo >= points.length || points[lo]!.t > end) return seqs;
  // A vessel seen by one import only (the usual case): no need to walk a long port call's fixes.
  const only = singleSeq(points);
  if (only !== null) return seqs.add(only);
  for (let i = lo; i < points.length && points[i]!.t <= end; i++) seqs.add(points[i]!.import_seq);
  return seqs;
}

/** The vessel's events over the given track, with the default parameters. */
export function detect(points: readonly ClassifiedPoint[], ports: readonly GeofencedPort[]): TrackEvent[] {
  return detectEvents(points, ports, DEFAULT_DETECTION, seaDistanceNm);
}
