/**
 * Detection over a vessel's whole stored track: its completed imports' positions and, during an
 * import's final step, the import's own. The sea distances come from the basemap's sea graph
 * (the route the map would draw), memoised per pair of positions for the process's life.
 */
import 'server-only';
import { greatCircleNm, routeLengthNm } from '@/lib/core/geo';
import type { GeofencedPort } from '@/lib/core/geo/types';
import { detectEvents } from '@/lib/core/track/detectEvents';
import { DEFAULT_DETECTION, type SeaDistanceNm, type TrackEvent, type TrackPoint } from '@/lib/core/track/types';
import { basemapRouting } from '@/lib/server/basemap/router';
import type { DB } from '@/lib/server/db';

const MEMO_LIMIT = 100_000;
const memo = new Map<string, number>();

/**
 * Shortest sea distance between two positions along the basemap's sea graph. When there is none
 * (an AIS fix inside the basemap's coarse land, a river berth), the great-circle distance: a lower
 * bound, so a gap's least speed stays a lower bound and no possible dark port call is missed.
 */
export const seaDistanceNm: SeaDistanceNm = (a, b) => {
  const key = `${a[0].toFixed(4)},${a[1].toFixed(4)};${b[0].toFixed(4)},${b[1].toFixed(4)}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  let nm: number;
  try {
    nm = routeLengthNm(basemapRouting().drawRoute(a, b));
  } catch {
    nm = greatCircleNm(a, b);
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, nm);
  return nm;
};

/** Every port with its geofence, as detection needs them. */
export async function detectionPorts(db: DB): Promise<GeofencedPort[]> {
  const rows = await db.selectFrom('ports').select(['id', 'lon', 'lat', 'geofence_radius_nm']).where('deleted_at', 'is', null).execute();
  return rows.map((p) => ({ id: p.id, position: [p.lon, p.lat], geofenceRadiusNm: p.geofence_radius_nm }));
}

/** The vessel's fixes in time order from the imports in `seqs`. */
export async function trackOf(db: DB, vesselId: string, seqs: readonly number[]): Promise<TrackPoint[]> {
  if (seqs.length === 0) return [];
  return db
    .selectFrom('positions')
    .select(['t', 'lon', 'lat', 'sog', 'cog'])
    .where('vessel_id', '=', vesselId)
    .where('import_seq', 'in', seqs)
    .orderBy('t')
    .execute();
}

/** The vessel's events over the given track, with the default parameters. */
export function detect(points: readonly TrackPoint[], ports: readonly GeofencedPort[]): TrackEvent[] {
  return detectEvents(points, ports, DEFAULT_DETECTION, seaDistanceNm);
}
