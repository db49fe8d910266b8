/**
 * GET /api/tracks: each visible vessel's fixes in time order, as columns (see TrackDto). Read a
 * vessel at a time along the (vessel_id, t) key; only completed imports' positions count.
 */
import 'server-only';
import type { Visibility } from '@/lib/core/domain/records';
import type { TrackDto } from '@/lib/core/track/types';
import type { DB } from '@/lib/server/db';
import { visibleImports, visibleTrackVessels } from './visible';

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** The tracks `visibility` may see; `vesselId` narrows them to one vessel. */
export async function readTracks(db: DB, visibility: Visibility, vesselId?: string): Promise<TrackDto[]> {
  const imports = await visibleImports(db, visibility);
  const vessels = await visibleTrackVessels(db, visibility, imports, vesselId);
  const seqs = [...imports.keys()];
  const tracks: TrackDto[] = [];
  for (const v of vessels) {
    const rows = await db
      .selectFrom('positions')
      .select(['t', 'lon', 'lat', 'sog'])
      .where('vessel_id', '=', v.id)
      .where('import_seq', 'in', seqs)
      .orderBy('t')
      .execute();
    if (rows.length === 0) continue;
    const track: TrackDto = { vesselId: v.id, vesselName: v.name, t: new Array<number>(rows.length), coords: new Array<number>(rows.length * 2), sog: new Array<number | null>(rows.length) };
    rows.forEach((r, i) => {
      track.t[i] = Math.floor(r.t / 1000);
      track.coords[2 * i] = round5(r.lon);
      track.coords[2 * i + 1] = round5(r.lat);
      track.sog[i] = r.sog;
    });
    tracks.push(track);
  }
  return tracks;
}
