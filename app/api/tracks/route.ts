import { tracksQuery } from '@/lib/core/domain/api-contract-tracks';
import { tracksToGpx } from '@/lib/core/domain/format-gpx';
import { tracksToKml } from '@/lib/core/domain/format-kml';
import { visibilityFor } from '@/lib/core/domain/records';
import { getDb } from '@/lib/server/db';
import { readTracks } from '@/lib/server/imports/tracks';
import { requireReader } from '../_lib/auth';
import { handle, json, parseQuery } from '../_lib/http';
import { methods } from '../_lib/methods';

/** GET /api/tracks?vessel=&format=: imported tracks as columns (JSON), or as GPX or KML with a time on every point. */
const get = handle(async (request: Request) => {
  const q = parseQuery(request.url, tracksQuery);
  const visibility = visibilityFor(Boolean(await requireReader(request)));
  const tracks = await readTracks(await getDb(), visibility, q.vessel);
  if (q.format === 'json') return json({ tracks });
  const [body, type] = q.format === 'gpx' ? [tracksToGpx(tracks), 'application/gpx+xml'] : [tracksToKml(tracks), 'application/vnd.google-earth.kml+xml'];
  return new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="wakeline-tracks.${q.format}"` } });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
