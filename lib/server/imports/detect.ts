/**
 * Detection over a vessel's whole stored track: its completed imports' positions and, during an
 * import's final step, the import's own. The sea distances come from the basemap's sea graph
 * (lib/server/imports/sea-distance.ts).
 */
import 'server-only';
import type { GeofencedPort } from '@/lib/core/geo/types';
import { detectEvents } from '@/lib/core/track/detectEvents';
import { DEFAULT_DETECTION, type TrackEvent, type TrackPoint } from '@/lib/core/track/types';
import type { DB } from '@/lib/server/db';
import { seaDistanceNm } from './sea-distance';

/** Every port with its geofence, as detection needs them. */
export async function detectionPorts(db: DB): Promise<GeofencedPort[]> {
  const rows = await db.selectFrom('ports').select(['id', 'lon', 'lat', 'geofence_radius_nm']).where('deleted_at', 'is', null).execute();
  return rows.map((p) => ({ id: p.id, position: [p.lon, p.lat], geofenceRadiusNm: p.geofence_radius_nm }));
}

/** A fix and the import that brought it. */
export type StoredPoint = TrackPoint & { import_seq: number };

/** The vessel's fixes in time order from the imports in `seqs`. */
export async function trackOf(db: DB, vesselId: string, seqs: readonly number[]): Promise<StoredPoint[]> {
  if (seqs.length === 0) return [];
  return db
    .selectFrom('positions')
    .select(['t', 'lon', 'lat', 'sog', 'cog', 'import_seq'])
    .where('vessel_id', '=', vesselId)
    .where('import_seq', 'in', seqs)
    .orderBy('t')
    .execute();
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
  for (let i = lo; i < points.length && points[i]!.t <= end; i++) seqs.add(points[i]!.import_seq);
  return seqs;
}

/** The vessel's events over the given track, with the default parameters. */
export function detect(points: readonly TrackPoint[], ports: readonly GeofencedPort[]): TrackEvent[] {
  return detectEvents(points, ports, DEFAULT_DETECTION, seaDistanceNm);
}
