import { tracksQuery } from '@/lib/core/domain/api-contract-tracks';
import { tracksGpxPieces } from '@/lib/core/domain/format-gpx';
import { tracksKmlPieces } from '@/lib/core/domain/format-kml';
import { visibilityFor } from '@/lib/core/domain/records';
import { tracksJsonPieces } from '@/lib/core/domain/format-tracks-json';
import { getDb } from '@/lib/server/db';
import { dayWindowMs, visibleTracks } from '@/lib/server/imports/tracks';
import { requireReader } from '../_lib/auth';
import { cachedResponse } from '../_lib/cache';
import { handle, parseQuery } from '../_lib/http';
import { methods } from '../_lib/methods';

/** Text pieces as a byte stream, a piece made each time the reader asks for more. */
function streamOf(pieces: Generator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      pieces.return(undefined);
    },
  });
}

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
  // Downloads are streamed, not cached: a million fixes are 150 MB of GPX, and a track at a time is
  // all the server holds while the client reads.
  const tracks = await visibleTracks(await getDb(), visibility, filter);
  const [pieces, type] = q.format === 'gpx' ? [tracksGpxPieces(tracks), 'application/gpx+xml'] : [tracksKmlPieces(tracks), 'application/vnd.google-earth.kml+xml'];
  return new Response(streamOf(pieces), { headers: { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="wakeline-tracks.${q.format}"` } });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
