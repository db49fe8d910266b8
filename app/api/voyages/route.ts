import { getDb } from '@/lib/server/db';
import { listVoyageRoutes, listVoyages } from '@/lib/server/db/voyages';
import { voyageListJson, voyageRoutesGeoJson } from '@/lib/server/db/voyage-pages';
import { listVessels } from '@/lib/server/db/reference';
import { voyageQuery } from '@/lib/core/domain/query';
import { visibilityFor } from '@/lib/core/domain/records';
import { voyagesCsvt, voyagesToCsv } from '@/lib/core/domain/format';
import { voyagesToFlatGeoJSON } from '@/lib/core/domain/format-geojson-flat';
import { voyagesToGpx } from '@/lib/core/domain/format-gpx';
import { voyagesToKml } from '@/lib/core/domain/format-kml';
import { type CachedAnswer, cachedResponse, voyageAnswersVersion } from '../_lib/cache';
import { handle, parseQuery } from '../_lib/http';
import { requireReader } from '../_lib/auth';
import { deskRoutes } from '../_lib/desk';
import { methods } from '../_lib/methods';

/** The downloads for GIS tools: writer, media type and file name (each saved as wakeline-voyages.<ext>). */
const ROUTE_DOWNLOADS = {
  'geojson-flat': { write: voyagesToFlatGeoJSON, type: 'application/geo+json', ext: 'geojson' },
  kml: { write: voyagesToKml, type: 'application/vnd.google-earth.kml+xml', ext: 'kml' },
  gpx: { write: voyagesToGpx, type: 'application/gpx+xml', ext: 'gpx' },
} as const;

const attachment = (ext: string) => `attachment; filename="wakeline-voyages.${ext}"`;

const get = handle(async (request: Request) => {
  const query = parseQuery(request.url, voyageQuery);
  const visibility = visibilityFor(Boolean(await requireReader(request)));
  const { format, ...rest } = query;
  const filter = { ...rest, visibility };
  // The validated query, in a fixed key order, names the answer: equivalent URLs share one entry.
  const key = `voyages ${JSON.stringify([format, filter.vessel, filter.port, filter.from, filter.to, filter.confidence, filter.limit, filter.offset])}`;
  return cachedResponse(request, key, async (): Promise<CachedAnswer> => {
    // The column types do not depend on the data: no query needed.
    if (format === 'csvt') return { body: voyagesCsvt(), contentType: 'text/plain; charset=utf-8', headers: { 'Content-Disposition': attachment('csvt') } };
    const db = await getDb();
    if (format === 'geojson') {
      const { body, total } = await voyageRoutesGeoJson(db, filter);
      return {
        body,
        contentType: 'application/geo+json',
        headers: { 'X-Total-Count': String(total) },
      };
    }
    if (format === 'geojson-flat' || format === 'kml' || format === 'gpx') {
      const d = ROUTE_DOWNLOADS[format];
      // The voyage list names vessels only: their IMO and MMSI come from the vessels visible to this reader.
      const [{ voyages, total }, vessels] = await Promise.all([listVoyageRoutes(db, filter), listVessels(db, visibility)]);
      const identifiers = new Map(vessels.map((v) => [v.id, { imo: v.imo, mmsi: v.mmsi }]));
      return {
        body: d.write(voyages, identifiers),
        contentType: d.type,
        headers: { 'Content-Disposition': attachment(d.ext), 'X-Total-Count': String(total) },
      };
    }
    if (format === 'csv') {
      const list = await listVoyages(db, filter);
      return {
        body: voyagesToCsv(list.voyages),
        contentType: 'text/csv; charset=utf-8',
        headers: { 'Content-Disposition': attachment('csv'), 'X-Total-Count': String(list.total) },
      };
    }
    const { body, total } = await voyageListJson(db, filter);
    return { body, contentType: 'application/json', headers: { 'X-Total-Count': String(total) } };
  }, visibility, voyageAnswersVersion);
});

const desk = deskRoutes('voyage');

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: desk.create });
