import { tracksQuery } from '@/lib/core/domain/api-contract-tracks';
import { tracksToGpx } from '@/lib/core/domain/format-gpx';
import { tracksToKml } from '@/lib/core/domain/format-kml';
import { visibilityFor } from '@/lib/core/domain/records';
import { tracksJsonPieces } from '@/lib/core/domain/format-tracks-json';
import { getDb } from '@/lib/server/db';
import { dayWindowMs, visibleTracks } from '@/lib/server/imports/tracks';
import { requireReader } from '../_lib/auth';
import { cachedResponse } from '../_lib/cache';
import { handle, parseQuery } from '../_lib/http';
import { methods } from '../_lib/methods';

/** GET /api/tracks?vessel=&from=&to=&format=: imported tracks as columns (JSON), or as GPX or KML with a time on every point. */
const get = handle(async (request: Request) => {
  const q = parseQuery(request.url, tracksQuery);
  const visibility = visibilityFor(Boolean(await requireReader(request)));
  const filter = { vesselId: q.vessel, ...dayWindowMs(q) };
  if (q.format === 'json') {
    // Kept until the data version moves (an import completes, a source is deleted or published):
    // the map asks for the same million fixes on every page load.
    const key = `tracks ${JSON.stringify([q.vessel, q.from, q.to])}`;
    return cachedResponse(
      request,
      key,
      async () => ({ body: [...tracksJsonPieces(await visibleTracks(await getDb(), visibility, filter))].join(''), contentType: 'application/json' }),
      visibility,
    );
  }
  const tracks = [...(await visibleTracks(await getDb(), visibility, filter))];
  const [body, type] = q.format === 'gpx' ? [tracksToGpx(tracks), 'application/gpx+xml'] : [tracksToKml(tracks), 'application/vnd.google-earth.kml+xml'];
  return new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="wakeline-tracks.${q.format}"` } });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
