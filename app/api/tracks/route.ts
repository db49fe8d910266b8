import { parseBbox, tracksQuery } from '@/lib/core/domain/api-contract-tracks';
import { tracksGpxPieces } from '@/lib/core/domain/format-gpx';
import { tracksKmlPieces } from '@/lib/core/domain/format-kml';
import { visibilityFor } from '@/lib/core/domain/records';
import { tracksJsonPieces } from '@/lib/core/domain/format-tracks-json';
import { getDb } from '@/lib/server/db';
import { trackPieces } from '@/lib/server/imports/track-pieces';
import { dayWindowMs, visibleTracks } from '@/lib/server/imports/tracks';
import { requireReader } from '../_lib/auth';
import { cachedResponse, notModified, versionEtag } from '../_lib/cache';
import { handle, parseQuery } from '../_lib/http';
import { methods } from '../_lib/methods';

/** Text pieces as a byte stream, a piece made each time the reader asks for more. */
function streamOf(pieces: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}

/** All the pieces, joined. */
async function textOf(pieces: AsyncGenerator<string>): Promise<string> {
  const parts: string[] = [];
  for await (const piece of pieces) parts.push(piece);
  return parts.join('');
}

/** GET /api/tracks?vessel=&from=&to=&bbox=&format=: imported tracks as columns (JSON), or as GPX or KML with a time on every point. */
const get = handle(async (request: Request) => {
  const q = parseQuery(request.url, tracksQuery);
  const visibility = visibilityFor(Boolean(await requireReader(request)));
  const filter = { vesselId: q.vessel, ...dayWindowMs(q), bbox: q.bbox === undefined ? undefined : parseBbox(q.bbox)! };
  if (q.format === 'json') {
    // Kept until the data version moves (an import completes, a source is deleted or published):
    // the map asks for the same million fixes on every page load.
    const key = `tracks ${JSON.stringify([q.vessel, q.from, q.to, q.bbox])}`;
    return cachedResponse(
      request,
      key,
      async () => ({ body: await textOf(trackPieces(await visibleTracks(await getDb(), visibility, filter), tracksJsonPieces)), contentType: 'application/json' }),
      visibility,
    );
  }
  // Downloads are streamed, not cached: a million fixes are 150 MB of GPX, and a track at a time is
  // all the server holds while the client reads. Their ETag names the data version, the query and
  // what the reader may see, so a client holding the file is answered 304 without it being made.
  const etag = await versionEtag(`tracks ${JSON.stringify([q.format, q.vessel, q.from, q.to, q.bbox])}`, visibility);
  const headers = {
    'Content-Type': q.format === 'gpx' ? 'application/gpx+xml' : 'application/vnd.google-earth.kml+xml',
    'Cache-Control': 'no-cache',
    ETag: etag,
    'Content-Disposition': `attachment; filename="wakeline-tracks.${q.format}"`,
  };
  if (notModified(request, etag)) return new Response(null, { status: 304, headers });
  const tracks = await visibleTracks(await getDb(), visibility, filter);
  return new Response(streamOf(trackPieces(tracks, q.format === 'gpx' ? tracksGpxPieces : tracksKmlPieces)), { headers });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
